package dev.matchwave.notification.ratelimit;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;

/**
 * {@code permits} per aligned window. Knows no 429s: {@link HoldBack} around it does. Thread-safe:
 * every method locks this object.
 */
final class FixedWindow implements RateLimiter {

    private final int permits;
    private final long window;
    private final InstantSource clock;
    /** The window being booked (index since the epoch) and how many permits it has given. */
    private long bookedWindow = Long.MIN_VALUE;
    private int booked;

    FixedWindow(int permits, Duration window, InstantSource clock) {
        this.permits = Nanos.atLeastOne(permits, "permits");
        this.window = Nanos.positive(window, "window");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Reservation reserve(Route route) {
        return reserve(route, Duration.ZERO);
    }

    @Override
    public synchronized Reservation reserve(Route route, Duration notBefore) {
        long now = Nanos.now(clock);
        long earliest = Nanos.plus(now, notBefore);
        long current = Math.floorDiv(earliest, window);
        if (current > bookedWindow) {
            bookedWindow = current;
            booked = 0;
        }
        if (booked == permits) {
            bookedWindow++;
            booked = 0;
        }
        booked++;
        long admitted = Math.max(earliest, Math.multiplyExact(bookedWindow, window));
        return Reservation.ofNanos(admitted - now);
    }

    @Override
    public String toString() {
        return "RateLimiter.fixedWindow(" + permits + " per " + Duration.ofNanos(window) + ")";
    }
}
