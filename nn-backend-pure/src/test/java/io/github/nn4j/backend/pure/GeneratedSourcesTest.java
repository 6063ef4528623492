package io.github.nn4j.backend.pure;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nn4j.api.codegen.Float32Generator;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The FLOAT32 GEMM and SIMD kernels are what the generator makes of the FLOAT64 ones: none edited by hand, none stale. */
class GeneratedSourcesTest {
    private static final Path SOURCES = Path.of("src/main/java/io/github/nn4j/backend/pure");

    @Test
    void float32KernelsAreGeneratedFromTheFloat64Ones() {
        assertThat(Float32Generator.check(SOURCES.resolve("gemm"), "DoubleGemm.java", "DoubleMicroKernel.java",
                "ScalarDoubleMicroKernel.java"))
                .as("stale FLOAT32 files; edit the FLOAT64 source and run " + Float32Generator.COMMAND)
                .isEmpty();
        assertThat(Float32Generator.check(SOURCES.resolve("simd"), "VectorDoubleKernels.java"))
                .as("stale FLOAT32 files; edit the FLOAT64 source and run " + Float32Generator.COMMAND)
                .isEmpty();
    }
}
