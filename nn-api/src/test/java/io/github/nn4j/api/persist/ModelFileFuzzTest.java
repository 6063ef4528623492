package io.github.nn4j.api.persist;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.loss.MeanSquaredError;
import io.github.nn4j.api.network.Network;
import io.github.nn4j.api.network.TrainingConfig;
import io.github.nn4j.api.optim.Adam;
import io.github.nn4j.api.reference.ReferenceBackend;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Thousands of random mutations of valid model files and checkpoints (bit flips, byte edits, truncations,
 * appended bytes, header-length edits, edits of the header text): each either loads a model with the original's
 * architecture and parameter shapes, or throws {@link ModelFormatException} naming the source. Anything else (an
 * index exception, an OutOfMemoryError, a partial model, a hang caught by the timeout) fails with the mutation
 * that caused it. The seeds are fixed, so a failure reproduces.
 */
class ModelFileFuzzTest {
    private static final int CASES = 6000;
    private final Backend be = new ReferenceBackend();

    private enum Mutation { BIT_FLIPS, BYTE_EDITS, TRUNCATE, APPEND, HEADER_LENGTH, HEADER_DIGIT, HEADER_CHAR }

    @Test
    @Timeout(120)
    void everyMutationLoadsTheSameShapeOrThrowsTheDocumentedException() throws Exception {
        byte[] model;
        byte[] checkpoint;
        byte[] unchecked; // without the data checksum: damaged values load, as in files other tools edit
        List<Class<?>> classes;
        List<Shape> shapes;
        try (Network net = TestModels.network(be, DType.FLOAT32); Adam adam = new Adam(0.01);
             Tensor x = TestModels.inputs(be, DType.FLOAT32, 8); Tensor y = be.zeros(DType.FLOAT32, Shape.of(8, 2))) {
            net.fit(x, y, new MeanSquaredError(), adam, TrainingConfig.builder(1).batchSize(4).build());
            model = ModelFiles.toBytes(net);
            checkpoint = ModelFiles.toBytes(net, adam);
            FileParts parts = FileParts.of(model);
            parts.metadata.remove(ModelFormat.CHECKSUM_KEY);
            unchecked = parts.bytes();
            classes = TestModels.layerClasses(net);
            shapes = TestModels.shapes(net);
        }
        List<byte[]> originals = List.of(model, checkpoint, unchecked);
        SplittableRandom random = new SplittableRandom(20_251_201);
        int[] loaded = new int[3];
        int rejected = 0;
        for (int i = 0; i < CASES; i++) {
            int which = i % 3;
            byte[] original = originals.get(which);
            Mutation m = Mutation.values()[random.nextInt(Mutation.values().length)];
            byte[] mutated = mutate(original, m, random);
            String name = "case-" + i + "-" + m;
            try {
                if (which == 1) {
                    try (Checkpoint cp = ModelFiles.checkpointFromBytes(mutated, be, name)) {
                        assertThat(TestModels.layerClasses(cp.network())).as(name).isEqualTo(classes);
                        assertThat(TestModels.shapes(cp.network())).as(name).isEqualTo(shapes);
                    }
                } else {
                    Network back = i % 10 == 0 ? ModelFiles.read(new ByteArrayInputStream(mutated), be, name)
                            : ModelFiles.fromBytes(mutated, be, name);
                    try (back) {
                        assertThat(TestModels.layerClasses(back)).as(name).isEqualTo(classes);
                        assertThat(TestModels.shapes(back)).as(name).isEqualTo(shapes);
                    }
                }
                loaded[which]++;
            } catch (ModelFormatException e) {
                assertThat(e.getMessage()).as(name).startsWith(name + ": ");
                rejected++;
            } catch (Throwable t) {
                throw new AssertionError(name + " ended in " + t + " instead of ModelFormatException", t);
            }
        }
        // the mutations reach both outcomes: not every file is rejected, not every mutation is harmless
        assertThat(rejected).isGreaterThan(CASES / 2);
        assertThat(loaded[2]).as("checksum-less files with damaged values that still load").isGreaterThan(50);
        assertThat(loaded[0] + loaded[1]).as("checksummed files that still load (harmless header edits)").isPositive();
    }

    private static byte[] mutate(byte[] original, Mutation m, SplittableRandom random) {
        byte[] b = original.clone();
        switch (m) {
            case BIT_FLIPS -> {
                int flips = 1 + random.nextInt(4);
                for (int k = 0; k < flips; k++) {
                    int at = random.nextInt(b.length);
                    b[at] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case BYTE_EDITS -> {
                int edits = 1 + random.nextInt(3);
                for (int k = 0; k < edits; k++) {
                    b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                }
            }
            case TRUNCATE -> b = Arrays.copyOf(b, random.nextInt(b.length));
            case APPEND -> {
                b = Arrays.copyOf(b, b.length + 1 + random.nextInt(16));
                for (int k = original.length; k < b.length; k++) {
                    b[k] = (byte) random.nextInt(256);
                }
            }
            case HEADER_LENGTH -> {
                long n = TestModels.headerLength(original);
                long edited = switch (random.nextInt(3)) {
                    case 0 -> n + random.nextInt(-16, 17);
                    case 1 -> random.nextLong();
                    default -> 1L << random.nextInt(64);
                };
                ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong(0, edited);
            }
            case HEADER_DIGIT -> {
                // change one number of the header (shapes, offsets, configurations, versions)
                String h = TestModels.header(original);
                int at = random.nextInt(h.length());
                while (at < h.length() && !Character.isDigit(h.charAt(at))) {
                    at++;
                }
                if (at < h.length()) {
                    char[] c = h.toCharArray();
                    c[at] = (char) ('0' + random.nextInt(10));
                    b = TestModels.file(new String(c), TestModels.data(original));
                }
            }
            case HEADER_CHAR -> {
                String h = TestModels.header(original);
                int at = random.nextInt(h.length());
                String chars = "{}[]\":,\\0aZ \u00e9";
                char c = chars.charAt(random.nextInt(chars.length()));
                String edited = switch (random.nextInt(3)) {
                    case 0 -> h.substring(0, at) + c + h.substring(at + 1);
                    case 1 -> h.substring(0, at) + c + h.substring(at);
                    default -> h.substring(0, at) + h.substring(at + 1);
                };
                b = TestModels.file(edited, TestModels.data(original));
            }
            default -> throw new AssertionError(m);
        }
        return b;
    }
}
