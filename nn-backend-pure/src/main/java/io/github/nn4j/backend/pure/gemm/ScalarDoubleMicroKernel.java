package io.github.nn4j.backend.pure.gemm;

/**
 * The micro-kernel of the scalar FLOAT64 GEMM: a 4 x 4 block of the product held in local variables (register
 * blocking), so that every packed element loaded is used four times; it reads both layouts of the {@code a} panel.
 * {@code ScalarFloatMicroKernel} is generated from {@code ScalarDoubleMicroKernel}. <!-- same in FLOAT32 -->
 */
public final class ScalarDoubleMicroKernel extends DoubleMicroKernel {
    /** Rows of the block. */
    public static final int MR = 4;
    /** Columns of the block. */
    public static final int NR = 4;

    /** The 4 x 4 kernel. */
    public ScalarDoubleMicroKernel() {
        super(MR, NR);
    }

    @Override
    protected void multiply(int kc, double[] a, int aOff, double[] b, int bOff, double[] acc, int accOff) {
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
        store(acc, accOff, c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23, c30, c31, c32, c33);
    }

    @Override
    protected boolean multipliesRowPanels() {
        return true;
    }

    /**
     * The loop of {@link #multiply} with the row panel's offsets. Written out twice rather than as one loop taking the
     * panel's strides as arguments: that loop ran 20% slower (gemm-rate, scalar kernels, one thread), because C2 does
     * not inline a method of its size into the two callers, where the strides would be constants.
     */
    @Override
    protected void multiplyRowPanel(int kc, double[] a, int aOff, double[] b, int bOff, double[] acc, int accOff) {
        double c00 = 0.0; double c01 = 0.0; double c02 = 0.0; double c03 = 0.0;
        double c10 = 0.0; double c11 = 0.0; double c12 = 0.0; double c13 = 0.0;
        double c20 = 0.0; double c21 = 0.0; double c22 = 0.0; double c23 = 0.0;
        double c30 = 0.0; double c31 = 0.0; double c32 = 0.0; double c33 = 0.0;
        for (int p = 0; p < kc; p++) {
            int ap = aOff + p;
            int bp = bOff + p * 4;
            double a0 = a[ap];
            double a1 = a[ap + ROW_STRIDE];
            double a2 = a[ap + 2 * ROW_STRIDE];
            double a3 = a[ap + 3 * ROW_STRIDE];
            double b0 = b[bp];
            double b1 = b[bp + 1];
            double b2 = b[bp + 2];
            double b3 = b[bp + 3];
            c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
            c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
            c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
            c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
        }
        store(acc, accOff, c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23, c30, c31, c32, c33);
    }

    private static void store(double[] acc, int o, double c00, double c01, double c02, double c03, double c10,
                              double c11, double c12, double c13, double c20, double c21, double c22, double c23,
                              double c30, double c31, double c32, double c33) {
        acc[o] = c00;
        acc[o + 1] = c01;
        acc[o + 2] = c02;
        acc[o + 3] = c03;
        acc[o + 4] = c10;
        acc[o + 5] = c11;
        acc[o + 6] = c12;
        acc[o + 7] = c13;
        acc[o + 8] = c20;
        acc[o + 9] = c21;
        acc[o + 10] = c22;
        acc[o + 11] = c23;
        acc[o + 12] = c30;
        acc[o + 13] = c31;
        acc[o + 14] = c32;
        acc[o + 15] = c33;
    }
}
