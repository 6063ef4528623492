package io.github.nn4j.api.gradcheck;

import java.util.List;

/**
 * The outcome of a {@link GradientChecker} run: for every checked tensor (the input and each parameter of a
 * layer, or the prediction of a loss), the worst disagreement between the analytic and the numeric gradient.
 *
 * @param entries   one entry per checked tensor
 * @param tolerance the error up to which a check passes
 */
public record GradientCheckResult(List<Entry> entries, double tolerance) {

    /**
     * The worst element of one tensor.
     *
     * @param tensor   what was checked, e.g. {@code "input"} or {@code "dense[2x4].weight"}
     * @param checked  how many elements were perturbed
     * @param maxError the largest {@code |analytic − numeric| / max(1, |analytic| + |numeric|)}
     * @param index    the row-major index of that element
     * @param analytic the analytic derivative there
     * @param numeric  the central-difference estimate there
     */
    public record Entry(String tensor, int checked, double maxError, int index, double analytic, double numeric) {
    }

    /**
     * Creates a result (the list is copied).
     *
     * @param entries one entry per checked tensor
     * @param tolerance the error up to which a check passes
     */
    public GradientCheckResult {
        entries = List.copyOf(entries);
    }

    /** {@return whether every entry's error is within the tolerance (NaN fails)} */
    public boolean passed() {
        return entries.stream().allMatch(e -> e.maxError() <= tolerance);
    }

    /** {@return the largest error over all entries} */
    public double maxError() {
        return entries.stream().mapToDouble(Entry::maxError).max().orElse(0);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(passed() ? "gradient check passed" : "gradient check FAILED");
        sb.append(" (tolerance ").append(tolerance).append(')');
        for (Entry e : entries) {
            sb.append("\n  ").append(e.tensor()).append(": max error ").append(e.maxError()).append(" at ")
                    .append(e.index()).append(" (analytic ").append(e.analytic()).append(", numeric ")
                    .append(e.numeric()).append(", ").append(e.checked()).append(" elements)");
        }
        return sb.toString();
    }
}
