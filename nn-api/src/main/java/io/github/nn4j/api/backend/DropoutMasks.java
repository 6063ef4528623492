package io.github.nn4j.api.backend;

/**
 * Which elements a dropout mask keeps: a counter-based random stream, so that the mask of a training step is a pure
 * function of {@code (seed, step, element index)}. Every backend computes the same masks bit for bit (the rule is
 * integer arithmetic), in any order and on any number of threads, and a run resumed from a checkpoint draws the masks
 * the uninterrupted run drew.
 *
 * <p>The rule, for a backend that computes masks natively: with SplitMix64's output function
 * {@code mix(z) = z' ^ (z' >>> 31)}, {@code z' = (z'' ^ (z'' >>> 27)) · 0x94D049BB133111EB},
 * {@code z'' = (z ^ (z >>> 30)) · 0xBF58476D1CE4E5B9} (Steele, Lea and Flood, 2014; 64-bit wrapping arithmetic), a
 * step's key is {@code key = mix(seed ^ mix(step + γ))} and element {@code i} (row-major, from 0) draws
 * {@code u_i = mix(key + (i + 1) · γ)}, with {@code γ = 0x9E3779B97F4A7C15}: the SplitMix64 sequence started at the
 * key. The element is dropped when {@code (u_i >>> 11) · 2^-53 < rate} (exact in double), which happens with
 * probability {@code rate} to within {@code 2^-53}. Stateless and thread-safe.
 */
public final class DropoutMasks {
    /** SplitMix64's increment γ, {@code 2^64 / φ} rounded to odd: consecutive elements' counters differ by it. */
    public static final long GAMMA = 0x9E3779B97F4A7C15L;

    private DropoutMasks() {
    }

    /**
     * The key of the mask of training step {@code step} of a layer seeded with {@code seed}.
     *
     * @param seed the layer's seed
     * @param step the training step's index
     * @return the key {@link #keeps} draws from
     */
    public static long key(long seed, long step) {
        return mix(seed ^ mix(step + GAMMA));
    }

    /**
     * The drop threshold of {@code rate}: an element whose draw {@code u >>> 11} is below it is dropped, which is the
     * rule's {@code (u >>> 11) · 2^-53 < rate} in integer arithmetic ({@code rate · 2^53} is exact).
     *
     * @param rate the dropout rate, in {@code [0, 1)}
     * @return {@code ceil(rate · 2^53)}
     */
    public static long threshold(double rate) {
        return (long) Math.ceil(rate * 0x1p53);
    }

    /**
     * Element {@code index}'s counter: the SplitMix64 state whose output decides it, {@code key + (index + 1) · γ};
     * the next element's is this plus {@link #GAMMA}.
     *
     * @param key   from {@link #key}
     * @param index the element's row-major index
     * @return the counter
     */
    public static long counter(long key, long index) {
        return key + (index + 1) * GAMMA;
    }

    /**
     * Whether the element with counter {@code counter} is kept, for the threshold of the rate.
     *
     * @param counter   from {@link #counter}
     * @param threshold from {@link #threshold}
     * @return {@code true} unless the element is dropped
     */
    public static boolean keepsCounter(long counter, long threshold) {
        return keptBit(counter, threshold) != 0;
    }

    /**
     * {@link #keepsCounter} as a number, without a branch (a kernel multiplies by it: the outcomes are random, so a
     * branch would be mispredicted as often as elements are dropped).
     *
     * @param counter   from {@link #counter}
     * @param threshold from {@link #threshold}
     * @return 1 when the element is kept, else 0
     */
    public static long keptBit(long counter, long threshold) {
        return ~((mix(counter) >>> 11) - threshold) >>> 63;
    }

    /**
     * Whether the mask with key {@code key} keeps element {@code index}.
     *
     * @param key   from {@link #key}
     * @param index the element's row-major index
     * @param rate  the dropout rate, in {@code [0, 1)}
     * @return {@code true} unless the element is dropped
     */
    public static boolean keeps(long key, long index, double rate) {
        long u = mix(key + (index + 1) * GAMMA);
        return (u >>> 11) * 0x1p-53 >= rate;
    }

    /** SplitMix64's output function: a bijection of the 64-bit integers that spreads every input bit over the output. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
