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
}
