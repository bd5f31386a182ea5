package dev.matchwave.matchmaking.ladder.season;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.audit.AdminAction;
import dev.matchwave.matchmaking.ladder.rating.LedgerEntry;
import dev.matchwave.matchmaking.ladder.rating.PlayerRating;
import dev.matchwave.matchmaking.ladder.rating.RatingChange;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The seasons, their players' final records, and the resets still owed to players whose match
 * spanned a season's start.
 *
 * <p>Implementations are thread-safe. Methods may block on I/O and report failures as
 * {@link dev.matchwave.matchmaking.ladder.StoreException}; a method that throws has changed
 * nothing.
 */
public interface SeasonRepository {

    /** Every season, oldest first; {@link Season#FIRST} when none was started. */
    List<Season> seasons();

    /** The season in force (the last of {@link #seasons()}). */
    default Season current() {
        List<Season> all = seasons();
        return all.get(all.size() - 1);
    }

    /**
     * Starts {@code next} (numbered one after the current season) as one unit: the season, the
     * reset's rating changes with their ledger entries, each reset rating's {@code before} kept as
     * the closing season's record, the players whose reset waits for their match to end, and
     * the audit entry. A plan of that season is done with (removed).
     *
     * @throws dev.matchwave.matchmaking.ladder.StoreException {@code STALE} when {@code next} is
     *         not numbered one after the current season, or a change's {@code before} is not
     *         the stored rating (a match ended meanwhile: read and try again)
     */
    List<LedgerEntry> start(Season next, List<RatingChange> resets, Collection<PlayerId> deferred, AdminAction audit);

    /** The season planned to start later, if any. */
    Optional<PlannedSeason> planned();

    /**
     * Plans the next season (replacing an earlier plan), audited in the same unit of work.
     *
     * @throws dev.matchwave.matchmaking.ladder.StoreException {@code STALE} when it is not
     *         numbered one after the current season
     */
    void plan(PlannedSeason plan, AdminAction audit);
    List<PlayerId> pendingResets(int season);

    /** Whether {@code player}'s reset into {@code season} still waits for his match to end. */
    boolean resetPending(int season, PlayerId player);

    /**
     * Applies a deferred reset into {@code season}: its rating changes, their ledger entries and
     * the closing season's records, and forgets that it waits. Nothing is written when it does
     * not wait (any more).
     *
     * @return the entries written; empty when the reset was not pending
     * @throws dev.matchwave.matchmaking.ladder.StoreException {@code STALE} as in {@link #start}
     */
    List<LedgerEntry> applyDeferred(int season, PlayerId player, List<RatingChange> resets);

    /** Every final record of {@code season} (a season that is over), in no particular order. */
    List<PlayerRating> records(int season);

    /** The player's final records of {@code season}, by race. */
    Map<String, PlayerRating> recordsOf(int season, PlayerId player);
}
