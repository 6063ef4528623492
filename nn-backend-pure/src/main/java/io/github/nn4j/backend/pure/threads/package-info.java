/**
 * The pure backend's threads: a {@link io.github.nn4j.backend.pure.threads.TileExecutor} per backend, whose daemon
 * workers and the calling thread share the independent tiles of one operation (the tiles of a GEMM, the parts of a
 * large exp/sigmoid/tanh) without allocating per operation, and the padded scratch arrays
 * ({@link io.github.nn4j.backend.pure.threads.ScratchPadding}) that keep what each thread writes off the others' cache
 * lines. Internal to the pure backend, public only so that its other packages can use it; not an API.
 */
package io.github.nn4j.backend.pure.threads;
