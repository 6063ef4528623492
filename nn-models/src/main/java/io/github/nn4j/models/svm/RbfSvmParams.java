package io.github.nn4j.models.svm;

/**
 * Hyper-parameters of an RBF-kernel SVM: the kernel {@code k(x, y) = exp(-gamma · |x − y|²)} and the
 * soft-margin penalty {@code C}.
 *
 * @param gamma kernel width parameter, positive
 * @param c     soft-margin penalty, positive
 */
public record RbfSvmParams(double gamma, double c) {
    /** Checks that both are positive and finite. */
    public RbfSvmParams {
        if (!(gamma > 0) || Double.isInfinite(gamma)) {
            throw new IllegalArgumentException("gamma must be positive and finite, got " + gamma);
        }
        if (!(c > 0) || Double.isInfinite(c)) {
            throw new IllegalArgumentException("C must be positive and finite, got " + c);
        }
    }

    /** The Gaussian width {@code sigma} with {@code gamma = 1 / (2 sigma²)} (Smile's parameterisation). */
    public double sigma() {
        return Math.sqrt(1.0 / (2.0 * gamma));
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "gamma=%.5g, C=%.4g", gamma, c);
    }
}
