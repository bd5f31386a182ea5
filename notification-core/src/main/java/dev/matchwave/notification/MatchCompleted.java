package dev.matchwave.notification;

import dev.matchwave.matchmaking.PlayerId;

/**
 * Both players reported the same result; the match is over.
 *
 * @param player  the recipient
 * @param matchId the match, not negative
 * @param result  the result as shown to the player (for example "you won, +18"), not blank
 */
public record MatchCompleted(PlayerId player, long matchId, String result) implements Notification {

    public MatchCompleted {
        Checks.player(player, "player");
        Checks.matchId(matchId);
        Checks.text(result, "result");
    }
}
