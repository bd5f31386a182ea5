package dev.matchwave.matchmaking.ladder.rating;

import dev.matchwave.matchmaking.PlayerId;
import java.util.Objects;

/**
 * A (player, race): what a rating belongs to. Immutable.
 *
 * @param player who
 * @param race   which race
 */
public record RatingKey(PlayerId player, String race) implements Comparable<RatingKey> {

    public RatingKey {
        Objects.requireNonNull(player, "player");
        Objects.requireNonNull(race, "race");
    }

    public static RatingKey of(PlayerRating rating) {
        return new RatingKey(rating.player(), rating.race());
    }

    @Override
    public int compareTo(RatingKey other) {
        int byPlayer = player.compareTo(other.player);
        return byPlayer != 0 ? byPlayer : race.compareTo(other.race);
    }
}
