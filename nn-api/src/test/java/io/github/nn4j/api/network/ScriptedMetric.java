package io.github.nn4j.api.network;

import io.github.nn4j.api.metric.Metric;
import io.github.nn4j.api.tensor.Tensor;

/** A metric whose value at its k-th evaluation is {@code values[k]}, for tests of what reads metrics. */
final class ScriptedMetric implements Metric {
    private final String name;
    private final boolean higherIsBetter;
    private final double[] values;
    private int evaluations;

    ScriptedMetric(String name, boolean higherIsBetter, double... values) {
        this.name = name;
        this.higherIsBetter = higherIsBetter;
        this.values = values;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    @Override
    public Accumulator accumulator() {
        double value = values[evaluations++];
        return new Accumulator() {
            @Override
            public void add(Tensor outputs, Tensor targets) {
            }

            @Override
            public double value() {
                return value;
            }
        };
    }
}
