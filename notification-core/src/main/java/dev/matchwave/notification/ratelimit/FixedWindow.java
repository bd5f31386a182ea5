package dev.matchwave.notification.ratelimit;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;

/** {@code permits} per aligned window. Thread-safe: every method locks this object. */
final class FixedWindow implements RateLimiter {

    private final int permits;
    private final long window;
    private final InstantSource clock;
    /** The window being booked (index since the epoch) and how many permits it has given. */
    private long bookedWindow = Long.MIN_VALUE;
    private int booked;
    private long blockedUntil = Long.MIN_VALUE;

    FixedWindow(int permits, Duration window, InstantSource clock) {
        this.permits = Nanos.atLeastOne(permits, "permits");
        this.window = Nanos.positive(window, "window");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized Reservation reserve(Route route) {
        long now = Nanos.now(clock);
        long earliest = Math.max(now, blockedUntil);
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

    /** Knows no routes: any 429 holds every request back for {@code retryAfter}. */
    @Override
    public synchronized void onRateLimited(Route route, Duration retryAfter, boolean global) {
        blockedUntil = Math.max(blockedUntil, Nanos.plus(Nanos.now(clock), retryAfter));
    }

    @Override
    public String toString() {
        return "RateLimiter.fixedWindow(" + permits + " per " + Duration.ofNanos(window) + ")";
    }
}
