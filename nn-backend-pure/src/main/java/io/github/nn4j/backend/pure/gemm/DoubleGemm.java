package io.github.nn4j.backend.pure.gemm;

import io.github.nn4j.api.backend.DoubleArrayKernels;
import io.github.nn4j.backend.pure.threads.ScratchPadding;
import io.github.nn4j.backend.pure.threads.TileExecutor;
import java.util.Arrays;

/**
 * The blocked FLOAT64 matrix product {@code c = alpha op(a) op(b) + beta c} on row-major arrays: the driver that
 * cuts the product into tiles and blocks ({@link GemmBlocking}), packs the operands, and runs a
 * {@link DoubleMicroKernel} on every block.
 * {@code FloatGemm} is generated from {@code DoubleGemm}. <!-- same in FLOAT32 -->
 *
 * <h2>Blocking</h2>
 * The output is cut into tiles: column strips at most {@code nc} wide spanning all rows, cut into row
 * bands only when the threads need more (or more even) tiles. A tile walks the inner dimension in blocks
 * of {@code kc}. For each it packs the {@code kc x cols} block of {@code op(b)} once into column panels
 * {@code nr} wide; then, band of {@code mc} rows by band, it packs the {@code mc x kc} block of
 * {@code op(a)} into row panels {@code mr} tall (both zero-padded, transposes resolved while packing) and
 * runs the micro-kernel on every {@code mr x nr} block. Where the kernel reads row panels
 * ({@link DoubleMicroKernel#multiplyRowPanel}), a row-major {@code a} is packed with one bulk copy per row, so that
 * the common {@code a b} product transposes no operand element by element. The micro-kernel sums into a small
 * per-thread block, which is then combined into the output as {@code alpha acc + beta c} (with the caller's
 * {@code beta} for the first {@code kc} block and 1 for the later ones). Packing buffers belong to the
 * thread and are allocated once per thread.
 *
 * <h2>Threads and determinism</h2>
 * Tiles are independent, so large products share them among the threads of a {@link TileExecutor};
 * small ones run on the calling thread. Every output element is summed in the same order whatever the
 * tile sizes and whichever thread computes it (the {@code kc} blocks in order, then the micro-kernel's
 * fixed order within a block, and the same final {@code alpha acc + beta c}), so the result is
 * bit-identical for any thread count. Tiny products skip packing and use the plain loop of
 * {@link DoubleArrayKernels#gemm}, chosen by shape alone.
 *
 * <p>Thread-safe: concurrent products on distinct outputs each use their own thread's buffers.
 */
public final class DoubleGemm {
    /** Products of at most this many multiply-adds use the direct loop (packing would dominate). */
    public static final long DIRECT_MAX_WORK = 4096;
    /** Products of fewer multiply-adds than this never leave the calling thread. */
    public static final long PARALLEL_MIN_WORK = 1L << 20;
    /**
     * Tiles per thread from which an uneven division among the threads is accepted: with at least this many, the
     * last round of tiles leaves a thread idle for at most a quarter of the run; with fewer, tiles are cut smaller.
     */
    static final int EVEN_ENOUGH_TILES_PER_THREAD = 4;

    private final DoubleMicroKernel kernel;
    private final boolean rowPanels;
    private final int mr;
    private final int nr;
    private final int kc;
    private final int mc;
    private final int nc;
    private final TileExecutor executor;
    private final ThreadLocal<Workspace> workspaces;

    /**
     * A GEMM running {@code kernel} on blocks of {@code blocking} ({@code mc} and {@code nc} whole multiples of the
     * kernel's {@code mr} and {@code nr}), sharing large products among the threads of {@code executor}.
     */
    public DoubleGemm(DoubleMicroKernel kernel, GemmBlocking blocking, TileExecutor executor) {
        blocking.requireMultiplesOf(kernel.mr(), kernel.nr());
        this.kernel = kernel;
        this.mr = kernel.mr();
        this.nr = kernel.nr();
        this.kc = blocking.kc();
        this.mc = blocking.mc();
        this.nc = blocking.nc();
        this.rowPanels = kernel.multipliesRowPanels() && kc <= DoubleMicroKernel.ROW_STRIDE;
        this.executor = executor;
        this.workspaces = ThreadLocal.withInitial(Workspace::new);
    }

