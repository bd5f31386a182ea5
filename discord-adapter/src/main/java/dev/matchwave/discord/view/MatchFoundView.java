package dev.matchwave.discord.view;

import java.time.Instant;
import java.util.Objects;

/**
 * "Match found": what a player sees until both have confirmed (phase 1). The opponent and the
 * details stay hidden until then (docs/reference-ladder.md, "After a match is found").
 *
 * @param matchId           the match
 * @param playerId          the Discord user it is for
 * @param race              the race he plays in this match, as a label
 * @param confirmBy         the deadline to confirm (60 s after the match was found)
 * @param confirmed         whether he has confirmed
 * @param opponentConfirmed whether his opponent has
 * @param abortsLeft        aborts he has left; no abort button at 0
 * @param abortArmed        whether he clicked abort once: the button then asks for the second click
 * @param opponent          his opponent as the wave made the match (name, race, rating, country), when known
 */
public record MatchFoundView(
        long matchId,
        long playerId,
        String race,
        Instant confirmBy,
        boolean confirmed,
        boolean opponentConfirmed,
        int abortsLeft,
        boolean abortArmed,
        java.util.Optional<MatchPendingView.Side> opponent) {

    /** Without the opponent's name (a view made before he is known to the message). */
    public MatchFoundView(long matchId, long playerId, String race, Instant confirmBy, boolean confirmed,
                          boolean opponentConfirmed, int abortsLeft, boolean abortArmed) {
        this(matchId, playerId, race, confirmBy, confirmed, opponentConfirmed, abortsLeft, abortArmed,
                java.util.Optional.empty());
    }

    public MatchFoundView {
        if (matchId <= 0) {
            throw new IllegalArgumentException("matchId must be positive, got " + matchId);
        }
        Views.requireDiscordId("playerId", playerId);
        Views.requireText("race", race, 64);
        Objects.requireNonNull(confirmBy, "confirmBy");
        Objects.requireNonNull(opponent, "opponent");
        Views.requireNotNegative("abortsLeft", abortsLeft);
        if (abortArmed && abortsLeft == 0) {
            throw new IllegalArgumentException("abortArmed needs an abort left");
        }
    }
}
