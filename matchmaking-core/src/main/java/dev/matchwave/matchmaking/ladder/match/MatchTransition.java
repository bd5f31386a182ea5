package dev.matchwave.matchmaking.ladder.match;

import dev.matchwave.matchmaking.PlayerId;
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

    /** A transition that changes only the match. */
    public static MatchTransition of(Match match) {
        return new MatchTransition(match, List.of(), Optional.empty(), Optional.empty());
    }
}