    /**
     * {@code c = alpha op(a) op(b) + beta c} with {@code op(a)} {@code [m, k]} and {@code op(b)} {@code [k, n]};
     * with {@code beta == 0} the old contents of {@code c} are ignored, even NaN.
     */
    public void gemm(double alpha, double[] a, boolean transA, double[] b, boolean transB, double beta, double[] c,
                     int m, int n, int k) {
        long work = (long) m * n * k;
        if (work <= DIRECT_MAX_WORK) {
            DoubleArrayKernels.gemm(alpha, a, transA, b, transB, beta, c, m, n, k);
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

    /** One thread's packing buffers, plus the product description it publishes when it is the caller. */
    private final class Workspace {
        final double[] aPack = new double[mc * (rowPanels ? DoubleMicroKernel.ROW_STRIDE : kc)];
        final double[] bPack = new double[kc * nc];
        /** The micro-kernel's block of {@code mr x nr} sums, written on every kernel call: padded. */
        final double[] acc = ScratchPadding.doubles(mr * nr);
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
         * {@code b} is packed once), cut further when that is needed to give every thread work and an equal share;
         * returns the tile count. Every tile packs its own rows of {@code a} and columns of {@code b}, so a cut into
         * row bands packs the strip's {@code b} once more and a cut into narrower strips packs the band's {@code a}
         * once more: the cut made is the one that repeats the smaller of the two (narrower strips for a short, wide
         * product such as a small batch times a wide layer).
         */
        int plan(int threads) {
            int strips = ceilDiv(n, nc);
            tileCols = roundUp(ceilDiv(n, strips), nr);
            tileRows = roundUp(m, mr);
            while (threads > 1) {
                int tiles = ceilDiv(m, tileRows) * ceilDiv(n, tileCols);
                boolean unbalanced = tiles < threads
                        || (tiles % threads != 0 && tiles < EVEN_ENOUGH_TILES_PER_THREAD * threads);
                if (!unbalanced) {
                    break;
                }
                boolean narrower = tileCols > nr && (tileRows <= mr || Math.min(tileRows, m) < Math.min(tileCols, n));
                if (!narrower && tileRows > mr) {
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
            boolean byRows = aInRowPanels();
            for (int ir = 0; ir < rows; ir += mr) {
                int r = Math.min(mr, rows - ir);
                for (int jr = 0; jr < cols; jr += nr) {
                    int q = Math.min(nr, cols - jr);
                    int cOff = (i0 + ir) * n + j0 + jr;
                    if (byRows) {
                        kernel.multiplyRowPanel(depth, aPack, ir * DoubleMicroKernel.ROW_STRIDE, bPack, jr * depth,
                                ws.acc, ScratchPadding.ELEMENTS);
                    } else {
                        kernel.multiply(depth, aPack, ir * depth, bPack, jr * depth, ws.acc, ScratchPadding.ELEMENTS);
                    }
                    if (r == mr && q == nr) {
                        kernel.combine(ws.acc, ScratchPadding.ELEMENTS, alpha, betaNow, c, cOff, n);
                    } else {
                        kernel.merge(ws.acc, ScratchPadding.ELEMENTS, r, q, alpha, betaNow, c, cOff, n);
                    }
                }
            }
        }

        /**
         * Packs rows {@code i0 ..} ({@code rows}) and columns {@code p0 ..} ({@code depth}) of op(a) into panels: row
         * panels for a row-major {@code a} where the kernel reads them, else step-by-step panels.
         */
        private void packA(double[] dst, int i0, int rows, int p0, int depth) {
            if (aInRowPanels()) {
                packARows(dst, i0, rows, p0, depth);
                return;
            }
            for (int ir = 0; ir < rows; ir += mr) {
                int off = ir * depth;
                int r = Math.min(mr, rows - ir);
                if (!transA) { // a is [m, k]: a transposition
                    int src = (i0 + ir) * k + p0;
                    for (int p = 0; p < depth; p++) {
                        int d = off + p * mr;
                        for (int ii = 0; ii < r; ii++) {
                            dst[d + ii] = a[src + ii * k + p];
                        }
                    }
                } else if (r == mr) { // a is [k, m]: each step of the panel is contiguous
                    kernel.packTransposedPanel(a, p0 * m + i0 + ir, m, depth, dst, off);
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

        /** Whether this product packs {@code a} as row panels (a row-major {@code a}, a kernel that reads them). */
        private boolean aInRowPanels() {
            return rowPanels && !transA;
        }

        /** Packs a row-major {@code a} into row panels: one bulk copy per row, missing rows of the last panel zero. */
        private void packARows(double[] dst, int i0, int rows, int p0, int depth) {
            int stride = DoubleMicroKernel.ROW_STRIDE;
            for (int ir = 0; ir < rows; ir += mr) {
                int off = ir * stride;
                int r = Math.min(mr, rows - ir);
                for (int ii = 0; ii < r; ii++) {
                    System.arraycopy(a, (i0 + ir + ii) * k + p0, dst, off + ii * stride, depth);
                }
                for (int ii = r; ii < mr; ii++) {
                    Arrays.fill(dst, off + ii * stride, off + ii * stride + depth, 0.0);
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
                            kernel.copyBPanelRow(b, (p0 + p) * n + j0 + jr, dst, off + p * nr);
                        }
                    } else {
                        for (int p = 0; p < depth; p++) {
                            System.arraycopy(b, (p0 + p) * n + j0 + jr, dst, off + p * nr, q);
                        }
                    }
                } else { // b is [n, k]: each panel row gathers one element of each of q rows of b
                    packTransposedB(dst, off, (j0 + jr) * k + p0, q, depth);
                }
                for (int jj = q; jj < nr; jj++) {
                    for (int p = 0; p < depth; p++) {
                        dst[off + p * nr + jj] = 0.0;
                    }
                }
            }
        }

        /**
         * Packs {@code q} rows of a transposed {@code b} ({@code [n, k]}) from {@code src}, {@code depth} elements each,
         * as the columns of one panel, two source rows at a time: reading two rows at once packs a FLOAT32 16 x 256
         * panel three times as fast on AVX2 as reading all sixteen for each step (four or eight rows at once are
         * slower than two).
         */
        private void packTransposedB(double[] dst, int off, int src, int q, int depth) {
            int jj = 0;
            for (; jj + 1 < q; jj += 2) {
                int s0 = src + jj * k;
                int s1 = s0 + k;
                for (int p = 0; p < depth; p++) {
                    int d = off + p * nr + jj;
                    dst[d] = b[s0 + p];
                    dst[d + 1] = b[s1 + p];
                }
            }
            if (jj < q) {
                int s0 = src + jj * k;
                for (int p = 0; p < depth; p++) {
                    dst[off + p * nr + jj] = b[s0 + p];
                }
            }
        }
    }

    private static int ceilDiv(int x, int y) {
        return (x + y - 1) / y;
    }

    private static int roundUp(int x, int multiple) {
        return ceilDiv(x, multiple) * multiple;
    }
}
