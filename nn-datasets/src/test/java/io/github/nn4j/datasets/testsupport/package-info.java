/**
 * Test support in the {@code nn-datasets} test-jar: IDX files and data sets in MNIST's layout written on the fly,
 * and the real MNIST files of the build machine (skipped, or failed under {@code -Dnn4j.test.require=mnist}, when
 * they are absent).
 */
package io.github.nn4j.datasets.testsupport;
