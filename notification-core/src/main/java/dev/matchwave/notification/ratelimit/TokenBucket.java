package dev.matchwave.notification.ratelimit;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;

/**
 * A token bucket in the form of the Generic Cell Rate Algorithm (ITU-T I.371, "virtual
 * scheduling"): one emission every {@code interval}, with a tolerance of {@code burst - 1}
 * intervals. Knows no 429s: {@link HoldBack} around it does. Thread-safe: every method locks
 * this object.
 */
final class TokenBucket implements RateLimiter {

    private final long interval;
    private final long tolerance;
    private final int permits;
    private final int burst;
    private final long window;
    private final InstantSource clock;
    /** Theoretical arrival time of the next request; MIN_VALUE while the bucket is full and untouched. */
    private long tat = Long.MIN_VALUE;

    private TokenBucket(int permits, long window, int burst, InstantSource clock) {
        this.permits = permits;
        this.window = window;
        this.burst = burst;
        this.clock = clock;
        // ceil(window / refills): rounding down would let one extra permit into a window.
        long refills = permits - burst + 1L;
        this.interval = Math.ceilDiv(window, refills);
        this.tolerance = Math.multiplyExact(interval, burst - 1L);
    }

    static TokenBucket create(int permits, Duration window, int burst, InstantSource clock) {
        Nanos.atLeastOne(permits, "permits");
        Nanos.atLeastOne(burst, "burst");
        if (burst > permits) {
            throw new IllegalArgumentException("burst must not exceed permits " + permits + ", got " + burst);
        }
        return new TokenBucket(permits, Nanos.positive(window, "window"), burst,
                Objects.requireNonNull(clock, "clock"));
    }

    @Override
    public Reservation reserve(Route route) {
        return reserve(route, Duration.ZERO);
    }

    @Override
    public synchronized Reservation reserve(Route route, Duration notBefore) {
        long now = Nanos.now(clock);
        long earliest = Nanos.plus(now, notBefore);
        long admitted = tat == Long.MIN_VALUE ? earliest : Math.max(earliest, tat - tolerance);
        tat = Math.max(tat, admitted) + interval;
        return Reservation.ofNanos(admitted - now);
    }

    @Override
    public String toString() {
        return burst == 1
                ? "RateLimiter.smooth(" + permits + " per " + Duration.ofNanos(window) + ")"
                : "RateLimiter.bursty(" + permits + " per " + Duration.ofNanos(window) + ", burst " + burst + ")";
    }
}
