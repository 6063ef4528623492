/**
 * MNIST access: a strict reader for IDX files (gzipped or raw), the published checksums, a locator that
 * searches the usual directories and falls back to a verified download, and a seeded
 * train/validation split.
 *
 * <p>Nothing here prints; progress is reported through {@link io.github.nn4j.models.mnist.DownloadListener}
 * and diagnostics through SLF4J.
 */
package io.github.nn4j.models.mnist;
