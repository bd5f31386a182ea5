package dev.matchwave.matchmaking.ladder.match;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.StoreException;
import dev.matchwave.matchmaking.ladder.audit.AdminAction;
import dev.matchwave.matchmaking.ladder.rating.RatingChange;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a match's life, with everything that must be stored together with it: the new
 * version of the match, the rating changes it causes (ledger entries), the abort it uses and the
 * admin action behind it. {@link MatchRepository#commit} stores it all or nothing. Immutable.
 *
 * @param match         the new version: {@code match.version() == expectedVersion + 1}
 * @param ratingChanges rating changes, applied in order; each comes from this match
 * @param abortUsedBy   the player whose abort budget goes down by one, if a player aborted
 * @param audit         the admin action, if an admin made this transition
 */
public record MatchTransition(Match match, List<RatingChange> ratingChanges, Optional<PlayerId> abortUsedBy,
                              Optional<AdminAction> audit) {

    public MatchTransition {
        Objects.requireNonNull(match, "match");
        ratingChanges = List.copyOf(Objects.requireNonNull(ratingChanges, "ratingChanges"));
        Objects.requireNonNull(abortUsedBy, "abortUsedBy");
        Objects.requireNonNull(audit, "audit");
        if (match.version() < 2) {
            throw new IllegalArgumentException("a transition makes version 2 or later of match " + match.id());
        }
        for (RatingChange change : ratingChanges) {
            if (!change.match().equals(Optional.of(match.id()))) {
                throw new IllegalArgumentException("rating change of " + change.match() + " in a transition of match "
                        + match.id());
            }
            if (!match.involves(change.player())) {
                throw new IllegalArgumentException("rating change of player " + change.player()
                        + " who is not in match " + match.id());
            }
        }
        abortUsedBy.ifPresent(p -> {
            if (!match.involves(p)) {
                throw new IllegalArgumentException("abort by player " + p + " who is not in match " + match.id());
            }
        });
    }

    /** The version the stored match must have for this transition to apply. */
    public long expectedVersion() {
        return match.version() - 1;
    }

    /**
     * The check every store makes before it applies this transition to the match it holds: the
     * stored match is at {@link #expectedVersion}, and the new version keeps who plays (players,
     * sides, races, ratings before), the setup and the found time, and does not reopen a closed
     * match.
     *
     * @throws StoreException {@code STALE} for another version, {@code INVALID} for the rest
     */
    public void requireAppliesTo(Match stored) {
        Match next = match;
        if (stored.version() != expectedVersion()) {
            throw StoreException.stale("match " + next.id() + " is at version " + stored.version()
                    + ", the transition starts from " + expectedVersion());
        }
        if (!stored.isOpen() && next.isOpen()) {
            throw StoreException.invalid("match " + next.id() + " is closed and cannot reopen");
        }
        if (!sameSeat(stored.player1(), next.player1()) || !sameSeat(stored.player2(), next.player2())
                || !stored.setup().equals(next.setup()) || !stored.foundAt().equals(next.foundAt())) {
            throw StoreException.invalid("a transition of match " + next.id()
                    + " must keep its players, sides, races, setup and found time");
        }
    }

    private static boolean sameSeat(Participant a, Participant b) {
        return a.player().equals(b.player()) && a.side().equals(b.side()) && a.race().equals(b.race())
                && a.ratingBefore() == b.ratingBefore();
    }

    /** A transition that changes only the match. */
    public static MatchTransition of(Match match) {
        return new MatchTransition(match, List.of(), Optional.empty(), Optional.empty());
    }
}
