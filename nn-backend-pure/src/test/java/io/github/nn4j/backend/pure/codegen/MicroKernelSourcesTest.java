package io.github.nn4j.backend.pure.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nn4j.backend.pure.gemm.KernelShape;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The SIMD micro-kernels in main code are what {@link MicroKernelGenerator} makes (none edited by hand, none stale,
 * none left over from a dropped shape), and it generates exactly the shapes {@link KernelShape#SIMD} offers.
 */
class MicroKernelSourcesTest {
    /** The generated package, relative to the module (the tests' working directory). */
    private static final Path SIMD = Path.of("src/main/java/io/github/nn4j/backend/pure/simd");

    @Test
    void generatedKernelsAreUpToDate() throws IOException {
        Map<String, String> expected = MicroKernelGenerator.files();
        for (Map.Entry<String, String> e : expected.entrySet()) {
            Path file = SIMD.resolve(e.getKey());
            assertThat(file).as("missing generated file; run " + MicroKernelGenerator.COMMAND).exists();
            assertThat(Files.readString(file, StandardCharsets.UTF_8))
                    .as(e.getKey() + " differs from what the generator makes; edit the template and run "
                            + MicroKernelGenerator.COMMAND)
                    .isEqualTo(e.getValue());
        }
        try (Stream<Path> files = Files.list(SIMD)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.matches("Vector\\w+MicroKernel.*")))
                    .as("micro-kernel files the generator does not make")
                    .allMatch(expected::containsKey);
        }
    }

    @Test
    void theGeneratorMakesTheShapesOffered() {
        assertThat(MicroKernelGenerator.SHAPES).containsExactlyElementsOf(
                KernelShape.SIMD.stream().map(KernelShape::name).toList());
        assertThat(KernelShape.SIMD).contains(KernelShape.FOR_16_REGISTERS, KernelShape.FOR_32_REGISTERS);
        assertThat(KernelShape.FOR_16_REGISTERS.registers()).isLessThanOrEqualTo(16);
        assertThat(KernelShape.FOR_32_REGISTERS.registers()).isLessThanOrEqualTo(32);
    }

    @Test
    void kernelsSayWhatTheyAre() {
        String kernel = MicroKernelGenerator.files().get("VectorFloatMicroKernel6x2.java");
        assertThat(kernel).contains("public final class VectorFloatMicroKernel6x2 extends FloatMicroKernel")
                .contains("MR = 6;").contains("NR = 2 * LANES;").contains("15 vector registers")
                .contains("c5_1 = b1.fma(a5, c5_1);").doesNotContain("c6_0").doesNotContain("double");
        assertThat(MicroKernelGenerator.files().get("VectorDoubleMicroKernel4x3.java"))
                .contains("DoubleVector b2 = DoubleVector.fromArray(S, b, bp + 2 * LANES);")
                .contains("c3_2.intoArray(acc, accOff + 11 * LANES);");
    }
}
