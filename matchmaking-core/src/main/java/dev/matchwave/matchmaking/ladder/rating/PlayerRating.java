package dev.matchwave.matchmaking.ladder.rating;

import dev.matchwave.matchmaking.PlayerId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The rating and record of one player with one race. Immutable.
 *
 * @param player     who
 * @param race       which race, e.g. {@code bw_zerg}
 * @param rating     the current rating
 * @param games      games played (rated), equal to {@code wins + losses + draws}
 * @param wins       games won
 * @param losses     games lost
 * @param draws      games drawn
 * @param lastPlayed when the last rated game of this race ended, empty if none
 */
public record PlayerRating(PlayerId player, String race, Rating rating, int games, int wins, int losses, int draws,
                           Optional<Instant> lastPlayed) {

    public PlayerRating {
        Objects.requireNonNull(player, "player");
        Objects.requireNonNull(race, "race");
        Objects.requireNonNull(rating, "rating");
        Objects.requireNonNull(lastPlayed, "lastPlayed");
        if (race.isBlank()) {
            throw new IllegalArgumentException("rating race must not be blank");
        }
        if (wins < 0 || losses < 0 || draws < 0) {
            throw new IllegalArgumentException("wins, losses and draws must not be negative, got "
                    + wins + "/" + losses + "/" + draws + " for " + player + " " + race);
        }
        if ((long) wins + losses + draws != games) {
            throw new IllegalArgumentException("games must equal wins + losses + draws, got " + games + " != "
                    + wins + " + " + losses + " + " + draws + " for " + player + " " + race);
        }
    }

    /** A (player, race) that has never played: the system's initial rating, no games. */
    public static PlayerRating fresh(PlayerId player, String race, Rating initial) {
        return new PlayerRating(player, race, initial, 0, 0, 0, 0, Optional.empty());
    }

    /** True when no game was ever recorded: the state a missing stored row stands for. */
    public boolean isFresh() {
        return games == 0 && lastPlayed.isEmpty();
    }

    /** A copy with another rating, same record. */
    public PlayerRating withRating(Rating newRating) {
        return new PlayerRating(player, race, newRating, games, wins, losses, draws, lastPlayed);
    }

    /**
     * A copy after one more game.
     *
     * @param newRating the rating after the game
     * @param score     1 win, 0.5 draw, 0 loss
     * @param at        when the game ended
     */
    public PlayerRating afterGame(Rating newRating, double score, Instant at) {
        int w = wins;
        int l = losses;
        int d = draws;
        if (score == 1.0) {
            w++;
        } else if (score == 0.0) {
            l++;
        } else if (score == 0.5) {
            d++;
        } else {
            throw new IllegalArgumentException("score must be 0, 0.5 or 1, got " + score);
        }
        return new PlayerRating(player, race, newRating, games + 1, w, l, d, Optional.of(at));
    }
}
