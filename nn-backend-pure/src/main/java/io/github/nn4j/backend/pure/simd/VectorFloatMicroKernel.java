package io.github.nn4j.backend.pure.simd;

// GENERATED from VectorDoubleMicroKernel.java by io.github.nn4j.api.codegen.Float32Generator. Do not modify:
// edit VectorDoubleMicroKernel.java and regenerate: java nn-api/src/test/java/io/github/nn4j/api/codegen/Float32Generator.java

import io.github.nn4j.backend.pure.gemm.FloatMicroKernel;
import javax.annotation.processing.Generated;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The micro-kernel of the SIMD FLOAT32 GEMM: 8 rows by 2 vectors of the platform's preferred width
 * (with 512-bit vectors, 8 x 16 doubles or 8 x 32 floats). <!-- same in FLOAT32 -->
 * Each step of the inner loop loads 2 vectors of the packed {@code b} panel, broadcasts 8 elements of the packed
 * {@code a} panel and does 16 fused multiply-adds into 16 accumulator vectors, which stay in registers where the CPU
 * has 32 of them (AVX-512).
 * {@code VectorFloatMicroKernel} is generated from {@code VectorDoubleMicroKernel}. <!-- same in FLOAT32 -->
 */
@Generated(value = "io.github.nn4j.api.codegen.Float32Generator", comments = "from VectorDoubleMicroKernel.java; do not modify: edit that file and regenerate")
public final class VectorFloatMicroKernel extends FloatMicroKernel {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = S.length();
    /** Rows of the block. */
    public static final int MR = 8;
    /** Columns of the block: two vectors. */
    public static final int NR = 2 * LANES;

    /** The 8 x 2-vector kernel. */
    public VectorFloatMicroKernel() {
        super(MR, NR);
    }

    @Override
    protected void multiply(int kc, float[] a, int aOff, float[] b, int bOff, float[] acc) {
        FloatVector c00 = FloatVector.zero(S); FloatVector c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S); FloatVector c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S); FloatVector c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S); FloatVector c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S); FloatVector c41 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S); FloatVector c51 = FloatVector.zero(S);
        FloatVector c60 = FloatVector.zero(S); FloatVector c61 = FloatVector.zero(S);
        FloatVector c70 = FloatVector.zero(S); FloatVector c71 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            int bp = bOff + p * NR;
            int ap = aOff + p * MR;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + LANES);
            FloatVector a0 = FloatVector.broadcast(S, a[ap]);
            c00 = b0.fma(a0, c00); c01 = b1.fma(a0, c01);
            FloatVector a1 = FloatVector.broadcast(S, a[ap + 1]);
            c10 = b0.fma(a1, c10); c11 = b1.fma(a1, c11);
            FloatVector a2 = FloatVector.broadcast(S, a[ap + 2]);
            c20 = b0.fma(a2, c20); c21 = b1.fma(a2, c21);
            FloatVector a3 = FloatVector.broadcast(S, a[ap + 3]);
            c30 = b0.fma(a3, c30); c31 = b1.fma(a3, c31);
            FloatVector a4 = FloatVector.broadcast(S, a[ap + 4]);
            c40 = b0.fma(a4, c40); c41 = b1.fma(a4, c41);
            FloatVector a5 = FloatVector.broadcast(S, a[ap + 5]);
            c50 = b0.fma(a5, c50); c51 = b1.fma(a5, c51);
            FloatVector a6 = FloatVector.broadcast(S, a[ap + 6]);
            c60 = b0.fma(a6, c60); c61 = b1.fma(a6, c61);
            FloatVector a7 = FloatVector.broadcast(S, a[ap + 7]);
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
    protected void packRowPanel(float[] a, int src, int lda, int depth, float[] dst, int off) {
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
    protected void copyAPanelRow(float[] src, int srcOff, float[] dst, int dstOff) {
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
    protected void copyBPanelRow(float[] src, int srcOff, float[] dst, int dstOff) {
        FloatVector.fromArray(S, src, srcOff).intoArray(dst, dstOff);
        FloatVector.fromArray(S, src, srcOff + LANES).intoArray(dst, dstOff + LANES);
    }

    @Override
    protected void combine(float[] acc, float alpha, float beta, float[] c, int cOff, int ldc) {
        if (beta == 0.0f) {
            for (int i = 0; i < MR; i++) {
                int o = cOff + i * ldc;
                for (int j = 0; j < NR; j += LANES) {
                    FloatVector.fromArray(S, acc, i * NR + j).mul(alpha).intoArray(c, o + j);
                }
            }
        } else {
            for (int i = 0; i < MR; i++) {
                int o = cOff + i * ldc;
                for (int j = 0; j < NR; j += LANES) {
                    FloatVector scaled = FloatVector.fromArray(S, acc, i * NR + j).mul(alpha);
                    scaled.add(FloatVector.fromArray(S, c, o + j).mul(beta)).intoArray(c, o + j);
                }
            }
        }
    }
}
