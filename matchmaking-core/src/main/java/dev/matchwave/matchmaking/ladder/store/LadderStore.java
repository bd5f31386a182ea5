package dev.matchwave.matchmaking.ladder.store;

import dev.matchwave.matchmaking.ladder.audit.AdminAuditRepository;
import dev.matchwave.matchmaking.ladder.penalty.NoShowRepository;
import dev.matchwave.matchmaking.ladder.match.MatchRepository;
import dev.matchwave.matchmaking.ladder.match.ResultPickRepository;
import dev.matchwave.matchmaking.ladder.player.PlayerRepository;
import dev.matchwave.matchmaking.ladder.player.QueuePreferenceRepository;
import dev.matchwave.matchmaking.ladder.rating.RatingRepository;
import dev.matchwave.matchmaking.ladder.season.SeasonRepository;

/**
 * The repositories of one ladder, over one store: writes of one repository that touch another's
 * data (a match transition writing ratings, the ledger, aborts and the audit trail) are atomic
 * because they share the store.
 *
 * <p>Implementations are thread-safe; the accessors return the same instances every call and
 * never block.
 */
public interface LadderStore {

    PlayerRepository players();

    QueuePreferenceRepository preferences();

    RatingRepository ratings();

    MatchRepository matches();

    AdminAuditRepository audit();

    /** The timeouts and queue bars of the no-show penalty. */
    NoShowRepository noShows();

    /** The seasons and their final records. */
    SeasonRepository seasons();

    /** Results picked and not confirmed yet. */
    ResultPickRepository resultPicks();

    /**
     * Calls {@code listener} after every write that changed a rating (a match that ended with
     * rating changes, an adjustment, a season's resets) or a player's profile, on the writing
     * thread, once the write is in the store; caches of ranks and leaderboards, and rank roles,
     * follow the ladder with it. Listeners must be quick and must not throw.
     */
    void onRatingsOrProfilesChanged(Runnable listener);

    /**
     * Runs {@code work} as one unit of the store: the writes it makes on this thread, through
     * this store or through anything else on the same database (an outbox), commit together or
     * not at all: a write that fails fails the unit. The match
     * lifecycle commits a match's change and what its listeners owe the players this way
     * ({@link dev.matchwave.matchmaking.ladder.match.MatchListener#owe}). What a write arranges
     * for after its commit (a cache) happens after the unit's commit. Inside a unit already
     * open on this thread, {@code work} simply joins it.
     *
     * <p>The default runs {@code work} as it is: right for a store whose writes are each atomic
     * and whose owed messages live with it (the in-memory store).
     */
    default <T> T atomically(java.util.function.Supplier<T> work) {
        return work.get();
    }
}
