package io.github.nn4j.backend.pure.gemm;

/**
 * The register tile of the blocked FLOAT64 GEMM ({@link DoubleGemm}): everything that depends on the shape of the
 * block of the product held in registers, {@code mr} rows by {@code nr} columns. {@link DoubleGemm} packs the
 * operands into panels for it and calls {@link #multiply} on every {@code mr x nr} block; a new shape (for another
 * vector width or register budget) is a new subclass, and nothing else changes.
 * {@code FloatMicroKernel} is generated from {@code DoubleMicroKernel}. <!-- same in FLOAT32 -->
 *
 * <p>Implementations keep no state (each thread has its own packing buffers and accumulator block), so one instance
 * serves all threads.
 *
 * <h2>Two layouts of the {@code a} panel</h2>
 * {@link #multiply} reads an {@code a} panel stored step by step ({@code mr} elements of one column of the block,
 * then the next column), which is a plain copy from a transposed {@code a} but a transposition from a row-major one.
 * A kernel may also offer {@link #multiplyRowPanel}, which reads the panel as {@code mr} rows
 * {@value #ROW_STRIDE} elements apart, each a plain copy of a row of a row-major {@code a}; the driver then packs a
 * row-major {@code a} with bulk copies instead of element by element. Both must sum in the same order, so the
 * layout never changes a result.
 */
public abstract class DoubleMicroKernel {
    /**
     * Distance between the rows of a row panel ({@link #multiplyRowPanel}), in elements: a constant, so that the kernel
     * addresses each row at a fixed offset; at least the longest inner-dimension block, so that any block fits; and
     * such that no two rows of a panel (up to 32 rows) lie a multiple of 4 KiB apart, on the same cache sets (with a
     * stride of exactly 256 the 6 x 2 FLOAT32 kernel ran about 3% slower from L1).
     */
    public static final int ROW_STRIDE = GemmBlocking.KC + 8;

    private final int mr;
    private final int nr;

    /** A kernel for blocks of {@code mr} rows by {@code nr} columns. */
    protected DoubleMicroKernel(int mr, int nr) {
        if (mr <= 0 || nr <= 0) {
            throw new IllegalArgumentException("micro-kernel " + mr + "x" + nr + " must have positive sides");
        }
        this.mr = mr;
        this.nr = nr;
    }

    /** Rows of the block. */
    public final int mr() {
        return mr;
    }

    /** Columns of the block. */
    public final int nr() {
        return nr;
    }

    /**
     * Computes, for {@code i < mr, j < nr}, {@code acc[accOff + i nr + j]} as the sum over {@code p < kc} (in
     * increasing {@code p}, each term added in the same way for every element) of
     * {@code aPanel[aOff + p mr + i] * bPanel[bOff + p nr + j]}. Only the accumulation lives here; the scaling and
     * the update of {@code c} are separate ({@link #combine}) so that this hot loop stays small. The driver places the
     * block inside a padded array of its thread ({@code accOff} past the start), away from other objects' cache lines.
     */
    protected abstract void multiply(int kc, double[] aPanel, int aOff, double[] bPanel, int bOff, double[] acc,
                                     int accOff);

    /**
     * Whether this kernel implements {@link #multiplyRowPanel}; without it the driver packs every {@code a} panel for
     * {@link #multiply}.
     */
    protected boolean multipliesRowPanels() {
        return false;
    }

    /**
     * As {@link #multiply} (same sums, in the same order, rounded the same way), but with the {@code a} panel stored as
     * {@code mr} rows: {@code aPanel[aOff + i ROW_STRIDE + p]} in place of {@code aPanel[aOff + p mr + i]}, for
     * {@code kc <= ROW_STRIDE}. Called only where {@link #multipliesRowPanels} says so.
     */
    protected void multiplyRowPanel(int kc, double[] aPanel, int aOff, double[] bPanel, int bOff, double[] acc,
                                    int accOff) {
        throw new UnsupportedOperationException(getClass().getName() + " multiplies step-by-step panels only");
    }

    /**
     * {@code c[cOff + i ldc + j] = alpha acc[accOff + i nr + j] + beta c[...]} for the full {@code mr x nr} block;
     * with {@code beta == 0} the old {@code c} is not read. Overrides must round exactly as this does (a product, a
     * product, a sum; no fused multiply-add), because edge blocks are finished by {@link #merge}.
     */
    protected void combine(double[] acc, int accOff, double alpha, double beta, double[] c, int cOff, int ldc) {
        merge(acc, accOff, mr, nr, alpha, beta, c, cOff, ldc);
    }

    /** {@code c = alpha acc + beta c} for the top-left {@code rows x cols} of a block (beta 0: c not read). */
    final void merge(double[] acc, int accOff, int rows, int cols, double alpha, double beta, double[] c, int cOff,
                     int ldc) {
        for (int i = 0; i < rows; i++) {
            int s = accOff + i * nr;
            int o = cOff + i * ldc;
            for (int j = 0; j < cols; j++) {
                c[o + j] = beta == 0.0 ? alpha * acc[s + j] : alpha * acc[s + j] + beta * c[o + j];
            }
        }
    }

    /**
     * Packs a full step-by-step panel from a transposed {@code a} ({@code [k, m]}, rows {@code lda} apart):
     * {@code dst[off + p mr + i] = a[src + p lda + i]} for {@code p < depth, i < mr}. Each step is a plain copy of
     * {@code mr} contiguous elements; SIMD kernels copy them as vectors.
     */
    protected void packTransposedPanel(double[] a, int src, int lda, int depth, double[] dst, int off) {
        for (int p = 0; p < depth; p++) {
            System.arraycopy(a, src + p * lda, dst, off + p * mr, mr);
        }
    }

    /** Copies {@code nr} consecutive elements (one row of a full {@code b} panel); a call per row, so keep it cheap. */
    protected void copyBPanelRow(double[] src, int srcOff, double[] dst, int dstOff) {
        System.arraycopy(src, srcOff, dst, dstOff, nr);
    }
}
