package dev.matchwave.notification.ratelimit;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;

/**
 * At most {@code permits} in any window. Knows no 429s: {@link HoldBack} around it does.
 * Thread-safe: every method locks this object.
 */
final class SlidingWindow implements RateLimiter {

    private final WindowLog log;
    private final InstantSource clock;

    SlidingWindow(int permits, Duration window, InstantSource clock) {
        this.log = new WindowLog(Nanos.atLeastOne(permits, "permits"), Nanos.positive(window, "window"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Reservation reserve(Route route) {
        return reserve(route, Duration.ZERO);
    }

    @Override
    public synchronized Reservation reserve(Route route, Duration notBefore) {
        long now = Nanos.now(clock);
        log.forgetBefore(now);
        long earliest = Nanos.plus(now, notBefore);
        long admitted = log.earliest(earliest);
        log.book(admitted, earliest);
        return Reservation.ofNanos(admitted - now);
    }

    @Override
    public String toString() {
        return "RateLimiter.slidingWindow(" + log.limit() + " per " + Duration.ofNanos(log.window()) + ")";
    }
}
