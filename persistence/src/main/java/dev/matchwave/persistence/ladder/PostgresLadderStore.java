package dev.matchwave.persistence.ladder;

import dev.matchwave.matchmaking.ladder.audit.AdminAuditRepository;
import dev.matchwave.matchmaking.ladder.penalty.NoShowRepository;
import dev.matchwave.matchmaking.ladder.season.SeasonRepository;
import dev.matchwave.matchmaking.ladder.match.MatchRepository;
import dev.matchwave.matchmaking.ladder.match.ResultPickRepository;
import dev.matchwave.matchmaking.ladder.player.PlayerRepository;
import dev.matchwave.matchmaking.ladder.player.QueuePreferenceRepository;
import dev.matchwave.matchmaking.ladder.rating.RatingRepository;
import dev.matchwave.matchmaking.ladder.store.LadderStore;
import dev.matchwave.persistence.Database;
import dev.matchwave.persistence.internal.Sql;
import dev.matchwave.persistence.queue.WaveFence;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The ladder's repositories on one PostgreSQL {@link Database}: writes that span repositories (a
 * match transition with its ratings, ledger, abort and audit entry) are one transaction.
 *
 * <pre>{@code
 * Database db = Database.open(DatabaseConfig.fromEnvironment());
 * LadderStore store = new PostgresLadderStore(db);
 * List<Match> wave = store.matches().createAll(drafts);   // blocks: call it on a virtual thread
 * }</pre>
 *
 * <p>Every repository method blocks until PostgreSQL answers (see {@link Database} for the
 * threading rule), is all-or-nothing, and reports failures as
 * {@link dev.matchwave.matchmaking.ladder.StoreException} (a violated constraint as
 * {@code DUPLICATE}, {@code NOT_FOUND}, {@code INVALID} or {@code STALE} with a sentence; a lost
 * database as {@code UNAVAILABLE}), never as an SQL exception.
 *
 * <p>Thread-safe. The store does not own the database: close the {@link Database} when done.
 */
public final class PostgresLadderStore implements LadderStore {

    private final Database database;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final PostgresPlayerRepository players;
    private final PostgresQueuePreferenceRepository preferences;
    private final PostgresRatingRepository ratings;
    private final PostgresMatchRepository matches;
    private final PostgresAdminAuditRepository audit;
    private final PostgresNoShowRepository noShows;
    private final PostgresSeasonRepository seasons;
    private final PostgresResultPickRepository resultPicks;

    public PostgresLadderStore(Database database) {
        this(database, WaveFence.NONE);
    }

    /**
     * A store whose match writes (a wave's new matches, every transition) check {@code fence}
     * last inside their transaction, as the queue's wave commit does: with a leader's lease
     * ({@code dev.matchwave.persistence.lease}), a process that lost it commits none of them
     * ({@code STALE}, nothing changed). The other repositories' writes are not fenced.
     */
    public PostgresLadderStore(Database database, WaveFence fence) {
        this.database = Objects.requireNonNull(database, "database");
        Objects.requireNonNull(fence, "fence");
        var dsl = database.dsl();
        Runnable changed = () -> listeners.forEach(Runnable::run);
        this.players = new PostgresPlayerRepository(dsl, changed);
        this.preferences = new PostgresQueuePreferenceRepository(dsl);
        this.ratings = new PostgresRatingRepository(dsl, changed);
        this.matches = new PostgresMatchRepository(dsl, changed, fence, players::changed, ratings::changed);
        this.audit = new PostgresAdminAuditRepository(dsl);
        this.noShows = new PostgresNoShowRepository(dsl);
        this.seasons = new PostgresSeasonRepository(dsl, changed, ratings::changed);
        this.resultPicks = new PostgresResultPickRepository(dsl, new PlayerLocks());
    }

    /** The database this store runs on. */
    public Database database() {
        return database;
    }

    /**
     * One transaction that every write on this database made by this thread while {@code work}
     * runs is part of (the repositories', and the notification outbox's), without savepoints:
     * they commit together or not at all, and a failed write fails the whole unit. What the
     * writes arrange for after their commit (caches) runs after it. Retried once on a broken
     * connection before COMMIT, as a single write is. Inside a shared transaction already (a
     * wave's), {@code work} joins it.
     */
    @Override
    public <T> T atomically(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        var dsl = database.dsl();
        if (Sql.inSharedTransaction(dsl)) {
            return work.get();
        }
        return Sql.writeTogether(dsl, "commit a change and what it owes",
                tx -> work.get());
    }

    @Override
    public PlayerRepository players() {
        return players;
    }

    @Override
    public QueuePreferenceRepository preferences() {
        return preferences;
    }

    @Override
    public RatingRepository ratings() {
        return ratings;
    }

    @Override
    public MatchRepository matches() {
        return matches;
    }

    @Override
    public AdminAuditRepository audit() {
        return audit;
    }

    @Override
    public NoShowRepository noShows() {
        return noShows;
    }

    @Override
    public SeasonRepository seasons() {
        return seasons;
    }

    @Override
    public ResultPickRepository resultPicks() {
        return resultPicks;
    }

    /** After the commit, on the writing thread (see {@link LadderStore#onRatingsOrProfilesChanged}). */
    @Override
    public void onRatingsOrProfilesChanged(Runnable listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }
}
