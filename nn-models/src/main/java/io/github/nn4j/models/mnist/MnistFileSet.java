package io.github.nn4j.models.mnist;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * The four verified MNIST files, as found by {@link MnistLocator}.
 *
 * @param directory where they are
 * @param files     the file of each part (gzipped or raw)
 */
public record MnistFileSet(DataDirectory directory, Map<MnistPart, Path> files) {

    /** Copies the map and checks that every part has a file. */
    public MnistFileSet {
        EnumMap<MnistPart, Path> copy = new EnumMap<>(MnistPart.class);
        copy.putAll(files);
        for (MnistPart part : MnistPart.values()) {
            if (copy.get(part) == null) {
                throw new IllegalArgumentException("no file for " + part + " in " + directory);
            }
        }
        files = Map.copyOf(copy);
    }

    /** The file of {@code part}. */
    public Path file(MnistPart part) {
        return files.get(part);
    }
}
