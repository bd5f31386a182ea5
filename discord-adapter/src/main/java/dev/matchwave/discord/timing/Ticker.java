package dev.matchwave.discord.timing;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;

/**
 * A source of elapsed time in nanoseconds, from an arbitrary origin: only differences mean
 * anything. Implementations are thread-safe and never block.
 */
@FunctionalInterface
public interface Ticker {

    /** Nanoseconds since an arbitrary, fixed origin; never goes backwards for the system ticker. */
    long read();

    /** The JVM's monotonic clock ({@link System#nanoTime()}). */
    static Ticker system() {
        return System::nanoTime;
    }

    /**
     * Elapsed time read from a clock, for virtual time in tests and simulations (a
     * {@code ManualClock}). Wall clocks can jump: use {@link #system()} in production.
     */
    static Ticker of(InstantSource clock) {
        Objects.requireNonNull(clock, "clock");
        return () -> {
            Instant now = clock.instant();
            // Epoch nanoseconds fit a long until the year 2262.
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        };
    }
}
