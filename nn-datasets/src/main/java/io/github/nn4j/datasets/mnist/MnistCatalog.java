package io.github.nn4j.datasets.mnist;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Which files make up the dataset and their SHA-256 digests. {@link #OFFICIAL} holds the published
 * values for the original MNIST files; tests build catalogs of small files of their own.
 */
public final class MnistCatalog {

    /**
     * The original MNIST files. The digests and sizes are the published ones; the shared copies in
     * {@code ../shared/data/mnist} match them ({@code SHA256SUMS} there, and its {@code README.md} for
     * the uncompressed files).
     */
    public static final MnistCatalog OFFICIAL = new MnistCatalog(Map.of(
            MnistPart.TRAIN_IMAGES, new MnistFileSpec(
                    "train-images-idx3-ubyte.gz", 9_912_422,
                    "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
                    "train-images-idx3-ubyte", "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"),
            MnistPart.TRAIN_LABELS, new MnistFileSpec(
                    "train-labels-idx1-ubyte.gz", 28_881,
                    "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
                    "train-labels-idx1-ubyte", "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"),
            MnistPart.TEST_IMAGES, new MnistFileSpec(
                    "t10k-images-idx3-ubyte.gz", 1_648_877,
                    "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
                    "t10k-images-idx3-ubyte", "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"),
            MnistPart.TEST_LABELS, new MnistFileSpec(
                    "t10k-labels-idx1-ubyte.gz", 4_542,
                    "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6",
                    "t10k-labels-idx1-ubyte", "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2")));

    private final Map<MnistPart, MnistFileSpec> specs;

    /**
     * A catalog of one's own files.
     *
     * @param specs one spec for every {@link MnistPart}
     */
    public MnistCatalog(Map<MnistPart, MnistFileSpec> specs) {
        EnumMap<MnistPart, MnistFileSpec> copy = new EnumMap<>(MnistPart.class);
        copy.putAll(specs);
        for (MnistPart part : MnistPart.values()) {
            if (copy.get(part) == null) {
                throw new IllegalArgumentException("the catalog has no file for " + part);
            }
        }
        this.specs = copy;
    }

    /**
     * The names and digests of one part.
     *
     * @param part the part
     * @return its spec
     */
    public MnistFileSpec spec(MnistPart part) {
        return specs.get(part);
    }

    /** {@return the gzipped file names of the four parts, in {@link MnistPart} order} */
    public List<String> gzNames() {
        List<String> names = new ArrayList<>();
        for (MnistPart part : MnistPart.values()) {
            names.add(specs.get(part).gzName());
        }
        return names;
    }
}
