package dev.matchwave.notification.ratelimit;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;

/** At most {@code permits} in any window. Thread-safe: every method locks this object. */
final class SlidingWindow implements RateLimiter {

    private final WindowLog log;
    private final InstantSource clock;
    private long blockedUntil = Long.MIN_VALUE;

    SlidingWindow(int permits, Duration window, InstantSource clock) {
        this.log = new WindowLog(Nanos.atLeastOne(permits, "permits"), Nanos.positive(window, "window"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized Reservation reserve(Route route) {
        long now = Nanos.now(clock);
        log.forgetBefore(now);
        long earliest = Math.max(now, blockedUntil);
        long admitted = log.earliest(earliest);
        log.book(admitted, earliest);
        return Reservation.ofNanos(admitted - now);
    }

    /** Knows no routes: any 429 holds every request back for {@code retryAfter}. */
    @Override
    public synchronized void onRateLimited(Route route, Duration retryAfter, boolean global) {
        blockedUntil = Math.max(blockedUntil, Nanos.plus(Nanos.now(clock), retryAfter));
    }

    @Override
    public String toString() {
        return "RateLimiter.slidingWindow(" + log.limit() + " per " + Duration.ofNanos(log.window()) + ")";
    }
}
