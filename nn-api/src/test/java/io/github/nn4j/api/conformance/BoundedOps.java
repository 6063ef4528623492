package io.github.nn4j.api.conformance;

import static io.github.nn4j.api.conformance.ReferenceNetwork.REFERENCE_ROUNDING;

/**
 * Running error bounds of the element-wise operations a training step asks of a backend ({@link Bounded} in,
 * {@link Bounded} out): the value in double, and the error inherited from the operands plus the operation's own
 * rounding from {@link Tolerance}. Used by {@link ReferenceNetwork} and {@link ReferenceOptimizer}.
 */
final class BoundedOps {
    private final Tolerance tol;

    BoundedOps(Tolerance tol) {
        this.tol = tol;
    }


    /** One correct rounding of a value of magnitude up to {@code reach}, plus the underflow allowance. */
    double rounded(double reach) {
        return tol.unitRoundoff() * reach + tol.underflow(reach) + REFERENCE_ROUNDING * reach;
    }

    /** {@code s x} for a scalar s that the backend may round to the dtype first: {@code γ(2)}. */
    Bounded scaled(Bounded x, double s) {
        Bounded y = Bounded.zeros(x.rows(), x.cols());
        double as = Math.abs(s);
        for (int i = 0; i < x.size(); i++) {
            y.v()[i] = s * x.v()[i];
            double reach = as * x.reach(i);
            y.e()[i] = as * x.e()[i] + (tol.gamma(2) + REFERENCE_ROUNDING) * reach + tol.underflow(reach);
        }
        return y;
    }

    /** {@code s x} for a scalar s known within {@code sError} (a scheduled rate, say), which the backend may round. */
    Bounded scaled(Bounded x, double s, double sError) {
        Bounded y = scaled(x, s);
        for (int i = 0; i < x.size(); i++) {
            y.e()[i] += sError * x.reach(i);
        }
        return y;
    }

    /** {@code y + αx} ({@code axpy}, α rounded to the dtype by some backends). */
    Bounded axpy(Bounded y, double alpha, Bounded x) {
        return axpy(y, alpha, 0, x);
    }

    /**
     * {@code y + αx} for an α known within {@code alphaError} (a scheduled rate, a clipping factor): the
     * implementation's α may differ by that much before it rounds it.
     */
    Bounded axpy(Bounded y, double alpha, double alphaError, Bounded x) {
        Bounded out = Bounded.zeros(y.rows(), y.cols());
        double aa = Math.abs(alpha);
        for (int i = 0; i < y.size(); i++) {
            out.v()[i] = y.v()[i] + alpha * x.v()[i];
            double reach = (aa + alphaError) * x.reach(i);
            out.e()[i] = y.e()[i] + aa * x.e()[i] + alphaError * x.reach(i) + tol.axpy(y.reach(i), reach)
                    + REFERENCE_ROUNDING * (y.reach(i) + reach);
        }
        return out;
    }

    /** {@code a + b} element-wise, correctly rounded. */
    Bounded add(Bounded a, Bounded b) {
        Bounded out = Bounded.zeros(a.rows(), a.cols());
        for (int i = 0; i < a.size(); i++) {
            out.v()[i] = a.v()[i] + b.v()[i];
            double inherited = a.e()[i] + b.e()[i];
            out.e()[i] = inherited + rounded(Math.abs(out.v()[i]) + inherited);
        }
        return out;
    }

    /** {@code a ∘ a} element-wise, correctly rounded. */
    Bounded square(Bounded a) {
        Bounded out = Bounded.zeros(a.rows(), a.cols());
        for (int i = 0; i < a.size(); i++) {
            double v = a.v()[i];
            double e = a.e()[i];
            out.v()[i] = v * v;
            double inherited = 2 * Math.abs(v) * e + e * e;
            out.e()[i] = inherited + rounded(v * v + inherited);
        }
        return out;
    }

    /** {@code sqrt(a)}, correctly rounded; {@code |√a' - √a| <= min(√|a' - a|, |a' - a| / √a)}. */
    Bounded sqrt(Bounded a) {
        Bounded out = Bounded.zeros(a.rows(), a.cols());
        for (int i = 0; i < a.size(); i++) {
            double v = Math.max(a.v()[i], 0);
            double e = a.e()[i];
            double inherited = v > 0 ? Math.min(Math.sqrt(e), e / Math.sqrt(v)) : Math.sqrt(e);
            out.v()[i] = ReferenceMath.sqrt(v);
            out.e()[i] = inherited + rounded(out.v()[i] + inherited);
        }
        return out;
    }

    /** {@code a + s} for a positive scalar s that the backend may round to the dtype first. */
    Bounded plus(Bounded a, double s) {
        Bounded out = Bounded.zeros(a.rows(), a.cols());
        for (int i = 0; i < a.size(); i++) {
            out.v()[i] = a.v()[i] + s;
            out.e()[i] = a.e()[i] + rounded(a.reach(i) + Math.abs(s)) + tol.unitRoundoff() * Math.abs(s);
        }
        return out;
    }

    /** {@code a / b} element-wise, correctly rounded, for {@code b} bounded away from zero (else the bound is infinite). */
    Bounded divide(Bounded a, Bounded b) {
        Bounded out = Bounded.zeros(a.rows(), a.cols());
        for (int i = 0; i < a.size(); i++) {
            double den = Math.abs(b.v()[i]);
            double eb = b.e()[i];
            out.v()[i] = a.v()[i] / b.v()[i];
            if (eb >= den) {
                out.e()[i] = Double.POSITIVE_INFINITY;
                continue;
            }
            double inherited = (a.e()[i] * den + Math.abs(a.v()[i]) * eb) / (den * (den - eb));
            out.e()[i] = inherited + rounded(a.reach(i) / (den - eb));
        }
        return out;
    }
}
