package io.github.nn4j.backend.pure;

/**
 * The FLOAT64 GEMM of the scalar path: plain Java with a 4x4 block of the product held in local variables
 * (register blocking), so that every packed element
 * loaded is used four times.
 */
final class ScalarDoubleGemm extends DoubleGemm {
    static final int MR = 4;
    static final int NR = 4;
    static final int KC = 256;
    static final int MC = 64;
    static final int NC = 256;

    ScalarDoubleGemm(TileExecutor executor) {
        super(MR, NR, KC, MC, NC, executor);
    }

    @Override
    protected void microKernel(int kc, double[] a, int aOff, double[] b, int bOff, double alpha, double beta,
                               double[] c, int cOff, int ldc) {
        double c00 = 0.0; double c01 = 0.0; double c02 = 0.0; double c03 = 0.0;
        double c10 = 0.0; double c11 = 0.0; double c12 = 0.0; double c13 = 0.0;
        double c20 = 0.0; double c21 = 0.0; double c22 = 0.0; double c23 = 0.0;
        double c30 = 0.0; double c31 = 0.0; double c32 = 0.0; double c33 = 0.0;
        for (int p = 0; p < kc; p++) {
            int ap = aOff + p * 4;
            int bp = bOff + p * 4;
            double a0 = a[ap];
            double a1 = a[ap + 1];
            double a2 = a[ap + 2];
            double a3 = a[ap + 3];
            double b0 = b[bp];
            double b1 = b[bp + 1];
            double b2 = b[bp + 2];
            double b3 = b[bp + 3];
            c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
            c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
            c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
            c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
        }
        int o0 = cOff;
        store(c, o0, c00, alpha, beta);
        store(c, o0 + 1, c01, alpha, beta);
        store(c, o0 + 2, c02, alpha, beta);
        store(c, o0 + 3, c03, alpha, beta);
        int o1 = cOff + ldc;
        store(c, o1, c10, alpha, beta);
        store(c, o1 + 1, c11, alpha, beta);
        store(c, o1 + 2, c12, alpha, beta);
        store(c, o1 + 3, c13, alpha, beta);
        int o2 = cOff + 2 * ldc;
        store(c, o2, c20, alpha, beta);
        store(c, o2 + 1, c21, alpha, beta);
        store(c, o2 + 2, c22, alpha, beta);
        store(c, o2 + 3, c23, alpha, beta);
        int o3 = cOff + 3 * ldc;
        store(c, o3, c30, alpha, beta);
        store(c, o3 + 1, c31, alpha, beta);
        store(c, o3 + 2, c32, alpha, beta);
        store(c, o3 + 3, c33, alpha, beta);
    }

    private static void store(double[] c, int o, double acc, double alpha, double beta) {
        c[o] = beta == 0.0 ? alpha * acc : alpha * acc + beta * c[o];
    }
}
