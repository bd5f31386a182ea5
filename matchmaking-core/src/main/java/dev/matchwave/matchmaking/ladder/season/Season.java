package dev.matchwave.matchmaking.ladder.season;

import java.time.Instant;
import java.util.Objects;

/**
 * A season of the ladder. Season 1 is the ladder before any new season started
 * ({@link #FIRST}); every later one starts at an instant with a reset. Immutable.
 *
 * @param number    1, 2, ...
 * @param startedAt when it started ({@link Instant#EPOCH} for season 1)
 * @param reset     how ratings entered it (season 1: carried over from nothing)
 */
public record Season(int number, Instant startedAt, SeasonReset reset) {

    /** The ladder's first season: from the beginning, until the first new season. */
    public static final Season FIRST = new Season(1, Instant.EPOCH, new SeasonReset.CarryOver());

    public Season {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(reset, "reset");
        if (number < 1) {
            throw new IllegalArgumentException("season numbers start at 1, got " + number);
        }
    }
}
