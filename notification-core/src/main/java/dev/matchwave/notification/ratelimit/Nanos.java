package dev.matchwave.notification.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** Limiters count in nanoseconds since the epoch: exact, and a long lasts until 2262. */
final class Nanos {

    private Nanos() {
    }

    static long now(InstantSource clock) {
        return of(clock.instant());
    }

    static long of(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }

    static long positive(Duration duration, String field) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(field + " must be positive, got " + duration);
        }
        return duration.toNanos();
    }

    static int atLeastOne(int value, String field) {
        if (value < 1) {
            throw new IllegalArgumentException(field + " must be at least 1, got " + value);
        }
        return value;
    }

    /** Saturating: a wait beyond 292 years is still a wait. */
    static long plus(long instant, Duration duration) {
        long nanos;
        try {
            nanos = duration.toNanos();
        } catch (ArithmeticException e) {
            nanos = Long.MAX_VALUE;
        }
        long sum = instant + nanos;
        return ((instant ^ sum) & (nanos ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}
