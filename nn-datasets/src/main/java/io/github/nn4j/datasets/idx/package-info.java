/**
 * The IDX file format of MNIST and its relatives: a strict reader of unsigned-byte IDX files, gzipped or raw,
 * whose errors name the file and the offset of the problem.
 */
package io.github.nn4j.datasets.idx;
