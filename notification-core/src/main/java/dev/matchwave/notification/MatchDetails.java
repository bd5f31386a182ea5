package dev.matchwave.notification;

import dev.matchwave.matchmaking.PlayerId;
import java.util.Objects;

/**
 * Phase 2 of a wave: everything needed to play the match (opponent, map, server, channel),
 * sent paced so that no rate limit is exceeded.
 *
 * @param player the recipient, one of the match's two players
 * @param match  the match
 */
public record MatchDetails(PlayerId player, MatchInfo match) implements Notification {

    public MatchDetails {
        Checks.player(player, "player");
        Objects.requireNonNull(match, "match");
        if (!match.involves(player)) {
            throw new IllegalArgumentException("player " + player + " does not play in match " + match.matchId());
        }
    }

    @Override
    public long matchId() {
        return match.matchId();
    }

    /** The recipient's opponent. */
    public Participant opponent() {
        return match.opponentOf(player);
    }
}
