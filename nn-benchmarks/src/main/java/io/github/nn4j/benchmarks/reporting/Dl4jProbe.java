package io.github.nn4j.benchmarks.reporting;

import io.github.nn4j.benchmarks.training.AutoencoderTrainer;
import io.github.nn4j.benchmarks.training.Dl4jThreads;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Checks that DL4J's native backend loads here and describes it as the benchmark forks will set it up. */
final class Dl4jProbe {
    private Dl4jProbe() {
    }

    /** DL4J's availability; loads ND4J's native library into this JVM. Never throws. */
    static BackendInfo probe() {
        try {
            INDArray a = Nd4j.create(new float[] {1, 2, 3, 4}, new long[] {2, 2}, 'c');
            double sum = a.mmul(a).sumNumber().doubleValue();
            if (sum != 54) {
                return new BackendInfo(AutoencoderTrainer.DL4J, false, "ND4J computed a wrong product (" + sum + ")");
            }
            String detail = "DL4J " + version("org.deeplearning4j", "deeplearning4j-nn") + " on ND4J's "
                    + Nd4j.getBackend().getClass().getSimpleName() + " (" + Dl4jThreads.apply() + " threads), "
                    + "pre-cut batches, no shuffling";
            return new BackendInfo(AutoencoderTrainer.DL4J, true, detail);
        } catch (Throwable t) { // a native library that does not load throws an Error; report it instead
            return new BackendInfo(AutoencoderTrainer.DL4J, false, "ND4J does not load: " + t);
        }
    }

    private static String version(String group, String artifact) {
        String resource = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = Dl4jProbe.class.getResourceAsStream(resource)) {
            if (in == null) {
                return "(version unknown)";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "(version unknown)");
        } catch (IOException e) {
            return "(version unknown)";
        }
    }
}
