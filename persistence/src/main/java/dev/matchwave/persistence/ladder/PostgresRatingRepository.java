package dev.matchwave.persistence.ladder;

import static dev.matchwave.persistence.internal.schema.Tables.ADMIN_ACTIONS;
import static dev.matchwave.persistence.internal.schema.Tables.RATINGS;
import static dev.matchwave.persistence.internal.schema.Tables.RATING_LEDGER;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.MatchId;
import dev.matchwave.matchmaking.ladder.audit.AdminAction;
import dev.matchwave.matchmaking.ladder.rating.LedgerEntry;
import dev.matchwave.matchmaking.ladder.rating.PlayerRating;
import dev.matchwave.matchmaking.ladder.rating.RatingChange;
import dev.matchwave.matchmaking.ladder.rating.RatingRepository;
import dev.matchwave.persistence.internal.Sql;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link RatingRepository} on PostgreSQL: {@code ratings} (one row per player and race) and the
 * {@code rating_ledger}. A player's ratings for all races come in one query.
 *
 * <p>A player's ratings ({@link #ratingsOf}, {@link #find}) are read through a Caffeine cache
 * (every join reads them to seat the player), with the rule of {@link PostgresPlayerRepository}:
 * every rating write of this process (a recorded change here, a match's result in
 * {@link PostgresMatchRepository}) drops its players' entries once committed, so the process never
 * reads back older ratings than it wrote, and reads a few players' again in the background
 * ({@link #changed}); changes made elsewhere are seen within
 * {@link PostgresPlayerRepository#CACHE_EXPIRY}. The ledger and {@link #all} always ask the database.
 *
 * <p>Thread-safe; every method may block on the database.
 */
final class PostgresRatingRepository implements RatingRepository {

    private static final long CACHE_SIZE = 100_000;
    /** A result's or a reset's players at most: a season's start (thousands) is left to the joins. */
    static final int READ_AGAIN_AT_MOST = 8;
    private static final ThreadFactory READ_AGAIN = Thread.ofVirtual().name("matchwave-ratings-read-again").factory();
    private static final Logger LOG = LoggerFactory.getLogger(PostgresRatingRepository.class);

    private final DSLContext dsl;
    private final Runnable ratingsChanged;
    private final Cache<PlayerId, Map<String, PlayerRating>> cache = Caffeine.newBuilder().maximumSize(CACHE_SIZE)
            .expireAfterWrite(PostgresPlayerRepository.CACHE_EXPIRY).build();
    private final Executor readAgain;

    PostgresRatingRepository(DSLContext dsl, Runnable ratingsChanged) {
        this(dsl, ratingsChanged, task -> READ_AGAIN.newThread(task).start());
    }

    /** @param readAgain runs the background reads of {@link #changed} (a virtual thread each; tests: at once) */
    PostgresRatingRepository(DSLContext dsl, Runnable ratingsChanged, Executor readAgain) {
        this.dsl = dsl;
        this.ratingsChanged = ratingsChanged;
        this.readAgain = Objects.requireNonNull(readAgain, "readAgain");
    }

    @Override
    public Optional<PlayerRating> find(PlayerId player, String race) {
        Objects.requireNonNull(player, "player");
        Objects.requireNonNull(race, "race");
        return Optional.ofNullable(ratingsOf(player).get(race));
    }

    @Override
    public Map<String, PlayerRating> ratingsOf(PlayerId player) {
        Objects.requireNonNull(player, "player");
        return cache.get(player, key -> Sql.read(dsl, "read ratings of player " + key, db -> {
            Map<String, PlayerRating> byRace = new LinkedHashMap<>();
            db.selectFrom(RATINGS)
                    .where(RATINGS.PLAYER_ID.eq(key.value()))
                    .orderBy(RATINGS.RACE)
                    .fetch()
                    .forEach(r -> byRace.put(r.getRace(), Rows.rating(r)));
            return Collections.unmodifiableMap(byRace);
        }));
    }

    /**
     * Drops the cached ratings of the players {@code changes} touch, once this thread's write is
     * committed; a change of at most {@link #READ_AGAIN_AT_MOST} players (a match's result, a
     * player's season reset) then reads theirs again in the background, so that their next join,
     * which usually follows within seconds, finds them in memory instead of waiting for the
     * database in the burst of a wave's match ends. A join that comes first waits for that same
     * read (the cache loads a player once at a time), never for an older value.
     */
    void changed(List<RatingChange> changes) {
        Set<PlayerId> players = new HashSet<>();
        changes.forEach(c -> players.add(c.after().player()));
        if (!players.isEmpty()) {
            Sql.afterCommit(dsl, () -> {
                cache.invalidateAll(players);
                if (players.size() <= READ_AGAIN_AT_MOST) {
                    players.forEach(player -> readAgain.execute(() -> readAgain(player)));
                }
            });
        }
    }

    private void readAgain(PlayerId player) {
        try {
            ratingsOf(player);
        } catch (RuntimeException e) {
            // The database is down or the store closed: the next join reads them, as before.
            LOG.debug("ratings of player {} not read again: {}", player, e.toString());
        }
    }

    /** What memory holds for {@code player}, without reading the database (tests). */
    Optional<Map<String, PlayerRating>> cached(PlayerId player) {
        return Optional.ofNullable(cache.getIfPresent(player));
    }

    @Override
    public List<PlayerRating> all() {
        return Sql.read(dsl, "read all ratings", db -> db.selectFrom(RATINGS)
                .orderBy(RATINGS.PLAYER_ID, RATINGS.RACE)
                .fetch(Rows::rating));
    }

    @Override
    public List<LedgerEntry> record(List<RatingChange> changes, Optional<AdminAction> audit) {
        List<RatingChange> copy = List.copyOf(changes);
        Objects.requireNonNull(audit, "audit");
        List<LedgerEntry> entries;
        try {
            entries = Sql.write(dsl, "record " + copy.size() + " rating changes", tx -> {
                List<LedgerEntry> written = RatingWrites.apply(tx, copy);
                audit.ifPresent(a -> tx.insertInto(ADMIN_ACTIONS).set(Rows.auditRow(a)).execute());
                return written;
            });
        } finally {
            changed(copy);
        }
        if (!entries.isEmpty()) {
            ratingsChanged.run();
        }
        return entries;
    }

    @Override
    public List<LedgerEntry> ledger(long afterSequence, int limit) {
        Limits.requirePositive(limit);
        return Sql.read(dsl, "read the rating ledger", db -> db.selectFrom(RATING_LEDGER)
                .where(RATING_LEDGER.SEQUENCE.gt(afterSequence))
                .orderBy(RATING_LEDGER.SEQUENCE)
                .limit(limit)
                .fetch(Rows::ledgerEntry));
    }

    @Override
    public List<LedgerEntry> ledgerOf(MatchId match) {
        Objects.requireNonNull(match, "match");
        return Sql.read(dsl, "read the rating ledger of match " + match, db -> db.selectFrom(RATING_LEDGER)
                .where(RATING_LEDGER.MATCH_ID.eq(match.value()))
                .orderBy(RATING_LEDGER.SEQUENCE)
                .fetch(Rows::ledgerEntry));
    }

    @Override
    public List<LedgerEntry> ledgerOf(PlayerId player, String race) {
        Objects.requireNonNull(player, "player");
        Objects.requireNonNull(race, "race");
        return Sql.read(dsl, "read the rating ledger of player " + player + " " + race, db -> db
                .selectFrom(RATING_LEDGER)
                .where(RATING_LEDGER.PLAYER_ID.eq(player.value()), RATING_LEDGER.RACE.eq(race))
                .orderBy(RATING_LEDGER.SEQUENCE)
                .fetch(Rows::ledgerEntry));
    }
}
