package io.github.nn4j.backend.pure;

/**
 * The blocked FLOAT64 matrix product {@code c = alpha op(a) op(b) + beta c} on row-major arrays, leaving
 * only the register-blocked micro-kernel to subclasses.
 *
 * <h2>Blocking</h2>
 * The output is cut into tiles: column strips at most {@code nc} wide spanning all rows, cut into row
 * bands only when the threads need more (or more even) tiles. A tile walks the inner dimension in blocks
 * of {@code kc}. For each it packs the {@code kc x cols} block of {@code op(b)} once into column panels
 * {@code nr} wide; then, band of {@code mc} rows by band, it packs the {@code mc x kc} block of
 * {@code op(a)} into row panels {@code mr} tall (both zero-padded, transposes resolved while packing) and
 * runs the micro-kernel on every {@code mr x nr} block. The micro-kernel sums into a small per-thread
 * block, which is then combined into the output as {@code alpha acc + beta c} (with the caller's
 * {@code beta} for the first {@code kc} block and 1 for the later ones). Packing buffers belong to the
 * thread and are allocated once per thread.
 *
 * <h2>Threads and determinism</h2>
 * Tiles are independent, so large products share them among the threads of a {@link TileExecutor};
 * small ones run on the calling thread. Every output element is summed in the same order whatever the
 * tile sizes and whichever thread computes it (the {@code kc} blocks in order, then the micro-kernel's
 * fixed order within a block, and the same final {@code alpha acc + beta c}), so the result is
 * bit-identical for any thread count. Tiny products skip packing and use a direct loop, chosen by shape
 * alone.
 */
abstract class DoubleGemm {
    /** Products of at most this many multiply-adds use the direct loop (packing would dominate). */
    static final long DIRECT_MAX_WORK = 4096;
    /** Products of fewer multiply-adds than this never leave the calling thread. */
    static final long PARALLEL_MIN_WORK = 1L << 20;

    private final int mr;
    private final int nr;
    private final int kc;
    private final int mc;
    private final int nc;
    private final TileExecutor executor;
    private final ThreadLocal<Workspace> workspaces;

    /**
     * @param mr rows of the micro-kernel's block
     * @param nr columns of the micro-kernel's block
     * @param kc inner-dimension block length
     * @param mc rows of a packed band of {@code a} (a multiple of {@code mr})
     * @param nc most columns in a tile (a multiple of {@code nr})
     */
    DoubleGemm(int mr, int nr, int kc, int mc, int nc, TileExecutor executor) {
        if (mc % mr != 0 || nc % nr != 0) {
            throw new IllegalArgumentException("blocks " + mc + "x" + nc + " are not multiples of the micro-kernel "
                    + mr + "x" + nr);
        }
        this.mr = mr;
        this.nr = nr;
        this.kc = kc;
        this.mc = mc;
        this.nc = nc;
        this.executor = executor;
        this.workspaces = ThreadLocal.withInitial(Workspace::new);
    }

    /**
     * Computes, for {@code i < mr, j < nr}, {@code acc[i nr + j]} as the sum over {@code p < kc} (in increasing
     * {@code p}, each term added in the same way for every element) of
     * {@code aPanel[aOff + p mr + i] * bPanel[bOff + p nr + j]}. Only the accumulation lives here; the
     * scaling and the update of {@code c} are separate ({@link #combine}) so that this hot loop stays small.
     */
    protected abstract void microKernel(int kc, double[] aPanel, int aOff, double[] bPanel, int bOff, double[] acc);

    /**
     * {@code c[cOff + i ldc + j] = alpha acc[i nr + j] + beta c[...]} for the full {@code mr x nr} block; with
     * {@code beta == 0} the old {@code c} is not read. Overrides must round exactly as this does (a product,
     * a product, a sum; no fused multiply-add), because edge blocks are finished by {@link #merge}.
     */
    protected void combine(double[] acc, double alpha, double beta, double[] c, int cOff, int ldc) {
        merge(acc, mr, nr, alpha, beta, c, cOff, ldc);
    }

    /** Copies {@code mr} consecutive elements (one row of a full {@code a} panel); a call per row, so keep it cheap. */
    protected void copyAPanelRow(double[] src, int srcOff, double[] dst, int dstOff) {
        System.arraycopy(src, srcOff, dst, dstOff, mr);
    }

    /** Copies {@code nr} consecutive elements (one row of a full {@code b} panel); a call per row, so keep it cheap. */
    protected void copyPanelRow(double[] src, int srcOff, double[] dst, int dstOff) {
        System.arraycopy(src, srcOff, dst, dstOff, nr);
    }

