/**
 * Data files that can be trusted: SHA-256 digests and {@code SHA256SUMS} lists, a downloader that verifies size and
 * digest before a file gets its final name and cannot hang or fill the disk, durable renames, and file-system
 * errors in words.
 */
package io.github.nn4j.datasets.files;
