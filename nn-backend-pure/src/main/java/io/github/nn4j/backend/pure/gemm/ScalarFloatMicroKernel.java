package io.github.nn4j.backend.pure.gemm;

// GENERATED from ScalarDoubleMicroKernel.java by io.github.nn4j.api.codegen.Float32Generator. Do not modify:
// edit ScalarDoubleMicroKernel.java and regenerate: java nn-api/src/test/java/io/github/nn4j/api/codegen/Float32Generator.java
import javax.annotation.processing.Generated;


/**
 * The micro-kernel of the scalar FLOAT32 GEMM: a 4 x 4 block of the product held in local variables (register
 * blocking), so that every packed element loaded is used four times; it reads both layouts of the {@code a} panel.
 * {@code ScalarFloatMicroKernel} is generated from {@code ScalarDoubleMicroKernel}. <!-- same in FLOAT32 -->
 */
@Generated(value = "io.github.nn4j.api.codegen.Float32Generator", comments = "from ScalarDoubleMicroKernel.java; do not modify: edit that file and regenerate")
public final class ScalarFloatMicroKernel extends FloatMicroKernel {
    /** Rows of the block. */
    public static final int MR = 4;
    /** Columns of the block. */
    public static final int NR = 4;

    /** The 4 x 4 kernel. */
    public ScalarFloatMicroKernel() {
        super(MR, NR);
    }

    @Override
    protected void multiply(int kc, float[] a, int aOff, float[] b, int bOff, float[] acc, int accOff) {
        float c00 = 0.0f; float c01 = 0.0f; float c02 = 0.0f; float c03 = 0.0f;
        float c10 = 0.0f; float c11 = 0.0f; float c12 = 0.0f; float c13 = 0.0f;
        float c20 = 0.0f; float c21 = 0.0f; float c22 = 0.0f; float c23 = 0.0f;
        float c30 = 0.0f; float c31 = 0.0f; float c32 = 0.0f; float c33 = 0.0f;
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
    protected void multiplyRowPanel(int kc, float[] a, int aOff, float[] b, int bOff, float[] acc, int accOff) {
        float c00 = 0.0f; float c01 = 0.0f; float c02 = 0.0f; float c03 = 0.0f;
        float c10 = 0.0f; float c11 = 0.0f; float c12 = 0.0f; float c13 = 0.0f;
        float c20 = 0.0f; float c21 = 0.0f; float c22 = 0.0f; float c23 = 0.0f;
        float c30 = 0.0f; float c31 = 0.0f; float c32 = 0.0f; float c33 = 0.0f;
        for (int p = 0; p < kc; p++) {
            int ap = aOff + p;
            int bp = bOff + p * 4;
            float a0 = a[ap];
            float a1 = a[ap + ROW_STRIDE];
            float a2 = a[ap + 2 * ROW_STRIDE];
            float a3 = a[ap + 3 * ROW_STRIDE];
            float b0 = b[bp];
            float b1 = b[bp + 1];
            float b2 = b[bp + 2];
            float b3 = b[bp + 3];
            c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
            c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
            c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
            c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
        }
        store(acc, accOff, c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23, c30, c31, c32, c33);
    }

    private static void store(float[] acc, int o, float c00, float c01, float c02, float c03, float c10,
                              float c11, float c12, float c13, float c20, float c21, float c22, float c23,
                              float c30, float c31, float c32, float c33) {
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
