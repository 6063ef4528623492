package io.github.nn4j.models.svm;

import java.util.Arrays;
import java.util.Locale;

/**
 * Eigendecomposition {@code A = V·diag(λ)·Vᵀ} of a real symmetric matrix, in plain Java (no LAPACK): Householder
 * reduction to tridiagonal form, then implicit symmetric QR steps with Wilkinson shifts (Golub and Van Loan,
 * <i>Matrix Computations</i>, algorithms 8.3.1 and 8.3.3), the rotations accumulated into the eigenvectors.
 * Both stages are backward stable: the decomposition is exact for a matrix within a small multiple of
 * {@code n·ε·‖A‖} of {@code A}.
 *
 * <p>Why not LAPACK: Smile's LAPACK runs on the OpenBLAS build bundled with JavaCPP, which on some CPUs picks
 * kernels that return wrong decompositions unless {@code OPENBLAS_CORETYPE} is set; the PCA baseline must not
 * depend on that. The work is single-threaded and its result depends only on the input, so it is
 * bit-for-bit reproducible.
 *
 * <p>Eigenvalues come out in descending order; eigenvector {@code j} is row {@code j} of {@link #vectors()},
 * of unit length, with its largest-magnitude entry positive (the lowest index among entries within a relative
 * 1e-9 of the largest, so that rounding does not break exact ties), so that its sign does not depend on the path
 * of the iteration. Immutable.
 */
public final class SymmetricEigen {
    private static final double EPS = Math.ulp(1.0);
    /** QR steps allowed per eigenvalue before giving up (convergence is usually cubic: two or three suffice). */
    private static final int MAX_STEPS_PER_EIGENVALUE = 50;
    /**
     * Entries whose magnitudes differ by less than this fraction count as equally large for the sign convention,
     * so that rounding cannot decide between two entries that are equal in exact arithmetic.
     */
    private static final double SIGN_TIE = 1e-9;

    private final int n;
    private final double[] values;
    private final double[][] vectors;

    private SymmetricEigen(double[] values, double[][] vectors) {
        this.n = values.length;
        this.values = values;
        this.vectors = vectors;
    }

