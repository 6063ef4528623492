/**
 * Tensors: n-dimensional array handles owned by a {@link io.github.nn4j.api.backend.Backend}.
 *
 * <p>{@link io.github.nn4j.api.tensor.Tensor} is the only type that model code computes with. Every
 * operation validates its arguments (same backend, same dtype, fitting shapes, not closed) and then
 * runs as a kernel of the owning backend, so a native backend computes natively. Operations come in
 * two forms: an allocating one that returns a new tensor owned by the caller, and an {@code ...Into}
 * or in-place ({@code ...i}) form that writes into a tensor the caller already owns; training loops use
 * the second form to reuse buffers across mini-batches.
 */
package io.github.nn4j.api.tensor;