    /**
     * Packs {@code mr} rows of a row-major matrix, {@code depth} elements each, starting at {@code src} with
     * rows {@code lda} apart, into one {@code a} panel: {@code dst[off + p mr + i] = src[src + i lda + p]}.
     * A transposition, and the costliest packing step; subclasses unroll it for their {@code mr}.
     */
    protected void packRowPanel(double[] a, int src, int lda, int depth, double[] dst, int off) {
        for (int p = 0; p < depth; p++) {
            int d = off + p * mr;
            for (int i = 0; i < mr; i++) {
                dst[d + i] = a[src + i * lda + p];
            }
        }
    }

    /** {@code c = alpha op(a) op(b) + beta c}; see {@link DoubleKernels#gemm}. */
    final void gemm(double alpha, double[] a, boolean transA, double[] b, boolean transB, double beta, double[] c,
                    int m, int n, int k) {
        long work = (long) m * n * k;
        if (work <= DIRECT_MAX_WORK) {
            direct(alpha, a, transA, b, transB, beta, c, m, n, k);
            return;
        }
        boolean parallel = work >= PARALLEL_MIN_WORK && executor.threads() > 1;
        Product product = workspaces.get().product;
        product.set(alpha, a, transA, b, transB, beta, c, m, n, k);
        int tiles = product.plan(parallel ? executor.threads() : 1);
        try {
            if (!(parallel && tiles > 1 && executor.tryRun(product, tiles))) {
                for (int t = 0; t < tiles; t++) {
                    product.runTile(t);
                }
            }
        } finally {
            product.clear();
        }
    }

