package io.github.nn4j.api.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.nn4j.api.layer.Parameter;
import io.github.nn4j.api.reference.ReferenceBackend;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Weight decay, schedules and clipping on single updates worked out by hand (the conformance suite checks them step
 * by step in training, on every backend), and the settings' ranges.
 */
class GradientDescentSettingsTest {
    private final ReferenceBackend be = new ReferenceBackend();

    /** A FLOAT64 parameter with these values and gradient. */
    private Parameter parameter(double[] value, double[] gradient) {
        Parameter p = new Parameter("p", be.fromArray(value, Shape.of(value.length)));
        p.gradient().copyFrom(gradient);
        return p;
    }

    @Test
    void sgdWeightDecayIsAnL2Penalty() {
        // w ← w − lr (g + λ w): 2 − 0.1 (0.5 + 0.2·2) = 1.91; −1 − 0.1 (0 − 0.2) = −0.98
        try (Parameter p = parameter(new double[] {2, -1}, new double[] {0.5, 0});
             Sgd sgd = Sgd.builder(0.1).weightDecay(0.2).build()) {
            sgd.step(List.of(p));
            assertThat(p.value().toDoubleArray()).containsExactly(new double[] {1.91, -0.98}, within(1e-15));
            assertThat(p.gradient().toDoubleArray()).as("the gradient is not changed").containsExactly(0.5, 0);
        }
    }

    @Test
    void sgdWithMomentumPutsThePenaltyIntoTheVelocity() {
        // v1 = −0.1 (1 + 0.5·4) = −0.3, w1 = 3.7; v2 = 0.9·(−0.3) − 0.1 (1 + 0.5·3.7) = −0.555, w2 = 3.145
        try (Parameter p = parameter(new double[] {4}, new double[] {1});
             Sgd sgd = Sgd.builder(0.1).momentum(0.9).weightDecay(0.5).build()) {
            sgd.step(List.of(p));
            assertThat(p.value().toDoubleArray()[0]).isCloseTo(3.7, within(1e-15));
            sgd.step(List.of(p));
            assertThat(p.value().toDoubleArray()[0]).isCloseTo(3.145, within(1e-14));
            assertThat(sgd.state(p, "velocity").toDoubleArray()[0]).isCloseTo(-0.555, within(1e-15));
        }
    }

    @Test
    void adamWeightDecayIsDecoupledFromTheMoments() {
        // g = 0: m = v = 0, the Adam term is 0 and only the decay acts: w ← (1 − lr λ) w = 0.98 w
        try (Parameter p = parameter(new double[] {5, -2}, new double[] {0, 0});
             Adam adam = Adam.builder(0.1).weightDecay(0.2).build()) {
            adam.step(List.of(p));
            assertThat(p.value().toDoubleArray()).containsExactly(new double[] {4.9, -1.96}, within(1e-15));
            assertThat(adam.state(p, "m").toDoubleArray()).as("λw is not in the moments").containsExactly(0, 0);
        }
        // g ≠ 0: the decay is the same whatever the gradient's size, unlike an L2 term divided by sqrt(v̂)
        for (double g : new double[] {1e-3, 1e3}) {
            try (Parameter p = parameter(new double[] {5}, new double[] {g});
                 Adam adam = Adam.builder(0.1).weightDecay(0.2).build()) {
                adam.step(List.of(p));
                // first step: m̂ = g, v̂ = g², so the Adam term is lr · g / (|g| + ε) ≈ 0.1
                assertThat(p.value().toDoubleArray()[0]).as("g = %s", g).isCloseTo(4.9 - 0.1, within(1e-6));
            }
        }
    }

    @Test
    void clippingScalesTheUpdateToTheNormButNotTheGradients() {
        // ‖g‖ = ‖(3, 4), (12)‖ = 13 > 6.5: the update uses g / 2
        try (Parameter a = parameter(new double[] {0, 0}, new double[] {3, 4});
             Parameter b = parameter(new double[] {1}, new double[] {12});
             Sgd sgd = Sgd.builder(1).clipNorm(6.5).build()) {
            sgd.step(List.of(a, b));
            assertThat(a.value().toDoubleArray()).containsExactly(-1.5, -2);
            assertThat(b.value().toDoubleArray()).containsExactly(-5);
            assertThat(a.gradient().toDoubleArray()).containsExactly(3, 4);
            // a norm within the limit is used as it is
            sgd.step(List.of(a));
            assertThat(a.value().toDoubleArray()).containsExactly(-4.5, -6);
        }
        // Adam is invariant to a constant gradient scale except through ε, so look at its moments: m = 0.1 · g / 2
        try (Parameter a = parameter(new double[] {0, 0}, new double[] {3, 4});
             Parameter b = parameter(new double[] {1}, new double[] {12});
             Adam adam = Adam.builder(1).clipNorm(6.5).build()) {
            adam.step(List.of(a, b));
            assertThat(adam.state(a, "m").toDoubleArray()).containsExactly(new double[] {0.15, 0.2}, within(1e-15));
            assertThat(adam.state(b, "v").toDoubleArray()[0]).isCloseTo(0.001 * 36, within(1e-15));
        }
    }

