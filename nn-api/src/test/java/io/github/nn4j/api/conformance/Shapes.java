package io.github.nn4j.api.conformance;

import io.github.nn4j.api.tensor.Shape;
import java.util.List;

/**
 * The shapes the suite runs every operation on: the smallest that cross each blocking, tiling, vector-width and
 * threading boundary of the backends in this repository, each listed with the boundary it crosses. A backend with
 * other boundaries should add its own shapes in its subclass's module (the suite's shapes are a floor, not a
 * proof). Kept small: the suite runs six times in one build.
 */
final class Shapes {
    private Shapes() {
    }

    /**
     * Element-wise operations and reductions. Boundaries: pure's SIMD kernels send exp, sigmoid and tanh of fewer
     * than 256 elements to the scalar code ({@code VectorFunctions.MIN_LENGTH}), process them in chunks of 512,
     * run them on all threads from 16,384 elements ({@code ParallelKernels.FUNCTION_MIN_LENGTH}, parts aligned to
     * 64; its other element-wise kernels from 65,536, the bias by whole rows) and leave a scalar tail after whole vectors (16 floats or 8 doubles at 512 bits); ND4J's host kernels take
     * transcendental work up to 256 elements, axpy up to 1,024 and other element-wise work up to 16,384
     * ({@code HostPolicy}), ND4J operations the rest.
     */
    static final List<Shape> ELEMENTWISE = List.of(
            Shape.of(1),            // a single element: no vector at all
            Shape.of(1, 7),         // a row, shorter than a vector
            Shape.of(13, 1),        // a column
            Shape.of(5, 31),        // 155: below 256 (scalar exp/sigmoid/tanh in pure's SIMD run, Java in ND4J); a tail of 11
            Shape.of(16, 16),       // 256: pure's vector functions start here, ND4J still in Java (at its threshold)
            Shape.of(257),          // ND4J's exp/log/sigmoid/tanh become native; a tail of 1
            Shape.of(3, 347),       // 1,041: beyond ND4J's axpy threshold (1,024) and two 512-element chunks
            Shape.of(129, 129),     // 16,641: pure's functions on all threads (uneven parts), ND4J element-wise native
            Shape.of(257, 257),     // 66,049: pure's other element-wise kernels on all threads (uneven parts)
            Shape.of(2, 3, 5));     // rank 3

    /**
     * Matrix products {@code {m, n, k}}. Boundaries: pure's direct loop for at most 4,096 multiply-adds
     * ({@code FloatGemm.DIRECT_MAX_WORK}), its micro-kernels (scalar 4 x 4; SIMD 8 or 6 rows x 2 vectors by register
     * budget, other shapes in pure's own tests: 32 floats or 16 doubles at 512 bits), its blocks ({@code GemmBlocking},
     * from the caches: KC up to 256 deep; MC = 64 scalar or up to 128 SIMD rows; NC = 256 scalar, up to 512 float or
     * 256 double SIMD columns), its parallel path from 2^20 multiply-adds
     * ({@code PARALLEL_MIN_WORK}) with tiles cut into row bands or column strips; OpenBLAS's (jblas, ND4J) blocks of a
     * few hundred in k and m.
     */
    static final List<int[]> GEMM = List.of(
            new int[] {1, 1, 1},       // scalar product
            new int[] {1, 17, 5},      // a row times a matrix
            new int[] {23, 1, 9},      // a matrix times a column
            new int[] {1, 1, 600},     // a long dot product, direct loop
            new int[] {16, 16, 16},    // 4,096: the largest direct product
            new int[] {17, 16, 16},    // packed; one row past 2 x 8 and 4 x 4 micro-kernel rows
            new int[] {3, 5, 1000},    // packed; four KC blocks; m, n below one micro-kernel
            new int[] {9, 33, 257},    // a row past 8, a column past 32 and 2 x 16, one element past KC
            new int[] {129, 20, 40},   // a row past MC = 128 and 2 x 64
            new int[] {20, 513, 40},   // a column past NC = 512 and 2 x 256
            new int[] {800, 5, 40},    // m past OpenBLAS's P (512-768 rows)
            new int[] {130, 100, 300}, // parallel (3.9 M multiply-adds): tall, one strip cut into row bands; k past KC
            new int[] {100, 110, 300}, // parallel (3.3 M): short and wide, the strip cut into narrower strips
            new int[] {40, 600, 70});  // parallel with two strips

    /**
     * Transposes {@code {rows, cols}}: the default kernel (pure, jblas, ND4J's host path) tiles by 32 x 32
     * ({@code DoubleArrayKernels.TRANSPOSE_BLOCK}); ND4J's host path ends at 16,384 elements.
     */
    static final List<int[]> TRANSPOSE = List.of(
            new int[] {1, 1}, new int[] {1, 33}, new int[] {33, 1}, new int[] {2, 3},
            new int[] {31, 32}, new int[] {32, 33}, new int[] {65, 33},
            new int[] {129, 130});  // 16,770 elements: two tiles and a bit each way; ND4J native

    /** Row-vector broadcasts and sums along an axis {@code {rows, cols}}, including ND4J's native size. */
    static final List<int[]> MATRICES = List.of(
            new int[] {1, 1}, new int[] {1, 13}, new int[] {13, 1}, new int[] {32, 7}, new int[] {33, 65},
            new int[] {300, 17}, new int[] {129, 130});
}
