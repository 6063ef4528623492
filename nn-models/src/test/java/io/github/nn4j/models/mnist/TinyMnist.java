package io.github.nn4j.models.mnist;

import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.EnumMap;
import java.util.Map;

/**
 * A miniature MNIST for tests: four IDX files (50 training and 20 test images of 4x4 pixels), their
 * gzipped and raw bytes, and a {@link MnistCatalog} with their real digests.
 */
final class TinyMnist {
    static final int TRAIN = 50;
    static final int TEST = 20;
    static final int SIDE = 4;

    final Map<MnistPart, byte[]> raw = new EnumMap<>(MnistPart.class);
    final Map<MnistPart, byte[]> gz = new EnumMap<>(MnistPart.class);
    final MnistCatalog catalog;

    TinyMnist() throws IOException {
        raw.put(MnistPart.TRAIN_IMAGES, IdxTestFiles.imageBytes(TRAIN, SIDE, SIDE,
                IdxTestFiles.randomPixels(TRAIN * SIDE * SIDE, 1)));
        raw.put(MnistPart.TRAIN_LABELS, IdxTestFiles.labelBytes(IdxTestFiles.cyclingLabels(TRAIN)));
        raw.put(MnistPart.TEST_IMAGES, IdxTestFiles.imageBytes(TEST, SIDE, SIDE,
                IdxTestFiles.randomPixels(TEST * SIDE * SIDE, 2)));
        raw.put(MnistPart.TEST_LABELS, IdxTestFiles.labelBytes(IdxTestFiles.cyclingLabels(TEST)));
        Map<MnistPart, MnistFileSpec> specs = new EnumMap<>(MnistPart.class);
        for (MnistPart part : MnistPart.values()) {
            gz.put(part, IdxTestFiles.gzip(raw.get(part)));
            String name = "tiny-" + part.name().toLowerCase(java.util.Locale.ROOT);
            specs.put(part, new MnistFileSpec(name + ".gz", gz.get(part).length, sha256(gz.get(part)), name,
                    sha256(raw.get(part))));
        }
        catalog = new MnistCatalog(specs);
    }

    /** Writes the gzipped files into {@code dir}. */
    void writeGz(Path dir) throws IOException {
        for (MnistPart part : MnistPart.values()) {
            IdxTestFiles.write(dir.resolve(catalog.spec(part).gzName()), gz.get(part));
        }
    }

    /** Writes the raw files into {@code dir}. */
    void writeRaw(Path dir) throws IOException {
        for (MnistPart part : MnistPart.values()) {
            IdxTestFiles.write(dir.resolve(catalog.spec(part).rawName()), raw.get(part));
        }
    }

    static String sha256(byte[] data) {
        MessageDigest md = Sha256.newDigest();
        md.update(data);
        return Sha256.hex(md);
    }
}
