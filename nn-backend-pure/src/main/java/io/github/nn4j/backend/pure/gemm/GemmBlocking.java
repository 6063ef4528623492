package io.github.nn4j.backend.pure.gemm;

/**
 * The cache blocking of a blocked GEMM ({@link DoubleGemm}, {@link FloatGemm}): how much of each operand one step
 * packs and keeps in cache.
 *
 * <ul>
 *   <li>{@code kc}: the inner-dimension block. A {@code kc x nr} panel of {@code b} and an {@code mr x kc} panel of
 *       {@code a} are what one micro-kernel call streams through; at {@value #KC} they stay in the L1 cache.</li>
 *   <li>{@code mc}: rows of {@code a} packed at a time (a multiple of the micro-kernel's {@code mr}), meant for the L2
 *       cache together with the packed {@code b} block.</li>
 *   <li>{@code nc}: the most columns of a tile (a multiple of {@code nr}); the packed {@code kc x nc} block of
 *       {@code b} is reused by every band of {@code mc} rows.</li>
 * </ul>
 * The sizes are fixed here, chosen by measurement on the project's machine (AVX-512, 1 MiB L2 per core); choosing
 * them from the caches a machine reports belongs here too. The conformance suite's {@code Shapes} lists them, so
 * that its shapes cross every block boundary: change both together.
 *
 * @param kc inner-dimension block length
 * @param mc rows of a packed band of {@code a}
 * @param nc most columns in a tile
 */
public record GemmBlocking(int kc, int mc, int nc) {
    /** The inner-dimension block of every kernel set. */
    public static final int KC = 256;
    /** Rows of {@code a} packed at a time by the scalar kernels (16 micro-kernel rows of 4). */
    public static final int SCALAR_MC = 64;
    /** Most columns of a tile for the scalar kernels. */
    public static final int SCALAR_NC = 256;
    /** Rows of {@code a} packed at a time by the SIMD kernels (16 micro-kernel rows of 8). */
    public static final int VECTOR_MC = 128;
    /** Bytes of one row of a SIMD tile: 512 floats or 256 doubles. */
    public static final int VECTOR_NC_BYTES = 2048;

    /** Checks that the blocks are positive. */
    public GemmBlocking {
        if (kc <= 0 || mc <= 0 || nc <= 0) {
            throw new IllegalArgumentException("blocks kc=" + kc + ", mc=" + mc + ", nc=" + nc + " must be positive");
        }
    }

    /** The blocking of the scalar kernels (both dtypes). */
    public static GemmBlocking scalar() {
        return new GemmBlocking(KC, SCALAR_MC, SCALAR_NC);
    }

    /**
     * The blocking of the SIMD kernels for a micro-kernel {@code nr} elements wide of {@code elementBytes} each:
     * {@code nc} the multiple of {@code nr} nearest below {@link #VECTOR_NC_BYTES} (at least {@code nr}).
     */
    public static GemmBlocking vector(int nr, int elementBytes) {
        return new GemmBlocking(KC, VECTOR_MC, Math.max(nr, VECTOR_NC_BYTES / elementBytes / nr * nr));
    }

    /** Checks that the blocks are whole micro-kernel blocks of {@code mr x nr}, as packing assumes. */
    void requireMultiplesOf(int mr, int nr) {
        if (mc % mr != 0 || nc % nr != 0) {
            throw new IllegalArgumentException("blocks " + mc + "x" + nc + " are not multiples of the micro-kernel "
                    + mr + "x" + nr);
        }
    }
}