    /**
     * Decomposes the symmetric {@code n × n} matrix {@code a} (row-major, {@code n²} entries; only the lower
     * triangle is read). {@code a} is not modified.
     *
     * @throws IllegalArgumentException if {@code a} has the wrong length or a non-finite entry
     * @throws ArithmeticException      if the iteration does not converge (it does for every finite matrix
     *                                  short of a bug)
     */
    public static SymmetricEigen of(double[] a, int n) {
        if (n < 1 || a.length != (long) n * n) {
            throw new IllegalArgumentException("expected a " + n + " x " + n + " matrix (" + (long) n * n
                    + " entries), got " + a.length + " entries");
        }
        double[][] w = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double v = a[i * n + j];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("entry (" + i + ", " + j + ") is " + v);
                }
                w[i][j] = v;
                w[j][i] = v;
            }
        }
        double[] d = new double[n];
        double[] e = new double[Math.max(0, n - 1)];
        double[][] basis = tridiagonalize(w, d, e);
        diagonalize(d, e, basis);
        return sorted(d, basis);
    }

    /** Order of the matrix. */
    public int size() {
        return n;
    }

    /** Eigenvalue {@code j}; {@code value(0) ≥ value(1) ≥ …}. */
    public double value(int j) {
        return values[j];
    }

    /** All eigenvalues, descending (a copy). */
    public double[] values() {
        return values.clone();
    }

    /** Eigenvector {@code j} (a copy), unit length. */
    public double[] vector(int j) {
        return vectors[j].clone();
    }

    /** The eigenvectors as rows, {@code [n][n]}, in the order of {@link #values()} (a copy). */
    public double[][] vectors() {
        double[][] out = new double[n][];
        for (int j = 0; j < n; j++) {
            out[j] = vectors[j].clone();
        }
        return out;
    }

    /**
     * Checks the first {@code k} eigenpairs against {@code a} (the matrix they were computed from): every
     * residual {@code ‖a·v − λ·v‖} and every deviation of {@code vᵢ·vⱼ} from {@code δᵢⱼ} must stay below
     * {@code tolerance·‖a‖} and {@code tolerance} respectively, where {@code ‖a‖} is the largest eigenvalue
     * magnitude. Costs {@code O(k·n²)}, a small fraction of the decomposition.
     *
     * @throws IllegalStateException naming the first pair that fails
     */
    public void verify(double[] a, int k, double tolerance) {
        if (a.length != (long) n * n || k < 0 || k > n) {
            throw new IllegalArgumentException("verify: need the " + n + " x " + n + " matrix and k in 0.." + n);
        }
        double norm = Math.max(Math.abs(values[0]), Math.abs(values[n - 1]));
        double[] av = new double[n];
        for (int j = 0; j < k; j++) {
            double[] v = vectors[j];
            double residual = 0;
            for (int r = 0; r < n; r++) {
                double s = 0;
                for (int c = 0; c < n; c++) {
                    double arc = c <= r ? a[r * n + c] : a[c * n + r];
                    s += arc * v[c];
                }
                av[r] = s - values[j] * v[r];
                residual += av[r] * av[r];
            }
            residual = Math.sqrt(residual);
            if (!(residual <= tolerance * norm)) {
                throw new IllegalStateException(String.format(Locale.ROOT, "eigenpair %d is wrong: |A v - lambda v| = "
                        + "%.3g with lambda = %.6g, allowed %.3g (%.1g x the largest |eigenvalue| %.6g)", j, residual,
                        values[j], tolerance * norm, tolerance, norm));
            }
            for (int i = 0; i <= j; i++) {
                double dot = dot(vectors[i], v);
                double deviation = Math.abs(dot - (i == j ? 1.0 : 0.0));
                if (!(deviation <= tolerance)) {
                    throw new IllegalStateException(String.format(Locale.ROOT, "eigenvectors %d and %d are not "
                            + "orthonormal: dot product %.6g, allowed deviation %.1g", i, j, dot, tolerance));
                }
            }
        }
    }

    /**
     * Householder reduction {@code A = Q·T·Qᵀ} of the full symmetric {@code a} (overwritten), {@code T} tridiagonal
     * with diagonal {@code d} and off-diagonal {@code e} ({@code e[i]} couples {@code i} and {@code i+1}).
     *
     * @return {@code Qᵀ}, so that row {@code j} is column {@code j} of {@code Q}
     */
    private static double[][] tridiagonalize(double[][] a, double[] d, double[] e) {
        int n = a.length;
        double[] beta = new double[n];
        double[] p = new double[n];
        for (int k = 0; k + 2 < n; k++) {
            // Reflector H = I - beta·v·vᵀ on indices k+1..n-1 with H·x = -sign(x₀)·|x|·e₁, x = row k right of the
            // diagonal; v is kept in that row of a, which the reduction no longer needs.
            double[] v = a[k];
            double scale = 0;
            for (int i = k + 1; i < n; i++) {
                scale = Math.max(scale, Math.abs(v[i]));
            }
            d[k] = v[k];
            if (scale == 0) {
                e[k] = 0;
                beta[k] = 0;
                continue;
            }
            double ss = 0;
            for (int i = k + 1; i < n; i++) {
                double t = v[i] / scale;
                ss += t * t;
            }
            double norm = scale * Math.sqrt(ss);
            double x0 = v[k + 1];
            double alpha = x0 >= 0 ? -norm : norm;
            e[k] = alpha;
            v[k + 1] = x0 - alpha;
            beta[k] = 1.0 / (norm * (norm + Math.abs(x0)));
            // Trailing block B ← H·B·H = B - v·wᵀ - w·vᵀ with p = beta·B·v and w = p - (beta/2)(pᵀv)·v.
            double pv = 0;
            for (int r = k + 1; r < n; r++) {
                p[r] = beta[k] * dot(a[r], v, k + 1, n);
                pv += p[r] * v[r];
            }
            double half = 0.5 * beta[k] * pv;
            for (int r = k + 1; r < n; r++) {
                p[r] -= half * v[r];
            }
            for (int r = k + 1; r < n; r++) {
                double[] row = a[r];
                double vr = v[r];
                double pr = p[r];
                for (int c = k + 1; c < n; c++) {
                    row[c] -= vr * p[c] + pr * v[c];
                }
            }
        }
        if (n >= 2) {
            d[n - 2] = a[n - 2][n - 2];
            e[n - 2] = a[n - 2][n - 1];
        }
        d[n - 1] = a[n - 1][n - 1];

        // Qᵀ = H_{n-3}···H_1·H_0, built as ((I·H_{n-3})·H_{n-4})···H_0: before step k the product differs from the
        // identity only in rows and columns k+2.., so M·H_k changes only rows and columns k+1...
        double[][] qt = new double[n][n];
        for (int i = 0; i < n; i++) {
            qt[i][i] = 1;
        }
        double[] u = new double[n];
        for (int k = n - 3; k >= 0; k--) {
            if (beta[k] == 0) {
                continue;
            }
            double[] v = a[k];
            for (int r = k + 1; r < n; r++) {
                u[r] = beta[k] * dot(qt[r], v, k + 1, n);
            }
            for (int r = k + 1; r < n; r++) {
                double[] row = qt[r];
                double ur = u[r];
                for (int c = k + 1; c < n; c++) {
                    row[c] -= ur * v[c];
                }
            }
        }
        return qt;
    }

    /**
     * Implicit symmetric QR on the tridiagonal {@code (d, e)}: {@code d} becomes the eigenvalues; the rotations
     * are applied to the rows of {@code basis}, which then hold the eigenvectors.
     */
    private static void diagonalize(double[] d, double[] e, double[][] basis) {
        int n = d.length;
        double norm = 0;
        for (int i = 0; i < n; i++) {
            norm = Math.max(norm, Math.abs(d[i]) + (i > 0 ? Math.abs(e[i - 1]) : 0) + (i < n - 1 ? Math.abs(e[i]) : 0));
        }
        double negligible = EPS * norm;
        int steps = 0;
        int hi = n - 1;
        while (hi > 0) {
            if (negligible(e[hi - 1], d[hi - 1], d[hi], negligible)) {
                e[hi - 1] = 0;
                hi--;
                continue;
            }
            int lo = hi - 1;
            while (lo > 0 && !negligible(e[lo - 1], d[lo - 1], d[lo], negligible)) {
                lo--;
            }
            if (lo > 0) {
                e[lo - 1] = 0;
            }
            if (++steps > MAX_STEPS_PER_EIGENVALUE * n) {
                throw new ArithmeticException("symmetric QR did not converge in " + (steps - 1) + " steps (n = "
                        + n + ")");
            }
            qrStep(d, e, lo, hi, basis);
        }
    }

    private static boolean negligible(double e, double dAbove, double dBelow, double absolute) {
        return Math.abs(e) <= EPS * (Math.abs(dAbove) + Math.abs(dBelow)) || Math.abs(e) <= absolute;
    }

    /**
     * One implicit QR step with a Wilkinson shift on the unreduced block {@code lo..hi}: a rotation in the plane
     * {@code (lo, lo+1)} chosen from the shifted first column, then the bulge it creates chased down the band.
     */
    private static void qrStep(double[] d, double[] e, int lo, int hi, double[][] basis) {
        double delta = 0.5 * (d[hi - 1] - d[hi]);
        double b2 = e[hi - 1] * e[hi - 1];
        double root = Math.hypot(delta, e[hi - 1]);
        double shift = d[hi] - b2 / (delta + (delta >= 0 ? root : -root));
        double x = d[lo] - shift;
        double z = e[lo];
        for (int k = lo; k < hi; k++) {
            double r = Math.hypot(x, z);
            double c = r == 0 ? 1 : x / r;
            double s = r == 0 ? 0 : z / r;
            if (k > lo) {
                e[k - 1] = r;
            }
            // T ← P·T·Pᵀ with P = [[c, s], [-s, c]] in the plane (k, k+1).
            double a = d[k];
            double b = e[k];
            double cc = d[k + 1];
            double cs = c * s;
            double twoCsb = 2 * cs * b;
            d[k] = c * c * a + twoCsb + s * s * cc;
            d[k + 1] = s * s * a - twoCsb + c * c * cc;
            e[k] = cs * (cc - a) + (c * c - s * s) * b;
            if (k + 1 < hi) {
                x = e[k];
                z = s * e[k + 1];
                e[k + 1] *= c;
            }
            rotate(basis[k], basis[k + 1], c, s);
        }
    }

    /** {@code (u, w) ← (c·u + s·w, −s·u + c·w)}: the new basis vectors k and k+1 after {@code Q ← Q·Pᵀ}. */
    private static void rotate(double[] u, double[] w, double c, double s) {
        for (int i = 0; i < u.length; i++) {
            double ui = u[i];
            double wi = w[i];
            u[i] = c * ui + s * wi;
            w[i] = c * wi - s * ui;
        }
    }

    /** Sorts descending (stable), normalises each vector's sign. */
    private static SymmetricEigen sorted(double[] d, double[][] basis) {
        int n = d.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (i, j) -> Double.compare(d[j], d[i]));
        double[] values = new double[n];
        double[][] vectors = new double[n][];
        for (int j = 0; j < n; j++) {
            values[j] = d[order[j]];
            double[] v = basis[order[j]];
            double max = 0;
            for (double vi : v) {
                max = Math.max(max, Math.abs(vi));
            }
            int largest = 0;
            while (Math.abs(v[largest]) < max * (1 - SIGN_TIE)) {
                largest++;
            }
            if (v[largest] < 0) {
                for (int i = 0; i < n; i++) {
                    v[i] = -v[i];
                }
            }
            vectors[j] = v;
        }
        return new SymmetricEigen(values, vectors);
    }

    private static double dot(double[] a, double[] b) {
        return dot(a, b, 0, a.length);
    }

    /** {@code Σ a[i]·b[i]} over {@code from..to-1}, four partial sums (the JIT keeps floating-point order). */
    private static double dot(double[] a, double[] b, int from, int to) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = from;
        for (; i + 3 < to; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < to; i++) {
            s0 += a[i] * b[i];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
