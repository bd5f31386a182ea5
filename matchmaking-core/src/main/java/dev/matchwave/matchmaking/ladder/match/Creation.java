package dev.matchwave.matchmaking.ladder.match;

import java.util.List;
import java.util.Objects;

/**
 * What became of a wave's pairs. Immutable.
 *
 * @param created the matches created, in the wave's order
 * @param refused pairs not created because a player was already in a match, in two pairs of the
 *                wave, or not registered; their players go back to the queue
 */
public record Creation(List<Match> created, List<NewMatch> refused) {

    public Creation {
        created = List.copyOf(Objects.requireNonNull(created, "created"));
        refused = List.copyOf(Objects.requireNonNull(refused, "refused"));
    }
}
