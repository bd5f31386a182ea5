package dev.matchwave.matchmaking.ladder.rating;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.MatchId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One change of one (player, race) rating, before it is stored in the ledger. Immutable.
 *
 * <p>{@code before} is what the writer read; a repository stores the change only if the stored
 * rating still equals it (a missing row stands for a {@linkplain PlayerRating#isFresh fresh}
 * one), so a change computed from stale data is refused instead of overwriting a newer one.
 *
 * @param match  the match the change comes from; empty for an admin adjustment
 * @param cause  why
 * @param before the full state before
 * @param after  the full state after; same player and race as {@code before}
 * @param at     when the change was made (instants are kept to the microsecond)
 */
public record RatingChange(Optional<MatchId> match, LedgerCause cause, PlayerRating before, PlayerRating after,
                           Instant at) {

    public RatingChange {
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(at, "at");
        if (!before.player().equals(after.player()) || !before.race().equals(after.race())) {
            throw new IllegalArgumentException("a rating change must keep player and race: "
                    + before.player() + "/" + before.race() + " -> " + after.player() + "/" + after.race());
        }
        if (cause.fromMatch() ? match.isEmpty() : match.isPresent()) {
            throw new IllegalArgumentException("cause " + cause + (match.isPresent()
                    ? " takes no match" : " needs the match it comes from"));
        }
    }

    public PlayerId player() {
        return before.player();
    }

    public String race() {
        return before.race();
    }

    /** The change of the rating value, in rating points. */
    public double delta() {
        return after.rating().value() - before.rating().value();
    }
}
