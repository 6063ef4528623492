/**
 * Finite-difference verification of analytic gradients for any {@link io.github.nn4j.api.layer.Layer} or
 * {@link io.github.nn4j.api.loss.Loss}, including third-party ones: {@link io.github.nn4j.api.gradcheck.GradientChecker}.
 */
package io.github.nn4j.api.gradcheck;
