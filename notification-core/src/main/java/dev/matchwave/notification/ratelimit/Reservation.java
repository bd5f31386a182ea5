package dev.matchwave.notification.ratelimit;

import java.time.Duration;
import java.util.Objects;

/**
 * A booked permit: the caller may act after {@code delay} and not before. Dropping a
 * reservation does not give the permit back.
 *
 * @param delay how long to wait, from the moment of the reservation; zero or positive
 */
public record Reservation(Duration delay) {

    /** Act now. */
    public static final Reservation IMMEDIATE = new Reservation(Duration.ZERO);

    public Reservation {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, got " + delay);
        }
    }

    static Reservation ofNanos(long nanos) {
        return nanos <= 0 ? IMMEDIATE : new Reservation(Duration.ofNanos(nanos));
    }

    /** Whether the permit may be used at once. */
    public boolean isImmediate() {
        return delay.isZero();
    }
}
