package io.github.nn4j.benchmarks.kernels;


/**
 * The shape of one matrix product {@code C[m×n] = op(A)·op(B)} with inner dimension {@code k}, written
 * {@code "MxKxN"} with an optional {@code ":tA"} (A is stored as {@code [k×m]} and transposed) or {@code ":tB"}
 * (B is stored as {@code [n×k]} and transposed), e.g. {@code "784x256x128:tA"}. Immutable.
 *
 * @param m          rows of C
 * @param k          inner dimension
 * @param n          columns of C
 * @param transposeA whether A is used transposed
 * @param transposeB whether B is used transposed
 */
public record GemmShape(int m, int k, int n, boolean transposeA, boolean transposeB) {

    /** Checks that the dimensions are positive. */
    public GemmShape {
        if (m <= 0 || k <= 0 || n <= 0) {
            throw new IllegalArgumentException("GEMM dimensions must be positive, got m=" + m + ", k=" + k + ", n=" + n);
        }
    }

    /** Parses {@code "MxKxN"}, {@code "MxKxN:tA"}, {@code "MxKxN:tB"} or {@code "MxKxN:tA:tB"}. */
    public static GemmShape parse(String text) {
        String[] parts = text.trim().split(":");
        String[] dims = parts[0].split("[xX]");
        if (dims.length != 3) {
            throw new IllegalArgumentException("GEMM shape '" + text + "' is not of the form MxKxN[:tA][:tB]");
        }
        int[] v = new int[3];
        for (int i = 0; i < 3; i++) {
            try {
                v[i] = Integer.parseInt(dims[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("GEMM shape '" + text + "': '" + dims[i]
                        + "' is not an integer; expected MxKxN[:tA][:tB]", e);
            }
        }
        boolean ta = false;
        boolean tb = false;
        for (int i = 1; i < parts.length; i++) {
            switch (parts[i].trim()) {
                case "tA": ta = true; break;
                case "tB": tb = true; break;
                default: throw new IllegalArgumentException("GEMM shape '" + text + "': unknown flag '" + parts[i]
                        + "', expected tA or tB");
            }
        }
        return new GemmShape(v[0], v[1], v[2], ta, tb);
    }

    /** Floating-point operations of one product: {@code 2·m·n·k} (a multiply and an add per term). */
    public double flops() {
        return 2.0 * m * n * k;
    }

    /** A readable form such as {@code "784×256×128, Aᵀ·B"}. */
    public String describe() {
        String op = (transposeA ? "Aᵀ" : "A") + "·" + (transposeB ? "Bᵀ" : "B");
        return m + "×" + k + "×" + n + (transposeA || transposeB ? ", " + op : "");
    }
}
