package dev.matchwave.notification;

import dev.matchwave.matchmaking.PlayerId;

/**
 * The match was aborted (by a player, or by the system when someone did not confirm).
 *
 * @param player  the recipient
 * @param matchId the match, not negative
 * @param reason  why, as shown to the player, not blank
 */
public record MatchAborted(PlayerId player, long matchId, String reason) implements Notification {

    public MatchAborted {
        Checks.player(player, "player");
        Checks.matchId(matchId);
        Checks.text(reason, "reason");
    }
}
