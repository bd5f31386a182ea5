package dev.matchwave.matchmaking.ladder.rank;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.rating.PlayerRating;
import java.util.Objects;

/**
 * One line of the leaderboard. Immutable.
 *
 * @param position 1-based place within the query's rows
 * @param name     the player's user id (his numeric id when he has no profile)
 * @param country  his country code ({@code ZZ} when unknown)
 * @param rank     the entry's letter rank
 * @param rating   the (player, race) rating and record
 */
public record LeaderboardRow(int position, String name, String country, String rank, PlayerRating rating) {

    public LeaderboardRow {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(rank, "rank");
        Objects.requireNonNull(rating, "rating");
    }

    public PlayerId player() {
        return rating.player();
    }

    public String race() {
        return rating.race();
    }
}
