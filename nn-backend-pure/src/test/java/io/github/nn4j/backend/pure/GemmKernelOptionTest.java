package io.github.nn4j.backend.pure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.nn4j.backend.pure.gemm.KernelShape;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * {@code nn4j.pure.gemmKernel} and the register budget behind its {@code auto} value. The avx2 test execution starts
 * its JVM with {@code -XX:UseAVX=2} and {@value #EXPECT_REGISTERS}{@code =16}, so that on an AVX-512 machine the
 * build also runs, and checks it runs, the kernels of a 16-register CPU.
 */
class GemmKernelOptionTest {
    /** The vector registers this test JVM is meant to see on x86 (set by the avx2 execution). */
    static final String EXPECT_REGISTERS = "nn4j.test.expectVectorRegisters";

    @Test
    void registersFollowTheArchitectureAndAvxLevel() {
        assertThat(PureOptions.vectorRegisters("amd64", OptionalLong.of(3))).isEqualTo(32);
        assertThat(PureOptions.vectorRegisters("amd64", OptionalLong.of(2))).isEqualTo(16);
        assertThat(PureOptions.vectorRegisters("x86_64", OptionalLong.of(1))).isEqualTo(16);
        assertThat(PureOptions.vectorRegisters("amd64", OptionalLong.empty())).isEqualTo(16);
        assertThat(PureOptions.vectorRegisters("aarch64", OptionalLong.empty())).isEqualTo(32);
        assertThat(PureOptions.vectorRegisters("riscv64", OptionalLong.of(3))).isEqualTo(16);
    }

    @Test
    void autoPicksByRegistersAndANamedShapeIsTaken() {
        assertThat(PureOptions.parseGemmKernel(null, 16)).isEqualTo(KernelShape.FOR_16_REGISTERS);
        assertThat(PureOptions.parseGemmKernel(" ", 32)).isEqualTo(KernelShape.FOR_32_REGISTERS);
        assertThat(PureOptions.parseGemmKernel("AUTO", 32)).isEqualTo(KernelShape.FOR_32_REGISTERS);
        for (KernelShape s : KernelShape.SIMD) {
            assertThat(PureOptions.parseGemmKernel(" " + s.name() + " ", 16)).isEqualTo(s);
        }
    }

    @Test
    void anUnknownShapeNamesThePropertyAndTheChoices() {
        for (String bad : new String[] {"7x7", "6X2", "6x", "x2", "fast", "6x2x1"}) {
            assertThatThrownBy(() -> PureOptions.parseGemmKernel(bad, 16)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(PureOptions.GEMM_KERNEL_PROPERTY).hasMessageContaining("'" + bad + "'")
                    .hasMessageContaining("6x2, ").hasMessageContaining("auto");
        }
    }

    @Test
    void anUnknownShapeMakesTheBackendUnavailable() {
        String old = System.getProperty(PureOptions.GEMM_KERNEL_PROPERTY);
        System.setProperty(PureOptions.GEMM_KERNEL_PROPERTY, "5x5");
        try {
            assertThat(new PureBackendProvider().probe().isAvailable()).isFalse();
            assertThat(new PureBackendProvider().probe().reason()).contains(PureOptions.GEMM_KERNEL_PROPERTY);
        } finally {
            if (old == null) {
                System.clearProperty(PureOptions.GEMM_KERNEL_PROPERTY);
            } else {
                System.setProperty(PureOptions.GEMM_KERNEL_PROPERTY, old);
            }
        }
    }

    @Test
    void theAvx2ExecutionSeesSixteenRegistersAnd256BitVectors() {
        String expected = System.getProperty(EXPECT_REGISTERS);
        assumeTrue(expected != null, "-D" + EXPECT_REGISTERS + " is not set (the avx2 test execution sets it)");
        String arch = System.getProperty("os.arch");
        assumeTrue(arch.equals("amd64") || arch.equals("x86_64"), "-XX:UseAVX applies to x86 only");
        SimdExpectation.requireVectorModule();
        assertThat(PureOptions.vectorRegisters()).isEqualTo(Integer.parseInt(expected));
        KernelShape auto = KernelShape.forRegisters(Integer.parseInt(expected));
        assertThat(new PureBackendProvider().create().description())
                .contains("Vector API 256-bit, GEMM " + auto + " ");
    }
}
