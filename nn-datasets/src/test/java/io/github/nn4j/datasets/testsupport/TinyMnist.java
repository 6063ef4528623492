package io.github.nn4j.datasets.testsupport;

import io.github.nn4j.datasets.files.Sha256;
import io.github.nn4j.datasets.mnist.MnistCatalog;
import io.github.nn4j.datasets.mnist.MnistFileSpec;
import io.github.nn4j.datasets.mnist.MnistPart;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.EnumMap;
import java.util.Map;

/**
 * A miniature MNIST for tests: four IDX files (50 training and 20 test images of 4x4 pixels), their
 * gzipped and raw bytes, and a {@link MnistCatalog} with their real digests.
 */
public final class TinyMnist {
    /** Training images. */
    public static final int TRAIN = 50;
    /** Test images. */
    public static final int TEST = 20;
    /** Rows and columns of an image. */
    public static final int SIDE = 4;

    /** The uncompressed IDX bytes of each part. */
    public final Map<MnistPart, byte[]> raw = new EnumMap<>(MnistPart.class);
    /** The gzipped bytes of each part. */
    public final Map<MnistPart, byte[]> gz = new EnumMap<>(MnistPart.class);
    /** The four files' names, sizes and digests. */
    public final MnistCatalog catalog;

    /** Builds the four files in memory. */
    public TinyMnist() throws IOException {
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
    public void writeGz(Path dir) throws IOException {
        for (MnistPart part : MnistPart.values()) {
            IdxTestFiles.write(dir.resolve(catalog.spec(part).gzName()), gz.get(part));
        }
    }

    /** Writes the raw files into {@code dir}. */
    public void writeRaw(Path dir) throws IOException {
        for (MnistPart part : MnistPart.values()) {
            IdxTestFiles.write(dir.resolve(catalog.spec(part).rawName()), raw.get(part));
        }
    }

    /** The SHA-256 of {@code data}, lower-case hex. */
    public static String sha256(byte[] data) {
        MessageDigest md = Sha256.newDigest();
        md.update(data);
        return Sha256.hex(md);
    }
}
