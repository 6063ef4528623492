package io.github.nn4j.api.tensor;

/**
 * Reductions of all elements of a tensor to one number. Sums are accumulated in double precision whatever the
 * tensor's dtype (the conformance suite holds them to the error bound of double accumulation); max and min are
 * exact.
 */
public enum Reduction {
    /** Sum of the elements. */
    SUM,
    /** Sum of the squared elements. */
    SUM_OF_SQUARES,
    /** Largest element (NaN if any element is NaN). */
    MAX,
    /** Smallest element (NaN if any element is NaN). */
    MIN
}
