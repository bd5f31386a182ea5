package dev.matchwave.notification.dispatch;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * The spread of one phase's latencies over a wave, each measured from the wave's start to the
 * moment the send was answered. Failed sends are not in it (see {@link WaveFigures#failures()}).
 *
 * @param count how many sends succeeded
 * @param p50   median (nearest rank), zero when count is 0
 * @param p99   99th percentile (nearest rank), zero when count is 0
 * @param max   the slowest, zero when count is 0
 */
public record Latencies(int count, Duration p50, Duration p99, Duration max) {

    public static final Latencies NONE = new Latencies(0, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    public Latencies {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, got " + count);
        }
        Objects.requireNonNull(p50, "p50");
        Objects.requireNonNull(p99, "p99");
        Objects.requireNonNull(max, "max");
    }

    /** From latencies in nanoseconds, in any order; the array is sorted in place. */
    static Latencies ofNanos(long[] nanos, int count) {
        if (count == 0) {
            return NONE;
        }
        Arrays.sort(nanos, 0, count);
        return new Latencies(count, Duration.ofNanos(rank(nanos, count, 50)), Duration.ofNanos(rank(nanos, count, 99)),
                Duration.ofNanos(nanos[count - 1]));
    }

    /** Nearest-rank percentile: the smallest value with at least p% of the values at or below it. */
    private static long rank(long[] sorted, int count, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * count);
        return sorted[Math.max(0, rank - 1)];
    }
}
