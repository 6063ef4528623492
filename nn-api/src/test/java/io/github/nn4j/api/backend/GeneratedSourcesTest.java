package io.github.nn4j.api.backend;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nn4j.api.codegen.Float32Generator;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The FLOAT32 kernels are what the generator makes of the FLOAT64 ones: nobody edited them by hand, none is stale. */
class GeneratedSourcesTest {

    @Test
    void float32KernelsAreGeneratedFromTheFloat64Ones() {
        assertThat(Float32Generator.check(Path.of("src/main/java/io/github/nn4j/api/backend"), "DoubleArrayKernels.java"))
                .as("FLOAT32 files that differ from what regenerating gives; edit the FLOAT64 source and run "
                        + Float32Generator.COMMAND + " from the repository root")
                .isEmpty();
    }
}
