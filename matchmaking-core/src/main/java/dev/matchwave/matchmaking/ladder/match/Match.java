package dev.matchwave.matchmaking.ladder.match;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.MatchId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A match as stored: who plays whom with which race, where, and how far it got. Immutable; the
 * lifecycle makes a new version for every transition.
 *
 * @param id              assigned by the repository
 * @param version         1 when created, one more for every stored transition (optimistic
 *                        concurrency: a transition names the version it starts from)
 * @param player1         the first player (reference: the BW side)
 * @param player2         the second player (reference: the SC2 side)
 * @param setup           map and server
 * @param state           where it stands
 * @param result          present exactly when the match is closed
 * @param foundAt         when the wave created it
 * @param confirmDeadline when the confirmation window closes (reference: 60 s after found)
 * @param startedAt       when the second player confirmed
 * @param endedAt         when it closed (completed, conflict, aborted, timed out); kept by
 *                        admin resolutions, which rate the game as of this instant
 * @param resolution      the latest admin resolution, if any
 */
public record Match(MatchId id, long version, Participant player1, Participant player2, MatchSetup setup,
                    MatchState state, Optional<MatchResult> result, Instant foundAt, Instant confirmDeadline,
                    Optional<Instant> startedAt, Optional<Instant> endedAt, Optional<Resolution> resolution) {

    public Match {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(player1, "player1");
        Objects.requireNonNull(player2, "player2");
        Objects.requireNonNull(setup, "setup");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(foundAt, "foundAt");
        Objects.requireNonNull(confirmDeadline, "confirmDeadline");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(resolution, "resolution");
        if (version <= 0) {
            throw new IllegalArgumentException("match " + id + " version must be positive, got " + version);
        }
        if (player1.player().equals(player2.player())) {
            throw new IllegalArgumentException("match " + id + ": a player cannot meet himself: " + player1.player());
        }
        if (state.isOpen() == result.isPresent()) {
            throw new IllegalArgumentException("match " + id + " in state " + state
                    + (state.isOpen() ? " must not have a result" : " needs a result"));
        }
        if (state.isOpen() == endedAt.isPresent()) {
            throw new IllegalArgumentException("match " + id + " in state " + state
                    + (state.isOpen() ? " must not have ended" : " needs the time it ended"));
        }
        if ((state == MatchState.RESOLVED || state == MatchState.INVALIDATED) && resolution.isEmpty()) {
            throw new IllegalArgumentException("match " + id + " in state " + state + " needs its resolution");
        }
        if (state == MatchState.CONFLICT && result.orElseThrow() != MatchResult.CONFLICT) {
            throw new IllegalArgumentException("match " + id + " in conflict must have result CONFLICT");
        }
        if (confirmDeadline.isBefore(foundAt)) {
            throw new IllegalArgumentException("match " + id + " confirm deadline is before it was found");
        }
    }

    /** Both players, player 1 first. */
    public List<PlayerId> players() {
        return List.of(player1.player(), player2.player());
    }

    public boolean isOpen() {
        return state.isOpen();
    }

    public boolean involves(PlayerId player) {
        return player1.player().equals(player) || player2.player().equals(player);
    }

    /** The participant record of {@code player}, empty if he is not in this match. */
    public Optional<Participant> participant(PlayerId player) {
        if (player1.player().equals(player)) {
            return Optional.of(player1);
        }
        if (player2.player().equals(player)) {
            return Optional.of(player2);
        }
        return Optional.empty();
    }

    /** The other player; {@code player} must be in the match. */
    public PlayerId opponentOf(PlayerId player) {
        if (player1.player().equals(player)) {
            return player2.player();
        }
        if (player2.player().equals(player)) {
            return player1.player();
        }
        throw new IllegalArgumentException("player " + player + " is not in match " + id);
    }

    /** A copy with {@code player}'s participant record replaced; he must be in the match. */
    public Match withParticipant(Participant participant) {
        if (player1.player().equals(participant.player())) {
            return new Match(id, version, participant, player2, setup, state, result, foundAt, confirmDeadline,
                    startedAt, endedAt, resolution);
        }
        if (player2.player().equals(participant.player())) {
            return new Match(id, version, player1, participant, setup, state, result, foundAt, confirmDeadline,
                    startedAt, endedAt, resolution);
        }
        throw new IllegalArgumentException("player " + participant.player() + " is not in match " + id);
    }

    /** The next version: same data, version plus one; the lifecycle then changes what the transition changes. */
    public Match nextVersion() {
        return new Match(id, version + 1, player1, player2, setup, state, result, foundAt, confirmDeadline, startedAt,
                endedAt, resolution);
    }

    public Match withStarted(Instant at) {
        return new Match(id, version, player1, player2, setup, MatchState.IN_PROGRESS, result, foundAt,
                confirmDeadline, Optional.of(at), endedAt, resolution);
    }

    /** A copy closed with {@code newState} and {@code newResult} at {@code at}. */
    public Match withClosed(MatchState newState, MatchResult newResult, Instant at) {
        return new Match(id, version, player1, player2, setup, newState, Optional.of(newResult), foundAt,
                confirmDeadline, startedAt, Optional.of(at), resolution);
    }

    /**
     * A copy resolved by an admin. A closed match keeps its {@link #endedAt}; an open one ends
     * {@code at}.
     */
    public Match withResolution(Resolution newResolution, Instant at) {
        MatchState newState = newResolution == Resolution.INVALIDATE ? MatchState.INVALIDATED : MatchState.RESOLVED;
        MatchResult newResult = newResolution.verdict().map(Verdict::result).orElse(MatchResult.ABORT);
        return new Match(id, version, player1, player2, setup, newState, Optional.of(newResult), foundAt,
                confirmDeadline, startedAt, endedAt.or(() -> Optional.of(at)), Optional.of(newResolution));
    }
}
