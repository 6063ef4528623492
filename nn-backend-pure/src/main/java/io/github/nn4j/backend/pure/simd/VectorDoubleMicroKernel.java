package io.github.nn4j.backend.pure.simd;

import io.github.nn4j.backend.pure.gemm.DoubleMicroKernel;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The micro-kernel of the SIMD FLOAT64 GEMM: 8 rows by 2 vectors of the platform's preferred width
 * (with 512-bit vectors, 8 x 16 doubles or 8 x 32 floats). <!-- same in FLOAT32 -->
 * Each step of the inner loop loads 2 vectors of the packed {@code b} panel, broadcasts 8 elements of the packed
 * {@code a} panel and does 16 fused multiply-adds into 16 accumulator vectors, which stay in registers where the CPU
 * has 32 of them (AVX-512).
 * {@code VectorFloatMicroKernel} is generated from {@code VectorDoubleMicroKernel}. <!-- same in FLOAT32 -->
 */
public final class VectorDoubleMicroKernel extends DoubleMicroKernel {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = S.length();
    /** Rows of the block. */
    public static final int MR = 8;
    /** Columns of the block: two vectors. */
    public static final int NR = 2 * LANES;

    /** The 8 x 2-vector kernel. */
    public VectorDoubleMicroKernel() {
        super(MR, NR);
    }

    @Override
    protected void multiply(int kc, double[] a, int aOff, double[] b, int bOff, double[] acc) {
        DoubleVector c00 = DoubleVector.zero(S); DoubleVector c01 = DoubleVector.zero(S);
        DoubleVector c10 = DoubleVector.zero(S); DoubleVector c11 = DoubleVector.zero(S);
        DoubleVector c20 = DoubleVector.zero(S); DoubleVector c21 = DoubleVector.zero(S);
        DoubleVector c30 = DoubleVector.zero(S); DoubleVector c31 = DoubleVector.zero(S);
        DoubleVector c40 = DoubleVector.zero(S); DoubleVector c41 = DoubleVector.zero(S);
        DoubleVector c50 = DoubleVector.zero(S); DoubleVector c51 = DoubleVector.zero(S);
        DoubleVector c60 = DoubleVector.zero(S); DoubleVector c61 = DoubleVector.zero(S);
        DoubleVector c70 = DoubleVector.zero(S); DoubleVector c71 = DoubleVector.zero(S);
        for (int p = 0; p < kc; p++) {
            int bp = bOff + p * NR;
            int ap = aOff + p * MR;
            DoubleVector b0 = DoubleVector.fromArray(S, b, bp);
            DoubleVector b1 = DoubleVector.fromArray(S, b, bp + LANES);
            DoubleVector a0 = DoubleVector.broadcast(S, a[ap]);
            c00 = b0.fma(a0, c00); c01 = b1.fma(a0, c01);
            DoubleVector a1 = DoubleVector.broadcast(S, a[ap + 1]);
            c10 = b0.fma(a1, c10); c11 = b1.fma(a1, c11);
            DoubleVector a2 = DoubleVector.broadcast(S, a[ap + 2]);
            c20 = b0.fma(a2, c20); c21 = b1.fma(a2, c21);
            DoubleVector a3 = DoubleVector.broadcast(S, a[ap + 3]);
            c30 = b0.fma(a3, c30); c31 = b1.fma(a3, c31);
            DoubleVector a4 = DoubleVector.broadcast(S, a[ap + 4]);
            c40 = b0.fma(a4, c40); c41 = b1.fma(a4, c41);
            DoubleVector a5 = DoubleVector.broadcast(S, a[ap + 5]);
            c50 = b0.fma(a5, c50); c51 = b1.fma(a5, c51);
            DoubleVector a6 = DoubleVector.broadcast(S, a[ap + 6]);
            c60 = b0.fma(a6, c60); c61 = b1.fma(a6, c61);
            DoubleVector a7 = DoubleVector.broadcast(S, a[ap + 7]);
            c70 = b0.fma(a7, c70); c71 = b1.fma(a7, c71);
        }
        c00.intoArray(acc, 0);
        c01.intoArray(acc, LANES);
        c10.intoArray(acc, 2 * LANES);
        c11.intoArray(acc, 3 * LANES);
        c20.intoArray(acc, 4 * LANES);
        c21.intoArray(acc, 5 * LANES);
        c30.intoArray(acc, 6 * LANES);
        c31.intoArray(acc, 7 * LANES);
        c40.intoArray(acc, 8 * LANES);
        c41.intoArray(acc, 9 * LANES);
        c50.intoArray(acc, 10 * LANES);
        c51.intoArray(acc, 11 * LANES);
        c60.intoArray(acc, 12 * LANES);
        c61.intoArray(acc, 13 * LANES);
        c70.intoArray(acc, 14 * LANES);
        c71.intoArray(acc, 15 * LANES);
    }

    @Override
    protected void packRowPanel(double[] a, int src, int lda, int depth, double[] dst, int off) {
        int s0 = src;
        int s1 = s0 + lda;
        int s2 = s1 + lda;
        int s3 = s2 + lda;
        int s4 = s3 + lda;
        int s5 = s4 + lda;
        int s6 = s5 + lda;
        int s7 = s6 + lda;
        for (int p = 0; p < depth; p++) {
            int d = off + 8 * p;
            dst[d] = a[s0 + p];
            dst[d + 1] = a[s1 + p];
            dst[d + 2] = a[s2 + p];
            dst[d + 3] = a[s3 + p];
            dst[d + 4] = a[s4 + p];
            dst[d + 5] = a[s5 + p];
            dst[d + 6] = a[s6 + p];
            dst[d + 7] = a[s7 + p];
        }
    }

    @Override
    protected void copyAPanelRow(double[] src, int srcOff, double[] dst, int dstOff) {
        dst[dstOff] = src[srcOff];
        dst[dstOff + 1] = src[srcOff + 1];
        dst[dstOff + 2] = src[srcOff + 2];
        dst[dstOff + 3] = src[srcOff + 3];
        dst[dstOff + 4] = src[srcOff + 4];
        dst[dstOff + 5] = src[srcOff + 5];
        dst[dstOff + 6] = src[srcOff + 6];
        dst[dstOff + 7] = src[srcOff + 7];
    }

    @Override
    protected void copyBPanelRow(double[] src, int srcOff, double[] dst, int dstOff) {
        DoubleVector.fromArray(S, src, srcOff).intoArray(dst, dstOff);
        DoubleVector.fromArray(S, src, srcOff + LANES).intoArray(dst, dstOff + LANES);
    }

    @Override
    protected void combine(double[] acc, double alpha, double beta, double[] c, int cOff, int ldc) {
        if (beta == 0.0) {
            for (int i = 0; i < MR; i++) {
                int o = cOff + i * ldc;
                for (int j = 0; j < NR; j += LANES) {
                    DoubleVector.fromArray(S, acc, i * NR + j).mul(alpha).intoArray(c, o + j);
                }
            }
        } else {
            for (int i = 0; i < MR; i++) {
                int o = cOff + i * ldc;
                for (int j = 0; j < NR; j += LANES) {
                    DoubleVector scaled = DoubleVector.fromArray(S, acc, i * NR + j).mul(alpha);
                    scaled.add(DoubleVector.fromArray(S, c, o + j).mul(beta)).intoArray(c, o + j);
                }
            }
        }
    }
}
