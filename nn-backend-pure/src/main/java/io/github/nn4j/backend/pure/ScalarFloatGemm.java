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
    protected void microKernel(int kc, float[] a, int aOff, float[] b, int bOff, float[] acc) {
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
        acc[0] = c00;
        acc[1] = c01;
        acc[2] = c02;
        acc[3] = c03;
        acc[4] = c10;
        acc[5] = c11;
        acc[6] = c12;
        acc[7] = c13;
        acc[8] = c20;
        acc[9] = c21;
        acc[10] = c22;
        acc[11] = c23;
        acc[12] = c30;
        acc[13] = c31;
        acc[14] = c32;
        acc[15] = c33;
    }

    @Override
    protected void packRowPanel(float[] a, int src, int lda, int depth, float[] dst, int off) {
        int s0 = src;
        int s1 = s0 + lda;
        int s2 = s1 + lda;
        int s3 = s2 + lda;
        for (int p = 0; p < depth; p++) {
            int d = off + 4 * p;
            dst[d] = a[s0 + p];
            dst[d + 1] = a[s1 + p];
            dst[d + 2] = a[s2 + p];
            dst[d + 3] = a[s3 + p];
        }
    }
}
