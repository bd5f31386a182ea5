package dev.matchwave.emulator;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;

/**
 * Discord ids minted from a clock: milliseconds since the Discord epoch (2015-01-01T00:00:00Z,
 * {@value #DISCORD_EPOCH_MILLIS}) in the top 42 bits, a counter below (developers/reference,
 * "Snowflakes"). JDA reads an interaction's creation time, and so its 15-minute expiry, from
 * its id, which is why the ids follow the emulator's clock.
 *
 * <p>Ids are unique and rising: more than 2<sup>22</sup> ids in one millisecond, or a clock
 * that goes back, borrow from the following milliseconds. Thread-safe.
 */
public final class Snowflakes {

    /** The Discord epoch in Unix milliseconds. */
    public static final long DISCORD_EPOCH_MILLIS = 1_420_070_400_000L;

    private final InstantSource clock;
    private long last;

    public Snowflakes(InstantSource clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A new id, later than every id this minted before. */
    public synchronized long next() {
        long millis = clock.millis() - DISCORD_EPOCH_MILLIS;
        if (millis < 0) {
            throw new IllegalStateException("the clock is before the Discord epoch (2015): " + clock.instant());
        }
        last = Math.max(millis << 22, last + 1);
        return last;
    }

    /** When an id was minted. */
    public static Instant instantOf(long snowflake) {
        return Instant.ofEpochMilli((snowflake >>> 22) + DISCORD_EPOCH_MILLIS);
    }
}