    @Test
    void clippingScalesTheVelocityUpdateWithMomentum() {
        // ‖g‖ = 10 > 5: v1 = -0.1 · g / 2 = (-0.3, -0.4) for g = (6, 8)
        try (Parameter p = parameter(new double[] {0, 0}, new double[] {6, 8});
             Sgd sgd = Sgd.builder(0.1).momentum(0.5).clipNorm(5).weightDecay(0).build()) {
            sgd.step(List.of(p));
            assertThat(sgd.state(p, "velocity").toDoubleArray()).containsExactly(new double[] {-0.3, -0.4}, within(1e-15));
            assertThat(sgd.weightDecay()).as("0 is a valid decay").isZero();
        }
    }

    @Test
    void theScheduleSetsEachStepsLearningRateFromTheStepCount() {
        try (Parameter p = parameter(new double[] {0}, new double[] {1});
             Sgd sgd = Sgd.builder(1).schedule(LearningRateSchedule.step(2, 0.5)).build()) {
            double[] rates = new double[5];
            double[] values = new double[5];
            for (int s = 0; s < 5; s++) {
                rates[s] = sgd.currentLearningRate();
                sgd.step(List.of(p));
                values[s] = p.value().toDoubleArray()[0];
            }
            assertThat(rates).containsExactly(1, 1, 0.5, 0.5, 0.25);
            assertThat(values).containsExactly(-1, -2, -2.5, -3, -3.25);
            // a restored step count continues the schedule where it stood
            sgd.setSteps(2);
            assertThat(sgd.currentLearningRate()).isEqualTo(0.5);
            assertThat(sgd.learningRate()).isEqualTo(1);
        }
    }

    @Test
    void aScheduleGivingAnInvalidFactorStopsTheStep() {
        try (Parameter p = parameter(new double[] {0}, new double[] {1})) {
            for (double bad : new double[] {-1, Double.NaN, Double.POSITIVE_INFINITY}) {
                Sgd sgd = Sgd.builder(1).schedule(t -> bad).build();
                assertThatThrownBy(() -> sgd.step(List.of(p))).as("factor %s", bad)
                        .isInstanceOf(IllegalStateException.class).hasMessageContaining("gave the factor " + bad);
                assertThat(p.value().toDoubleArray()).containsExactly(0);
                assertThat(sgd.steps()).isZero();
            }
        }
    }

    @Test
    void settingsAreCheckedAndShown() {
        for (double bad : new double[] {-1e-9, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> Adam.builder(0.1).weightDecay(bad)).hasMessageContaining("weight decay");
        }
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> Sgd.builder(0.1).clipNorm(bad)).hasMessageContaining("clipping norm");
        }
        assertThatThrownBy(() -> Sgd.builder(0.1).schedule(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Sgd.builder(0.1).momentum(1).build()).hasMessageContaining("momentum");
        assertThatThrownBy(() -> Adam.builder(0.1).betas(0.9, 1).build()).hasMessageContaining("β2=1.0");
        assertThatThrownBy(() -> Adam.builder(0.1).epsilon(0).build()).hasMessageContaining("ε=0.0");
        Adam plain = new Adam(0.01);
        assertThat(plain.weightDecay()).isZero();
        assertThat(plain.clipsGradients()).isFalse();
        assertThat(plain.clipNorm()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(plain.schedule()).isSameAs(LearningRateSchedule.constant());
        Adam full = Adam.builder(0.01).betas(0.8, 0.99).epsilon(1e-7).weightDecay(0.01).clipNorm(1)
                .schedule(LearningRateSchedule.cosine(100)).build();
        assertThat(full).hasToString("Adam(lr=0.01, β1=0.8, β2=0.99, ε=1.0E-7, weight decay=0.01, clip norm=1.0,"
                + " cosine decay over 100 steps to ×0.0)");
        assertThat(full.clipsGradients()).isTrue();
        assertThat(Sgd.builder(0.1).momentum(0.5).weightDecay(1e-4).build())
                .hasToString("Sgd(lr=0.1, momentum=0.5, weight decay=1.0E-4)");
        assertThat(Sgd.builder(0.1).schedule(LearningRateSchedule.step(5, 0.5)).build())
                .hasToString("Sgd(lr=0.1, step decay ×0.5 every 5 steps)");
    }
}
