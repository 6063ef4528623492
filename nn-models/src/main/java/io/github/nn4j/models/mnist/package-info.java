/**
 * MNIST access, and access to other data sets in MNIST's layout: a strict reader for IDX files (gzipped or raw),
 * the published checksums and {@code SHA256SUMS} files, a locator that searches the usual directories and falls
 * back to a verified download, and a seeded train/validation split.
 *
 * <p>Only the JDK and SLF4J are used here (no Smile, picocli, XChart or backend), so that the package can move to a
 * data module of its own.
 *
 * <p>Nothing here prints; progress is reported through {@link io.github.nn4j.models.mnist.DownloadListener}
 * and diagnostics through SLF4J.
 */
package io.github.nn4j.models.mnist;
