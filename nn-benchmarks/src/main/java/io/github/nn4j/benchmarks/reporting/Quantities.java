package io.github.nn4j.benchmarks.reporting;

import java.util.Locale;

/** Formats the report's numbers: times with a unit chosen per row, throughputs, byte counts, ratios. */
final class Quantities {
    private Quantities() {
    }

    /** The time unit in which {@code seconds} reads best: one of s, ms, µs, ns. */
    static TimeScale scaleFor(double seconds) {
        if (seconds >= 1) {
            return new TimeScale("s", 1);
        }
        if (seconds >= 1e-3) {
            return new TimeScale("ms", 1e-3);
        }
        if (seconds >= 1e-6) {
            return new TimeScale("µs", 1e-6);
        }
        return new TimeScale("ns", 1e-9);
    }

    /** Three significant digits, no exponent for the magnitudes the report shows. */
    static String significant(double v) {
        if (!Double.isFinite(v)) {
            return "?";
        }
        double a = Math.abs(v);
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** {@code "1.23 ± 0.04 ms"} in the unit that suits {@code seconds}, without the error when it is unknown. */
    static String time(double seconds, double errorSeconds) {
        return time(seconds, errorSeconds, scaleFor(seconds));
    }

    /** {@code "1.23 ± 0.04 ms"}, or without the error when it is unknown. */
    static String time(double seconds, double errorSeconds, TimeScale scale) {
        String s = significant(seconds / scale.seconds());
        if (Double.isFinite(errorSeconds)) {
            s += " ± " + significant(errorSeconds / scale.seconds());
        }
        return s + " " + scale.symbol();
    }

    /** GFLOP/s for {@code flops} done in {@code seconds}. */
    static String gflops(double flops, double seconds) {
        return significant(flops / seconds / 1e9) + " GFLOP/s";
    }

    /** Relative speed, e.g. {@code "0.42×"}. */
    static String ratio(double r) {
        return String.format(Locale.ROOT, "%.2f×", r);
    }

    /** Bytes with a binary prefix: {@code "0 B"}, {@code "9.7 KiB"}, {@code "1.2 MiB"}. */
    static String bytes(double b) {
        if (!Double.isFinite(b)) {
            return "?";
        }
        if (b < 1024) {
            return String.format(Locale.ROOT, "%.0f B", b);
        }
        if (b < 1024 * 1024) {
            return significant(b / 1024) + " KiB";
        }
        return significant(b / (1024 * 1024)) + " MiB";
    }

    /** A time unit: its symbol and its length in seconds. */
    record TimeScale(String symbol, double seconds) {
    }
}
