package dev.matchwave.bot.demo;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;

/**
 * How a set of durations spreads: count, median, 95th percentile and maximum. Percentiles are
 * nearest-rank (the smallest value with at least p% of the values at or below it; NIST/Hyndman
 * and Fan definition 1), so each is a value that was measured. Immutable.
 *
 * @param count how many durations
 * @param p50   the median, zero when count is 0
 * @param p95   the 95th percentile, zero when count is 0
 * @param max   the largest, zero when count is 0
 */
public record Spread(int count, Duration p50, Duration p95, Duration max) {

    /** No durations. */
    public static final Spread NONE = new Spread(0, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    public Spread {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, got " + count);
        }
        requireNotNegative("p50", p50);
        requireNotNegative("p95", p95);
        requireNotNegative("max", max);
        if (p50.compareTo(p95) > 0 || p95.compareTo(max) > 0) {
            throw new IllegalArgumentException("percentiles must be ordered p50 <= p95 <= max, got p50 " + p50
                    + ", p95 " + p95 + ", max " + max);
        }
        if (count == 0 && !max.isZero()) {
            throw new IllegalArgumentException("an empty spread has zero percentiles, got max " + max);
        }
    }

    /** The spread of these durations, in any order; none may be negative. */
    public static Spread of(Collection<Duration> durations) {
        Objects.requireNonNull(durations, "durations");
        if (durations.isEmpty()) {
            return NONE;
        }
        long[] nanos = new long[durations.size()];
        int i = 0;
        for (Duration d : durations) {
            requireNotNegative("a duration", d);
            nanos[i++] = d.toNanos();
        }
        Arrays.sort(nanos);
        return new Spread(nanos.length, Duration.ofNanos(nearestRank(nanos, 50)),
                Duration.ofNanos(nearestRank(nanos, 95)), Duration.ofNanos(nanos[nanos.length - 1]));
    }

    /**
     * The nearest-rank percentile of sorted values: the value at rank ceil(p/100 * n), counting
     * from 1.
     *
     * @param sorted  ascending, not empty
     * @param percent 1 to 100
     */
    static long nearestRank(long[] sorted, int percent) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values to take a percentile of");
        }
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("percent must be 1 to 100, got " + percent);
        }
        // ceil(p * n / 100) in integers, exact for any n that fits an array.
        long rank = ((long) percent * sorted.length + 99) / 100;
        return sorted[(int) Math.max(0, rank - 1)];
    }

    static void requireNotNegative(String what, Duration duration) {
        Objects.requireNonNull(duration, what);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative, got " + duration);
        }
    }
}
