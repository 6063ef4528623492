package io.github.nn4j.backend.pure;

/**
 * The FLOAT32 GEMM of the scalar path: plain Java with a 4x4 block of the product held in local variables
 * (register blocking), so that every packed element
 * loaded is used four times.
 */
final class ScalarFloatGemm extends FloatGemm {
    static final int MR = 4;
    static final int NR = 4;
    static final int KC = 256;
    static final int MC = 64;
    static final int NC = 256;

    ScalarFloatGemm(TileExecutor executor) {
        super(MR, NR, KC, MC, NC, executor);
    }

    @Override
    protected void microKernel(int kc, float[] a, int aOff, float[] b, int bOff, float alpha, float beta,
                               float[] c, int cOff, int ldc) {
        float c00 = 0f; float c01 = 0f; float c02 = 0f; float c03 = 0f;
        float c10 = 0f; float c11 = 0f; float c12 = 0f; float c13 = 0f;
        float c20 = 0f; float c21 = 0f; float c22 = 0f; float c23 = 0f;
        float c30 = 0f; float c31 = 0f; float c32 = 0f; float c33 = 0f;
        for (int p = 0; p < kc; p++) {
            int ap = aOff + p * 4;
            int bp = bOff + p * 4;
            float a0 = a[ap];
            float a1 = a[ap + 1];
            float a2 = a[ap + 2];
            float a3 = a[ap + 3];
            float b0 = b[bp];
            float b1 = b[bp + 1];
            float b2 = b[bp + 2];
            float b3 = b[bp + 3];
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

    private static void store(float[] c, int o, float acc, float alpha, float beta) {
        c[o] = beta == 0f ? alpha * acc : alpha * acc + beta * c[o];
    }
}
