package dev.matchwave.notification;

import dev.matchwave.matchmaking.PlayerId;

/**
 * Phase 1 of a wave: "match found, details follow". Small and sent to every matched player at
 * once; a player's {@link MatchDetails} never go out before it has been answered.
 *
 * @param player   the recipient
 * @param matchId  the match, not negative
 * @param opponent the player he will meet
 */
public record MatchFound(PlayerId player, long matchId, PlayerId opponent) implements Notification {

    public MatchFound {
        Checks.player(player, "player");
        Checks.matchId(matchId);
        Checks.player(opponent, "opponent");
        if (player.equals(opponent)) {
            throw new IllegalArgumentException("opponent must differ from player, both are " + player);
        }
    }
}
