package io.github.nn4j.backend.nd4j;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The wording of ND4J start-up failures. The chains are shaped like the ones ND4J 1.0.0-M2.1 throws (recorded on
 * this project's machine with the platform jar removed from the class path); the real failure is exercised end to
 * end by the selection tests in nn-models.
 */
class Nd4jLoadFailureTest {

    @Test
    void missingNativeJarNamesTheClassifierToAdd() {
        Throwable chain = new ExceptionInInitializerError(new RuntimeException("ND4J is probably missing dependencies.",
                new UnsatisfiedLinkError("Could not find jnind4jcpu in class, module, and library paths.")));
        String reason = Nd4jLoadFailure.explain(chain, "linux-x86_64");
        assertThat(reason).startsWith("ND4J's native library did not load: UnsatisfiedLinkError: Could not find jnind4jcpu")
                .contains("org.nd4j:nd4j-native:1.0.0-M2.1 with classifier linux-x86_64")
                .contains("-Djavacpp.platform=linux-x86_64")
                .doesNotContain("paths..");
    }

    @Test
    void missingNd4jClassesSayWhatToAdd() {
        String reason = Nd4jLoadFailure.explain(new NoClassDefFoundError("org/nd4j/linalg/factory/Nd4j"), "linux-arm64");
        assertThat(reason).contains("ND4J is not on the classpath").contains("classifier linux-arm64").contains("nd4j-cuda");
    }

    @Test
    void otherFailuresShowOutermostAndInnermostMessages() {
        Throwable chain = new IllegalStateException("GEMM self-test computed [0, 0, 0, 0]",
                new ArithmeticException("deep cause"));
        assertThat(Nd4jLoadFailure.explain(chain, "linux-x86_64"))
                .isEqualTo("ND4J failed to start: IllegalStateException: GEMM self-test computed [0, 0, 0, 0]; "
                        + "cause: ArithmeticException: deep cause");
    }
}
