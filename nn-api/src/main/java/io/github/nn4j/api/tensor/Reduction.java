package io.github.nn4j.api.tensor;

/** Reductions of all elements of a tensor to one number, computed in at least the tensor's precision. */
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
