package io.github.nn4j.api.persist;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.layer.Dense;
import io.github.nn4j.api.layer.ReLU;
import io.github.nn4j.api.layer.Sigmoid;
import io.github.nn4j.api.layer.Tanh;
import io.github.nn4j.api.layer.WeightInit;
import io.github.nn4j.api.network.Network;
import io.github.nn4j.api.reference.ReferenceBackend;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs the README's NumPy reader (the Python block after {@code <!-- numpy-reader -->}) on a file nn4j wrote and
 * compares its predictions with nn4j's, so that the documented layout cannot drift from the code. Skipped where
 * {@code python3} with NumPy is not installed (it is not needed to build nn4j).
 */
class ReadmeNumpyReaderTest {
    private static final String MARKER = "<!-- numpy-reader -->\n```python\n";

    @TempDir
    Path dir;

    private static String readerFromReadme() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf(MARKER);
        assertThat(start).as("the README's NumPy reader block").isNotNegative();
        start += MARKER.length();
        return readme.substring(start, readme.indexOf("\n```", start) + 1);
    }

    private static boolean numpyAvailable() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void theReadmesNumpyReaderPredictsWhatNn4jPredicts(DType dtype) throws Exception {
        String reader = readerFromReadme();
        Assumptions.assumeTrue(numpyAvailable(), "python3 with NumPy is not installed");
        Backend be = new ReferenceBackend();
        Path model = dir.resolve("model.safetensors");
        double[] expected;
        double[] inputs;
        try (Network net = Network.of(new Dense(be, dtype, 5, 4, WeightInit.XAVIER_UNIFORM, 1), new Tanh(),
                new Dense(be, dtype, 4, 3, WeightInit.HE_NORMAL, 2), new ReLU(),
                new Dense(be, dtype, 3, 2, WeightInit.XAVIER_NORMAL, 3), new Sigmoid());
             Tensor x = be.randomUniform(dtype, Shape.of(6, 5), -2, 2, 4); Tensor y = net.predict(x)) {
            ModelFiles.save(net, model);
            expected = y.toDoubleArray();
            inputs = x.toDoubleArray();
        }
        String numpyType = dtype == DType.FLOAT32 ? "np.float32" : "np.float64";
        String script = reader + "\nimport sys\n"
                + "layers, tensors = load_nn4j(sys.argv[1])\n"
                + "x = np.array([" + Arrays.stream(inputs).mapToObj(Double::toString).collect(Collectors.joining(","))
                + "], dtype=" + numpyType + ").reshape(6, 5)\n"
                + "print(' '.join(repr(float(v)) for v in predict(layers, tensors, x).ravel()))\n";
        Path py = Files.writeString(dir.resolve("read.py"), script);
        Process p = new ProcessBuilder("python3", py.toString(), model.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("python finished").isTrue();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.exitValue()).as(output).isZero();
        double[] actual = Arrays.stream(output.split(" ")).mapToDouble(Double::parseDouble).toArray();
        assertThat(actual).hasSameSizeAs(expected);
        double tolerance = dtype == DType.FLOAT32 ? 1e-6 : 1e-14;
        for (int i = 0; i < actual.length; i++) {
            assertThat(actual[i]).as("output %d", i).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(tolerance));
        }
    }
}
