package dev.matchwave.notification;

import dev.matchwave.matchmaking.PlayerId;

/**
 * The players reported different results; an admin will resolve the match.
 *
 * @param player  the recipient
 * @param matchId the match, not negative
 * @param detail  what was reported, as shown to the player, not blank
 */
public record MatchConflict(PlayerId player, long matchId, String detail) implements Notification {

    public MatchConflict {
        Checks.player(player, "player");
        Checks.matchId(matchId);
        Checks.text(detail, "detail");
    }
}
