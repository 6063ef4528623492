package io.github.nn4j.api.conformance;

import java.util.function.LongToDoubleFunction;

/** Learning-rate schedules for {@link ReferenceOptimizer}, written from their definitions. */
final class ReferenceSchedules {
    private ReferenceSchedules() {
    }

    /**
     * SGDR's cosine annealing without restarts (Loshchilov and Hutter, 2017, eq. 5), as a factor of the base rate:
     * {@code η_min + ½ (η_max − η_min)(1 + cos(π T_cur / T))}, held at {@code η_min} from {@code T} on.
     */
    static LongToDoubleFunction cosine(long length, double minFactor) {
        return t -> t >= length ? minFactor : minFactor + 0.5 * (1 - minFactor) * (1 + Math.cos(Math.PI * t / length));
    }
}
