package io.github.nn4j.backend.pure.gemm;

/**
 * The cache blocking of a blocked GEMM ({@link DoubleGemm}, {@link FloatGemm}): how much of each operand one step
 * packs and keeps in cache.
 *
 * <ul>
 *   <li>{@code kc}: the inner-dimension block. The driver runs one {@code mr x kc} panel of {@code a} against every
 *       {@code kc x nr} panel of {@code b} in turn, so the {@code a} panel is reused from the L1 cache while the
 *       {@code b} panels stream through it; longer blocks spread the cost of storing the accumulators.</li>
 *   <li>{@code mc}: rows of {@code a} packed at a time (a multiple of the micro-kernel's {@code mr}).</li>
 *   <li>{@code nc}: the most columns of a tile (a multiple of {@code nr}); the packed {@code kc x nc} block of
 *       {@code b} is reused from the L2 cache by every panel of {@code a}.</li>
 * </ul>
 * The SIMD blocks come from the caches ({@link #forCaches}): at most {@value #KC} deep, 128 rows and 2 KiB of a row
 * (the sizes measured fastest on a 32 KiB L1d / 1 MiB L2 machine, which the rules reproduce there), smaller where the
 * caches are smaller. The conformance suite's {@code Shapes} lists the usual blocks, so that its shapes cross every
 * block boundary: change both together.
 *
 * @param kc inner-dimension block length
 * @param mc rows of a packed band of {@code a}
 * @param nc most columns in a tile
 */
public record GemmBlocking(int kc, int mc, int nc) {
    /** The inner-dimension block of the scalar kernels, and the longest of the SIMD ones. */
    public static final int KC = 256;
    /** The shortest inner-dimension block of the SIMD kernels, however small the L1 cache. */
    public static final int MIN_KC = 64;
    /** Rows of {@code a} packed at a time by the scalar kernels (16 micro-kernel rows of 4). */
    public static final int SCALAR_MC = 64;
    /** Most columns of a tile for the scalar kernels. */
    public static final int SCALAR_NC = 256;
    /** Most rows of {@code a} packed at a time by the SIMD kernels (rounded down to a multiple of {@code mr}). */
    public static final int VECTOR_MC = 128;
    /** Most bytes of one row of a SIMD tile: 512 floats or 256 doubles. */
    public static final int VECTOR_NC_BYTES = 2048;
    /** Share of the L1 data cache for the {@code mr x kc} panel of {@code a}: the rest is for streaming {@code b}. */
    static final int L1_SHARE_OF_A_PANEL = 4;
    /** Share of the L2 cache for the packed {@code kc x nc} block of {@code b}. */
    static final int L2_SHARE_OF_B_BLOCK = 2;
    /** Share of the L2 cache for the packed {@code mc x kc} band of {@code a}. */
    static final int L2_SHARE_OF_A_BAND = 4;

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
     * The blocking of the SIMD kernels for an {@code mr x nr} micro-kernel on elements of {@code elementBytes}, fitted
     * to {@code caches}: {@code kc} such that the {@code a} panel fills at most a quarter of L1d (a multiple of 16,
     * from {@value #MIN_KC} to {@value #KC}); {@code nc} such that the packed {@code b} block fills at most half of L2
     * (a multiple of {@code nr}, from {@code nr} to {@value #VECTOR_NC_BYTES} bytes of a row); {@code mc} such that the
     * packed {@code a} band fills at most a quarter of L2 (a multiple of {@code mr}, from {@code mr} to
     * {@value #VECTOR_MC}).
     */
    public static GemmBlocking forCaches(int mr, int nr, int elementBytes, CacheSizes caches) {
        long kcFit = caches.l1Data() / L1_SHARE_OF_A_PANEL / ((long) mr * elementBytes) / 16 * 16;
        int kc = (int) Math.max(MIN_KC, Math.min(KC, kcFit));
        long rowBytes = (long) kc * elementBytes;
        int nc = multipleBetween(caches.l2() / L2_SHARE_OF_B_BLOCK / rowBytes, nr, VECTOR_NC_BYTES / elementBytes);
        int mc = multipleBetween(caches.l2() / L2_SHARE_OF_A_BAND / rowBytes, mr, VECTOR_MC);
        return new GemmBlocking(kc, mc, nc);
    }

    /** The multiple of {@code unit} nearest below {@code fit}, at most {@code max} (where it can) and at least unit. */
    private static int multipleBetween(long fit, int unit, int max) {
        long capped = Math.min(fit, max);
        return (int) Math.max(unit, capped / unit * unit);
    }

    /** Checks that the blocks are whole micro-kernel blocks of {@code mr x nr}, as packing assumes. */
    void requireMultiplesOf(int mr, int nr) {
        if (mc % mr != 0 || nc % nr != 0) {
            throw new IllegalArgumentException("blocks " + mc + "x" + nc + " are not multiples of the micro-kernel "
                    + mr + "x" + nr);
        }
    }

    /** E.g. {@code (kc 256, mc 126, nc 512)}. */
    @Override
    public String toString() {
        return "(kc " + kc + ", mc " + mc + ", nc " + nc + ")";
    }
}
