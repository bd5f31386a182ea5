package dev.matchwave.matchmaking.ladder.rating;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Computes new ratings from one game between two players. A service provider interface: the
 * ladder ships {@link #elo()} (the reference ladder's) and {@link #glicko2()}; another system
 * implements this interface (see {@code docs/ladder.md}).
 *
 * <p>Implementations are immutable, thread-safe and pure: the result depends only on the
 * arguments, so a ledger can be replayed and an admin correction recomputed exactly.
 */
public interface RatingSystem {

    /** A short name, e.g. {@code elo} or {@code glicko2}. */
    String name();

    /** The rating of a (player, race) that never played. */
    Rating initial();

    /**
     * The ratings after one game.
     *
     * @param first         the first player's rating and when he last played this race
     * @param second        the second player's
     * @param scoreOfFirst  1 if the first won, 0.5 for a draw, 0 if the second won
     * @param at            when the game ended (systems whose uncertainty grows with inactivity
     *                      measure it up to here)
     */
    Outcome rate(Contestant first, Contestant second, double scoreOfFirst, Instant at);

    /**
     * A player's rating going into a game.
     *
     * @param rating     his stored rating
     * @param lastPlayed when he last played with it, empty if never
     */
    record Contestant(Rating rating, Optional<Instant> lastPlayed) {
        public Contestant {
            Objects.requireNonNull(rating, "rating");
            Objects.requireNonNull(lastPlayed, "lastPlayed");
        }

        public static Contestant of(PlayerRating stored) {
            return new Contestant(stored.rating(), stored.lastPlayed());
        }
    }

    /** Both new ratings. */
    record Outcome(Rating first, Rating second) {
        public Outcome {
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(second, "second");
        }
    }

    /** The reference ladder's Elo: start 1500, K 40, divisor 500, whole points. */
    static RatingSystem elo() {
        return Elo.REFERENCE;
    }

    /** Glicko-2 with start 1500 / 350 / 0.06, tau 0.5, a rating period of 7 days. */
    static RatingSystem glicko2() {
        return Glicko2.DEFAULT;
    }
}
