package io.github.nn4j.backend.pure;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.conformance.TensorConformanceTest;
import io.github.nn4j.backend.pure.gemm.KernelShape;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The shared tensor conformance suite on the SIMD kernels with each micro-kernel shape forced (two threads, so that
 * the parallel paths run too), at this JVM's vector width: the build runs it in the vector-api execution (512-bit
 * vectors on an AVX-512 machine) and the avx2 one (256-bit). {@link PureTensorConformanceTest} runs the suite on the
 * shape each JVM picks by itself.
 */
class PureKernelShapesConformanceTest {
    @BeforeAll
    static void simd() {
        SimdExpectation.requireVectorModule();
    }

    /** One nested suite per shape; a new shape needs one here. */
    @Test
    void everyShapeHasItsSuite() {
        assertThat(Arrays.stream(PureKernelShapesConformanceTest.class.getDeclaredClasses())
                .filter(c -> c.isAnnotationPresent(Nested.class))
                .map(c -> c.getSimpleName().replace("Shape", "").replace('_', 'x')))
                .containsExactlyInAnyOrderElementsOf(KernelShape.SIMD.stream().map(KernelShape::name).toList());
    }

    /** The suite on one shape. */
    abstract class ShapeSuite extends TensorConformanceTest {
        private final KernelShape shape;

        ShapeSuite(String shape) {
            this.shape = KernelShape.parse(shape);
        }

        @Override
        protected Backend backend() {
            return KernelSets.vector(2, shape);
        }
    }

    @Nested
    class Shape4_2 extends ShapeSuite {
        Shape4_2() {
            super("4x2");
        }
    }

    @Nested
    class Shape6_2 extends ShapeSuite {
        Shape6_2() {
            super("6x2");
        }
    }

    @Nested
    class Shape4_3 extends ShapeSuite {
        Shape4_3() {
            super("4x3");
        }
    }

    @Nested
    class Shape8_2 extends ShapeSuite {
        Shape8_2() {
            super("8x2");
        }
    }

    @Nested
    class Shape8_3 extends ShapeSuite {
        Shape8_3() {
            super("8x3");
        }
    }

    @Nested
    class Shape12_2 extends ShapeSuite {
        Shape12_2() {
            super("12x2");
        }
    }
}
