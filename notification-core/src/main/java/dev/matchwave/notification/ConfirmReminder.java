package dev.matchwave.notification;

import dev.matchwave.matchmaking.PlayerId;
import java.time.Instant;
import java.util.Objects;

/**
 * The player has not confirmed the match yet.
 *
 * @param player    the recipient
 * @param matchId   the match, not negative
 * @param confirmBy when the match is aborted if he still has not confirmed
 */
public record ConfirmReminder(PlayerId player, long matchId, Instant confirmBy) implements Notification {

    public ConfirmReminder {
        Checks.player(player, "player");
        Checks.matchId(matchId);
        Objects.requireNonNull(confirmBy, "confirmBy");
    }
}
