/**
 * MNIST, and other data sets in MNIST's layout (four IDX files: training and test images and labels).
 *
 * <p>{@link io.github.nn4j.datasets.mnist.MnistDataset} is the entry point: it finds the four files (a given
 * directory, {@code NN4J_DATA}, {@code ../shared/data/mnist}, the user cache), verifies them against MNIST's
 * published SHA-256 digests or a {@code SHA256SUMS} file beside them, downloads MNIST into the cache when it is
 * nowhere (unless told not to), and reads them into {@link io.github.nn4j.datasets.mnist.Mnist}. The pieces it is
 * made of ({@link io.github.nn4j.datasets.mnist.MnistLocator}, {@link io.github.nn4j.datasets.mnist.MnistLoader},
 * {@link io.github.nn4j.datasets.mnist.MnistCatalog}) are public for callers that need their own search path or
 * catalog.
 *
 * <p>Nothing here prints; progress is reported through {@link io.github.nn4j.datasets.files.DownloadListener}
 * and diagnostics through SLF4J.
 */
package io.github.nn4j.datasets.mnist;
