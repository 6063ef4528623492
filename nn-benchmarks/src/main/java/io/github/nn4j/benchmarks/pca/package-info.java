/**
 * The PCA baseline's fit: nn4j's covariance route on each backend against Smile's SVD
 * ({@link io.github.nn4j.benchmarks.pca.PcaBenchmark}).
 */
package io.github.nn4j.benchmarks.pca;