    /** The unpacked triple loop for tiny products. */
    private static void direct(double alpha, double[] a, boolean transA, double[] b, boolean transB, double beta,
                               double[] c, int m, int n, int k) {
        int aRow = transA ? 1 : k;
        int aCol = transA ? m : 1;
        int bRow = transB ? 1 : n;
        int bCol = transB ? k : 1;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double acc = 0.0;
                for (int p = 0; p < k; p++) {
                    acc += a[i * aRow + p * aCol] * b[p * bRow + j * bCol];
                }
                int o = i * n + j;
                c[o] = beta == 0.0 ? alpha * acc : alpha * acc + beta * c[o];
            }
        }
    }

    /** {@code c = alpha acc + beta c} for the top-left {@code rows x cols} of a block (beta 0: c not read). */
    final void merge(double[] acc, int rows, int cols, double alpha, double beta, double[] c, int cOff, int ldc) {
        for (int i = 0; i < rows; i++) {
            int s = i * nr;
            int o = cOff + i * ldc;
            for (int j = 0; j < cols; j++) {
                c[o + j] = beta == 0.0 ? alpha * acc[s + j] : alpha * acc[s + j] + beta * c[o + j];
            }
        }
    }

    /** One thread's packing buffers, plus the product description it publishes when it is the caller. */
    private final class Workspace {
        final double[] aPack = new double[mc * kc];
        final double[] bPack = new double[kc * nc];
        final double[] acc = new double[mr * nr];
        final Product product = new Product();
    }

    /** The arguments of one product and its division into tiles; reused by its thread for every call. */
    private final class Product implements TileExecutor.TileTask {
        private double alpha;
        private double beta;
        private double[] a;
        private double[] b;
        private double[] c;
        private boolean transA;
        private boolean transB;
        private int m;
        private int n;
        private int k;
        private int tileRows;
        private int tileCols;
        private int tilesAcross;

        void set(double alpha, double[] a, boolean transA, double[] b, boolean transB, double beta, double[] c,
                 int m, int n, int k) {
            this.alpha = alpha;
            this.a = a;
            this.transA = transA;
            this.b = b;
            this.transB = transB;
            this.beta = beta;
            this.c = c;
            this.m = m;
            this.n = n;
            this.k = k;
        }

        /** Drops the array references so that a finished product keeps no tensor alive. */
        void clear() {
            a = null;
            b = null;
            c = null;
        }

        /**
         * Chooses the tiles: column strips of at most {@code nc} columns spanning all rows (so each block of
         * {@code b} is packed once), cut into row bands when that is needed to give every thread work and an
         * equal share; returns the tile count.
         */
        int plan(int threads) {
            int strips = ceilDiv(n, nc);
            tileCols = roundUp(ceilDiv(n, strips), nr);
            tileRows = roundUp(m, mr);
            while (threads > 1) {
                int tiles = ceilDiv(m, tileRows) * ceilDiv(n, tileCols);
                boolean unbalanced = tiles < threads || (tiles % threads != 0 && tiles < 4 * threads);
                if (!unbalanced) {
                    break;
                }
                if (tileRows > mr) {
                    int bands = ceilDiv(m, tileRows) + 1;
                    tileRows = roundUp(ceilDiv(m, bands), mr);
                } else if (tileCols > nr) {
                    tileCols = roundUp(ceilDiv(tileCols, 2), nr);
                } else {
                    break;
                }
            }
            tilesAcross = ceilDiv(n, tileCols);
            return ceilDiv(m, tileRows) * tilesAcross;
        }

        @Override
        public void runTile(int tile) {
            Workspace ws = workspaces.get();
            int i0 = (tile / tilesAcross) * tileRows;
            int j0 = (tile % tilesAcross) * tileCols;
            int rows = Math.min(tileRows, m - i0);
            int cols = Math.min(tileCols, n - j0);
            for (int p0 = 0; p0 < k; p0 += kc) {
                int depth = Math.min(kc, k - p0);
                double betaNow = p0 == 0 ? beta : 1.0;
                packB(ws.bPack, p0, depth, j0, cols);
                for (int ib = 0; ib < rows; ib += mc) {
                    int bandRows = Math.min(mc, rows - ib);
                    packA(ws.aPack, i0 + ib, bandRows, p0, depth);
                    blockProduct(ws, i0 + ib, bandRows, j0, cols, depth, betaNow);
                }
            }
        }

        private void blockProduct(Workspace ws, int i0, int rows, int j0, int cols, int depth, double betaNow) {
            double[] aPack = ws.aPack;
            double[] bPack = ws.bPack;
            for (int ir = 0; ir < rows; ir += mr) {
                int r = Math.min(mr, rows - ir);
                for (int jr = 0; jr < cols; jr += nr) {
                    int q = Math.min(nr, cols - jr);
                    int cOff = (i0 + ir) * n + j0 + jr;
                    microKernel(depth, aPack, ir * depth, bPack, jr * depth, ws.acc);
                    if (r == mr && q == nr) {
                        combine(ws.acc, alpha, betaNow, c, cOff, n);
                    } else {
                        merge(ws.acc, r, q, alpha, betaNow, c, cOff, n);
                    }
                }
            }
        }

        /** Packs rows {@code i0 ..} ({@code rows}) and columns {@code p0 ..} ({@code depth}) of op(a) into panels. */
        private void packA(double[] dst, int i0, int rows, int p0, int depth) {
            for (int ir = 0; ir < rows; ir += mr) {
                int off = ir * depth;
                int r = Math.min(mr, rows - ir);
                if (!transA && r == mr) { // a is [m, k]
                    packRowPanel(a, (i0 + ir) * k + p0, k, depth, dst, off);
                } else if (!transA) {
                    int src = (i0 + ir) * k + p0;
                    for (int p = 0; p < depth; p++) {
                        int d = off + p * mr;
                        for (int ii = 0; ii < r; ii++) {
                            dst[d + ii] = a[src + ii * k + p];
                        }
                    }
                } else if (r == mr) { // a is [k, m]: each panel row is contiguous
                    for (int p = 0; p < depth; p++) {
                        copyAPanelRow(a, (p0 + p) * m + i0 + ir, dst, off + p * mr);
                    }
                } else {
                    for (int p = 0; p < depth; p++) {
                        System.arraycopy(a, (p0 + p) * m + i0 + ir, dst, off + p * mr, r);
                    }
                }
                for (int ii = r; ii < mr; ii++) {
                    for (int p = 0; p < depth; p++) {
                        dst[off + p * mr + ii] = 0.0;
                    }
                }
            }
        }

        /** Packs rows {@code p0 ..} ({@code depth}) and columns {@code j0 ..} ({@code cols}) of op(b) into panels. */
        private void packB(double[] dst, int p0, int depth, int j0, int cols) {
            for (int jr = 0; jr < cols; jr += nr) {
                int off = jr * depth;
                int q = Math.min(nr, cols - jr);
                if (!transB) { // b is [k, n]
                    if (q == nr) {
                        for (int p = 0; p < depth; p++) {
                            copyPanelRow(b, (p0 + p) * n + j0 + jr, dst, off + p * nr);
                        }
                    } else {
                        for (int p = 0; p < depth; p++) {
                            System.arraycopy(b, (p0 + p) * n + j0 + jr, dst, off + p * nr, q);
                        }
                    }
                } else { // b is [n, k]
                    for (int jj = 0; jj < q; jj++) {
                        int src = (j0 + jr + jj) * k + p0;
                        for (int p = 0; p < depth; p++) {
                            dst[off + p * nr + jj] = b[src + p];
                        }
                    }
                }
                for (int jj = q; jj < nr; jj++) {
                    for (int p = 0; p < depth; p++) {
                        dst[off + p * nr + jj] = 0.0;
                    }
                }
            }
        }
    }

    static int ceilDiv(int x, int y) {
        return (x + y - 1) / y;
    }

    static int roundUp(int x, int multiple) {
        return ceilDiv(x, multiple) * multiple;
    }
}
