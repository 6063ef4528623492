package io.github.nn4j.backend.pure;

/**
 * The number of threads the backend uses inside one operation: system property {@value #PROPERTY},
 * default {@link Runtime#availableProcessors()}.
 */
final class ThreadSetting {
    /** System property holding the thread count, a positive integer. */
    static final String PROPERTY = "nn4j.pure.threads";
    /** Upper bound accepted for the property, against typos such as {@code 1000}. */
    static final int MAX_THREADS = 256;

    private ThreadSetting() {
    }

    /** The configured thread count; throws {@link IllegalArgumentException} naming the property if it is invalid. */
    static int threads() {
        return parse(System.getProperty(PROPERTY), Runtime.getRuntime().availableProcessors());
    }

    /** {@code value} parsed as a thread count, or {@code fallback} when it is null or blank. */
    static int parse(String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        int n;
        try {
            n = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("System property " + PROPERTY + "='" + value
                    + "' is not an integer; use a thread count from 1 to " + MAX_THREADS, e);
        }
        if (n < 1 || n > MAX_THREADS) {
            throw new IllegalArgumentException("System property " + PROPERTY + "=" + n
                    + " is out of range; use a thread count from 1 to " + MAX_THREADS);
        }
        return n;
    }
}
