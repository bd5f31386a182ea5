package dev.matchwave.matchmaking.ladder.match;

import dev.matchwave.matchmaking.Pair;
import java.time.Instant;
import java.util.Objects;

/**
 * A match about to be created: everything but its id. Immutable.
 *
 * @param player1         first participant, nothing done yet
 * @param player2         second participant, nothing done yet
 * @param setup           map and server
 * @param foundAt         when the wave paired them
 * @param confirmDeadline when the confirmation window closes
 */
public record MatchDraft(Participant player1, Participant player2, MatchSetup setup, Instant foundAt,
                         Instant confirmDeadline) {

    public MatchDraft {
        Objects.requireNonNull(player1, "player1");
        Objects.requireNonNull(player2, "player2");
        Objects.requireNonNull(setup, "setup");
        Objects.requireNonNull(foundAt, "foundAt");
        Objects.requireNonNull(confirmDeadline, "confirmDeadline");
        if (player1.player().equals(player2.player())) {
            throw new IllegalArgumentException("a player cannot meet himself: " + player1.player());
        }
        for (Participant p : new Participant[] {player1, player2}) {
            if (p.confirmed() || p.report().isPresent() || p.abortArmed()) {
                throw new IllegalArgumentException("a new match starts with nothing done, player " + p.player() + " has");
            }
        }
        if (confirmDeadline.isBefore(foundAt)) {
            throw new IllegalArgumentException("confirm deadline " + confirmDeadline + " is before found " + foundAt);
        }
    }

    /** The draft of a wave's pair: player 1 is the pair's first player, in the seats the wave chose. */
    public static MatchDraft of(Pair pair, MatchSetup setup, Instant foundAt, Instant confirmDeadline) {
        return new MatchDraft(Participant.seated(pair.first().id(), pair.firstSeat()),
                Participant.seated(pair.second().id(), pair.secondSeat()), setup, foundAt, confirmDeadline);
    }

    /** The match this draft becomes under {@code id}: state FOUND, version 1. */
    public Match toMatch(dev.matchwave.matchmaking.ladder.MatchId id) {
        return new Match(id, 1, player1, player2, setup, MatchState.FOUND, java.util.Optional.empty(), foundAt,
                confirmDeadline, java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty());
    }
}
