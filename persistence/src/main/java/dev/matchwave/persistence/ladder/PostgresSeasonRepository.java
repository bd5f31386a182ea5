package dev.matchwave.persistence.ladder;

import static dev.matchwave.persistence.internal.schema.Tables.ADMIN_ACTIONS;
import static dev.matchwave.persistence.internal.schema.Tables.SEASONS;
import static dev.matchwave.persistence.internal.schema.Tables.SEASON_PLANS;
import static dev.matchwave.persistence.internal.schema.Tables.SEASON_PENDING_RESETS;
import static dev.matchwave.persistence.internal.schema.Tables.SEASON_RECORDS;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.StoreException;
import dev.matchwave.matchmaking.ladder.audit.AdminAction;
import dev.matchwave.matchmaking.ladder.rating.LedgerEntry;
import dev.matchwave.matchmaking.ladder.rating.PlayerRating;
import dev.matchwave.matchmaking.ladder.rating.Rating;
import dev.matchwave.matchmaking.ladder.rating.RatingChange;
import dev.matchwave.matchmaking.ladder.season.PlannedSeason;
import dev.matchwave.matchmaking.ladder.season.Season;
import dev.matchwave.matchmaking.ladder.season.SeasonRepository;
import dev.matchwave.matchmaking.ladder.season.SeasonReset;
import dev.matchwave.persistence.internal.Sql;
import dev.matchwave.persistence.internal.schema.SeasonRecordsRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * {@link SeasonRepository} on PostgreSQL: {@code seasons}, {@code season_records} and
 * {@code season_pending_resets} (migration V5). A season's start (its row, the reset's ratings
 * and ledger entries through {@link RatingWrites}, the records, the deferred players, the audit
 * row) is one transaction; so is a deferred reset.
 *
 * <p>The seasons and the resets still waiting are read once and then answered from memory:
 * every ended match asks for both, and the leader is the only process that writes them (the
 * lease's fence, docs/operations.md), through this repository. A read that overlapped a write
 * of this repository is not kept ({@link #writes} counts them), so memory is never behind the
 * database; a process that takes over starts by reading. A reset still cached as waiting after
 * it was applied is harmless: applying it again removes no row and changes nothing.
 *
 * <p>Thread-safe; every method may block on the database.
 */
final class PostgresSeasonRepository implements SeasonRepository {

    private final DSLContext dsl;
    private final Runnable ratingsChanged;
    private final Consumer<List<RatingChange>> ratingsWritten;
    /** Writes begun and ended (odd while one is under way): a read that saw it change is not cached. */
    private final java.util.concurrent.atomic.AtomicLong writes = new java.util.concurrent.atomic.AtomicLong();
    /** The seasons as last read, or null. */
    private volatile @org.jspecify.annotations.Nullable List<Season> seasonsRead;
    /** Per season, the players whose reset still waits, as last read (and applied since). */
    private final java.util.concurrent.ConcurrentMap<Integer, java.util.Set<Long>> pendingRead =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param ratingsWritten told of the rating changes a season start or a deferred reset wrote
     *                       (or tried to), once its write returned: the rating cache drops them
     */
    PostgresSeasonRepository(DSLContext dsl, Runnable ratingsChanged, Consumer<List<RatingChange>> ratingsWritten) {
        this.dsl = dsl;
        this.ratingsChanged = ratingsChanged;
        this.ratingsWritten = ratingsWritten;
    }

    @Override
    public List<Season> seasons() {
        List<Season> known = seasonsRead;
        if (known != null) {
            return known;
        }
        long before = writes.get();
        List<Season> all = new ArrayList<>(List.of(Season.FIRST));
        all.addAll(Sql.read(dsl, "read the seasons", db -> db.selectFrom(SEASONS).orderBy(SEASONS.NUMBER)
                .fetch(r -> new Season(r.getNumber(), r.getStartedAt(), SeasonReset.parse(r.getReset()),
                        List.of(r.getMapPool())))));
        List<Season> read = List.copyOf(all);
        if (before % 2 == 0 && writes.get() == before) {
            seasonsRead = read;
        }
        return read;
    }

    /** Runs a write of this repository; what memory holds is read again after it. */
    private <T> T writing(java.util.function.Supplier<T> write) {
        writes.incrementAndGet();
        try {
            return write.get();
        } finally {
            seasonsRead = null;
            pendingRead.clear();
            writes.incrementAndGet();
        }
    }

    @Override
    public List<LedgerEntry> start(Season next, List<RatingChange> resets, Collection<PlayerId> deferred,
                                   AdminAction audit) {
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(audit, "audit");
        List<RatingChange> copy = List.copyOf(resets);
        List<PlayerId> waiting = List.copyOf(deferred);
        List<LedgerEntry> entries;
        try {
            entries = writing(() -> startRows(next, copy, waiting, audit));
        } finally {
            ratingsWritten.accept(copy);
        }
        ratingsChanged.run();
        return entries;
    }

    private List<LedgerEntry> startRows(Season next, List<RatingChange> copy, List<PlayerId> waiting, AdminAction audit) {
        return Sql.write(dsl, "start season " + next.number(), tx -> {
            // One season start at a time: the lock serialises starts, then the number is checked.
            tx.execute("LOCK TABLE seasons IN SHARE ROW EXCLUSIVE MODE");
            int current = Optional.ofNullable(tx.select(DSL.max(SEASONS.NUMBER)).from(SEASONS).fetchOne(0, Integer.class))
                    .orElse(1);
            if (next.number() != current + 1) {
                throw StoreException.stale("season " + next.number() + " cannot follow season " + current);
            }
            tx.deleteFrom(SEASON_PLANS).where(SEASON_PLANS.NUMBER.eq(next.number())).execute();
            tx.insertInto(SEASONS)
                    .set(SEASONS.NUMBER, next.number())
                    .set(SEASONS.STARTED_AT, Rows.micros(next.startedAt()))
                    .set(SEASONS.RESET, next.reset().spec())
                    .set(SEASONS.MAP_POOL, next.mapPool().toArray(String[]::new))
                    .execute();
            List<LedgerEntry> written = RatingWrites.apply(tx, copy);
            keepRecords(tx, current, copy);
            if (!waiting.isEmpty()) {
                var insert = tx.insertInto(SEASON_PENDING_RESETS, SEASON_PENDING_RESETS.SEASON,
                        SEASON_PENDING_RESETS.PLAYER_ID);
                for (PlayerId player : waiting) {
                    insert = insert.values(next.number(), player.value());
                }
                insert.execute();
            }
            tx.insertInto(ADMIN_ACTIONS).set(Rows.auditRow(audit)).execute();
            return written;
        });
    }

    private static void keepRecords(DSLContext tx, int season, List<RatingChange> resets) {
        if (resets.isEmpty()) {
            return;
        }
        List<SeasonRecordsRecord> rows = new ArrayList<>(resets.size());
        for (RatingChange change : resets) {
            // The closing state as a ratings row, copied by column name, in its season.
            SeasonRecordsRecord row = Rows.ratingRow(Rows.micros(change.before())).into(SEASON_RECORDS);
            row.setSeason(season);
            rows.add(row);
        }
        tx.insertInto(SEASON_RECORDS, SEASON_RECORDS.fields()).valuesOfRecords(rows).execute();
    }

    @Override
    public Optional<PlannedSeason> planned() {
        return Sql.read(dsl, "read the planned season", db -> db.selectFrom(SEASON_PLANS)
                .orderBy(SEASON_PLANS.NUMBER.desc()).limit(1)
                .fetchOptional(r -> new PlannedSeason(new Season(r.getNumber(), r.getStartsAt(),
                        SeasonReset.parse(r.getReset()), List.of(r.getMapPool())), PlayerId.of(r.getAdminId()),
                        r.getReason())));
    }

    @Override
    public void plan(PlannedSeason plan, AdminAction audit) {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(audit, "audit");
        Sql.write(dsl, "plan season " + plan.season().number(), tx -> {
            tx.execute("LOCK TABLE seasons IN SHARE ROW EXCLUSIVE MODE");
            int current = Optional.ofNullable(tx.select(DSL.max(SEASONS.NUMBER)).from(SEASONS).fetchOne(0, Integer.class))
                    .orElse(1);
            if (plan.season().number() != current + 1) {
                throw StoreException.stale("season " + plan.season().number() + " cannot follow season " + current);
            }
            tx.deleteFrom(SEASON_PLANS).execute();
            tx.insertInto(SEASON_PLANS)
                    .set(SEASON_PLANS.NUMBER, plan.season().number())
                    .set(SEASON_PLANS.STARTS_AT, Rows.micros(plan.season().startedAt()))
                    .set(SEASON_PLANS.RESET, plan.season().reset().spec())
                    .set(SEASON_PLANS.MAP_POOL, plan.season().mapPool().toArray(String[]::new))
                    .set(SEASON_PLANS.ADMIN_ID, plan.admin().value())
                    .set(SEASON_PLANS.REASON, plan.reason())
                    .execute();
            tx.insertInto(ADMIN_ACTIONS).set(Rows.auditRow(audit)).execute();
            return null;
        });
    }

    @Override
    public List<PlayerId> pendingResets(int season) {
        return Sql.read(dsl, "read the resets waiting for season " + season, db -> db
                .select(SEASON_PENDING_RESETS.PLAYER_ID).from(SEASON_PENDING_RESETS)
                .where(SEASON_PENDING_RESETS.SEASON.eq(season))
                .fetch(r -> PlayerId.of(r.value1())));
    }

    @Override
    public boolean resetPending(int season, PlayerId player) {
        Objects.requireNonNull(player, "player");
        java.util.Set<Long> known = pendingRead.get(season);
        if (known == null) {
            long before = writes.get();
            known = java.util.Set.copyOf(pendingResets(season).stream().map(PlayerId::value).toList());
            if (before % 2 == 0 && writes.get() == before) {
                pendingRead.putIfAbsent(season, known);
            }
        }
        return known.contains(player.value());
    }

    @Override
    public List<LedgerEntry> applyDeferred(int season, PlayerId player, List<RatingChange> resets) {
        Objects.requireNonNull(player, "player");
        List<RatingChange> copy = List.copyOf(resets);
        for (RatingChange change : copy) {
            if (!change.player().equals(player)) {
                throw new IllegalArgumentException("a deferred reset of player " + player
                        + " cannot change the rating of " + change.player());
            }
        }
        List<LedgerEntry> entries;
        try {
            // Not a write that empties what memory holds (writing()): the seasons do not change, and
            // of the waiting resets only this one, which is dropped from memory once it is applied.
            // A read that overlapped it may keep it as waiting: harmless (see the class comment).
            // So the match ends of a season's first minutes (each applies its players' resets)
            // do not each read the seasons and the waiting resets again.
            entries = applyDeferredRows(season, player, copy);
            pendingRead.computeIfPresent(season, (number, waiting) -> waiting.contains(player.value())
                    ? waiting.stream().filter(id -> id != player.value())
                            .collect(java.util.stream.Collectors.toUnmodifiableSet())
                    : waiting);
        } finally {
            ratingsWritten.accept(copy);
        }
        if (!entries.isEmpty()) {
            ratingsChanged.run();
        }
        return entries;
    }

    private List<LedgerEntry> applyDeferredRows(int season, PlayerId player, List<RatingChange> copy) {
        return Sql.write(dsl, "reset player " + player + " into season " + season, tx -> {
            int removed = tx.deleteFrom(SEASON_PENDING_RESETS)
                    .where(SEASON_PENDING_RESETS.SEASON.eq(season), SEASON_PENDING_RESETS.PLAYER_ID.eq(player.value()))
                    .execute();
            if (removed == 0) {
                return List.<LedgerEntry>of();
            }
            List<LedgerEntry> written = RatingWrites.apply(tx, copy);
            keepRecords(tx, season - 1, copy);
            return written;
        });
    }

    @Override
    public List<PlayerRating> records(int season) {
        return Sql.read(dsl, "read the records of season " + season, db -> db.selectFrom(SEASON_RECORDS)
                .where(SEASON_RECORDS.SEASON.eq(season))
                .fetch(PostgresSeasonRepository::record));
    }

    @Override
    public Map<String, PlayerRating> recordsOf(int season, PlayerId player) {
        Objects.requireNonNull(player, "player");
        Map<String, PlayerRating> found = new HashMap<>();
        Sql.read(dsl, "read the season " + season + " records of player " + player, db -> db.selectFrom(SEASON_RECORDS)
                .where(SEASON_RECORDS.SEASON.eq(season), SEASON_RECORDS.PLAYER_ID.eq(player.value()))
                .fetch(PostgresSeasonRepository::record))
                .forEach(r -> found.put(r.race(), r));
        return found;
    }

    private static PlayerRating record(SeasonRecordsRecord r) {
        return new PlayerRating(PlayerId.of(r.getPlayerId()), r.getRace(),
                new Rating(r.getRating(), r.getDeviation(), r.getVolatility()), r.getGames(), r.getWins(),
                r.getLosses(), r.getDraws(), Optional.ofNullable(r.getLastPlayed()));
    }
}
