package dev.matchwave.matchmaking.ladder.rating;

import dev.matchwave.matchmaking.ladder.MatchId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns match results into rating changes, and takes them back. Pure: results depend only on
 * the arguments, so a redone resolution can be recomputed exactly. Immutable and thread-safe.
 *
 * <p>Taking back a result ({@link #reverse}) restores the exact state before it when nothing
 * changed that rating since; otherwise (the player played on) it subtracts the result's effect
 * from the current state: the value change, the game and its win, loss or draw. A redone
 * resolution therefore equals resolving right the first time whenever the players did not play
 * that race in between, and stays close to it otherwise.
 */
public final class MatchRating {

    private final RatingSystem system;

    public MatchRating(RatingSystem system) {
        this.system = Objects.requireNonNull(system, "system");
    }

    public RatingSystem system() {
        return system;
    }

    /** The stored rating, or a fresh one at the system's initial rating. */
    public PlayerRating orFresh(Optional<PlayerRating> stored, RatingKey key) {
        return stored.orElseGet(() -> PlayerRating.fresh(key.player(), key.race(), system.initial()));
    }

    /**
     * The two changes of one rated game, the first player's first.
     *
     * @param scoreOfFirst 1, 0.5 or 0
     * @param at           when the game ended; becomes both players' last played time
     */
    public List<RatingChange> rate(MatchId match, LedgerCause cause, PlayerRating first, PlayerRating second,
                                   double scoreOfFirst, Instant at) {
        if (!cause.appliesResult()) {
            throw new IllegalArgumentException("a game is rated with MATCH or RESOLUTION, not " + cause);
        }
        RatingSystem.Outcome outcome = system.rate(RatingSystem.Contestant.of(first),
                RatingSystem.Contestant.of(second), scoreOfFirst, at);
        PlayerRating firstAfter = first.afterGame(outcome.first(), scoreOfFirst, at);
        PlayerRating secondAfter = second.afterGame(outcome.second(), 1.0 - scoreOfFirst, at);
        return List.of(new RatingChange(Optional.of(match), cause, first, firstAfter, at),
                new RatingChange(Optional.of(match), cause, second, secondAfter, at));
    }

    /**
     * The entries of a match whose effect currently stands: those that apply a result after the
     * last {@link LedgerCause#REVERSAL}.
     *
     * @param entriesOfMatch the match's ledger entries in sequence order
     */
    public static List<LedgerEntry> standingEffect(List<LedgerEntry> entriesOfMatch) {
        List<LedgerEntry> standing = new ArrayList<>();
        for (LedgerEntry entry : entriesOfMatch) {
            if (entry.cause() == LedgerCause.REVERSAL) {
                standing.clear();
            } else if (entry.cause().appliesResult()) {
                standing.add(entry);
            }
        }
        return standing;
    }

    /**
     * The change that takes back {@code effect} from {@code current}.
     *
     * @param effect  an entry that applied a result
     * @param current the stored rating of the same (player, race) now
     */
    public static RatingChange reverse(LedgerEntry effect, PlayerRating current, Instant at) {
        if (!effect.cause().appliesResult()) {
            throw new IllegalArgumentException("only a result can be taken back, not " + effect.cause());
        }
        if (!RatingKey.of(current).equals(RatingKey.of(effect.after()))) {
            throw new IllegalArgumentException("reversal of " + RatingKey.of(effect.after()) + " from the rating of "
                    + RatingKey.of(current));
        }
        MatchId match = effect.change().match().orElseThrow();
        PlayerRating before = effect.before();
        PlayerRating after = effect.after();
        PlayerRating restored;
        if (current.equals(after)) {
            restored = before;
        } else {
            restored = new PlayerRating(current.player(), current.race(),
                    current.rating().withValue(current.rating().value() - (after.rating().value()
                            - before.rating().value())),
                    current.games() - (after.games() - before.games()),
                    current.wins() - (after.wins() - before.wins()),
                    current.losses() - (after.losses() - before.losses()),
                    current.draws() - (after.draws() - before.draws()),
                    current.lastPlayed());
        }
        return new RatingChange(Optional.of(match), LedgerCause.REVERSAL, current, restored, at);
    }
}
