package dev.matchwave.persistence.ladder;

import static dev.matchwave.persistence.internal.schema.Tables.ADMIN_ACTIONS;
import static dev.matchwave.persistence.internal.schema.Tables.PLAYERS;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.val;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.StoreException;
import dev.matchwave.matchmaking.ladder.audit.AdminAction;
import dev.matchwave.matchmaking.ladder.player.Player;
import dev.matchwave.matchmaking.ladder.player.PlayerProfile;
import dev.matchwave.matchmaking.ladder.player.PlayerRepository;
import dev.matchwave.persistence.internal.Sql;
import dev.matchwave.persistence.internal.schema.PlayersRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.jooq.DSLContext;
import org.jooq.Field;

/**
 * {@link PlayerRepository} on PostgreSQL: one row per player in {@code players}. Each write is
 * one statement (or one transaction with its audit entry) that changes only its own columns, so
 * concurrent writes to different aspects of a player do not overwrite each other.
 *
 * <p>Reads by id go through a Caffeine cache (a join, every render of a match and every abort
 * read the player). A write here caches the row it committed ({@link #writeThrough}, in commit
 * order per player); a registration and a write elsewhere (the match repository, when an abort
 * uses one of his aborts) drop the entry once committed ({@link Sql#afterCommit}); a read that
 * was loading meanwhile is replaced, so this process never reads back an older row than it wrote. Rows changed behind the bot's back (SQL by hand, another
 * process) are seen at the latest after {@link #CACHE_EXPIRY}.
 *
 * <p>Thread-safe; every method may block on the database (see
 * {@link dev.matchwave.persistence.Database} for the threading rule).
 */
final class PostgresPlayerRepository implements PlayerRepository {

    /** How long a cached player is kept at most. */
    static final Duration CACHE_EXPIRY = Duration.ofMinutes(5);
    private static final long CACHE_SIZE = 100_000;

    private final DSLContext dsl;
    private final Runnable profileChanged;
    /** Serialise the cache updates of one player's writes (see {@link #writeThrough}). */
    private final PlayerLocks locks = new PlayerLocks();
    private final Cache<PlayerId, Optional<Player>> cache =
            Caffeine.newBuilder().maximumSize(CACHE_SIZE).expireAfterWrite(CACHE_EXPIRY).build();

    PostgresPlayerRepository(DSLContext dsl, Runnable profileChanged) {
        this.dsl = dsl;
        this.profileChanged = profileChanged;
    }

    @Override
    public Optional<Player> find(PlayerId id) {
        Objects.requireNonNull(id, "id");
        return cache.get(id, key -> Sql.read(dsl, "find player " + key, db ->
                db.selectFrom(PLAYERS).where(PLAYERS.ID.eq(key.value())).fetchOptional().map(Rows::player)));
    }

    @Override
    public Map<PlayerId, Player> findAll(Collection<PlayerId> ids) {
        List<PlayerId> distinct = ids.stream().distinct().toList();
        if (distinct.isEmpty()) {
            return Map.of();
        }
        Map<PlayerId, Optional<Player>> cached = cache.getAll(distinct, this::load);
        Map<PlayerId, Player> found = new LinkedHashMap<>();
        distinct.stream().sorted(Comparator.comparingLong(PlayerId::value))
                .forEach(id -> cached.getOrDefault(id, Optional.empty()).ifPresent(p -> found.put(id, p)));
        return found;
    }

    private Map<PlayerId, Optional<Player>> load(Set<? extends PlayerId> ids) {
        List<Long> values = ids.stream().map(PlayerId::value).toList();
        return Sql.read(dsl, "find " + values.size() + " players", db -> {
            Map<PlayerId, Optional<Player>> found = new HashMap<>();
            ids.forEach(id -> found.put(id, Optional.empty()));
            for (PlayersRecord row : db.selectFrom(PLAYERS).where(PLAYERS.ID.in(values)).fetch()) {
                Player player = Rows.player(row);
                found.put(player.id(), Optional.of(player));
            }
            return found;
        });
    }

    /**
     * Drops the cached row of {@code id} once this thread's write is committed (a write made
     * elsewhere: an abort used in a match transition), under the player's stripe so it cannot
     * come before a write-through of an older row.
     */
    void changed(PlayerId id) {
        Sql.afterCommit(dsl, () -> locks.run(id, () -> cache.invalidate(id)));
    }

    /**
     * Runs a write of the player's row that returns the row as committed, and caches that row
     * (write-through: the join or click that follows a /setup or the terms reads it from memory).
     * Writes of one player's row through here hold his stripe from the write to the cache, so the
     * cache gets them in commit order; a failed write drops the entry (its outcome may be unknown).
     */
    private Player writeThrough(PlayerId id, java.util.function.Supplier<Player> write) {
        ReentrantLock stripe = locks.of(id);
        stripe.lock();
        try {
            Player row;
            try {
                row = write.get();
            } catch (RuntimeException e) {
                cache.invalidate(id);
                throw e;
            }
            if (Sql.inSharedTransaction(dsl)) {
                Sql.afterCommit(dsl, () -> cache.invalidate(id));
            } else {
                cache.put(id, Optional.of(row));
            }
            return row;
        } finally {
            stripe.unlock();
        }
    }


    @Override
    public Optional<Player> findByUserId(String userId) {
        Objects.requireNonNull(userId, "userId");
        return Sql.read(dsl, "find player by user id", db ->
                db.selectFrom(PLAYERS).where(lower(PLAYERS.USER_ID).eq(lower(val(userId)))).fetchOptional()
                        .map(Rows::player));
    }

    @Override
    public Player register(PlayerId id, int abortsLeft, Instant at) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        if (abortsLeft < 0) {
            throw StoreException.invalid("abortsLeft must not be negative, got " + abortsLeft);
        }
        // Every click registers its player first: one known here needs no write (and keeps his entry).
        Optional<Player> known = cache.getIfPresent(id);
        if (known != null && known.isPresent()) {
            return known.get();
        }
        try {
            return registerRow(id, abortsLeft, Rows.micros(at));
        } finally {
            changed(id);
        }
    }

    private Player registerRow(PlayerId id, int abortsLeft, Instant at) {
        return Sql.write(dsl, "register player " + id, tx -> {
            Optional<PlayersRecord> row = tx.insertInto(PLAYERS)
                    .set(PLAYERS.ID, id.value())
                    .set(PLAYERS.ABORTS_LEFT, abortsLeft)
                    .set(PLAYERS.BANNED, false)
                    .set(PLAYERS.REGISTERED_AT, at)
                    .onConflict(PLAYERS.ID).doNothing()
                    .returning()
                    .fetchOptional();
            return row.or(() -> tx.selectFrom(PLAYERS).where(PLAYERS.ID.eq(id.value())).fetchOptional())
                    .map(Rows::player)
                    .orElseThrow(() -> StoreException.stale("player " + id + " vanished while registering"));
        });
    }

    @Override
    public Player saveProfile(PlayerId id, PlayerProfile profile) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(profile, "profile");
        Player saved = writeThrough(id, () -> saveProfileRow(id, profile));
        profileChanged.run();
        return saved;
    }

    private Player saveProfileRow(PlayerId id, PlayerProfile profile) {
        return Sql.write(dsl, "save profile of player " + id, tx -> tx.update(PLAYERS)
                .set(PLAYERS.USER_ID, profile.userId())
                .set(PLAYERS.BATTLE_TAG, profile.battleTag())
                .set(PLAYERS.ALTERNATIVE_IDS, Rows.array(profile.alternativeIds()))
                .set(PLAYERS.COUNTRY, profile.country())
                .set(PLAYERS.HOME_REGION, profile.homeRegion())
                .where(PLAYERS.ID.eq(id.value()))
                .returning()
                .fetchOptional()
                .map(Rows::player)
                .orElseThrow(() -> notRegistered(id)));
    }

    @Override
    public Player acceptTerms(PlayerId id, Instant at) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        return writeThrough(id, () -> acceptTermsRow(id, at));
    }

    private Player acceptTermsRow(PlayerId id, Instant at) {
        return Sql.write(dsl, "accept terms for player " + id, tx -> tx.update(PLAYERS)
                // A second acceptance keeps the first time.
                .set(PLAYERS.TERMS_ACCEPTED_AT, coalesce(PLAYERS.TERMS_ACCEPTED_AT, val(Rows.micros(at))))
                .where(PLAYERS.ID.eq(id.value()))
                .returning()
                .fetchOptional()
                .map(Rows::player)
                .orElseThrow(() -> notRegistered(id)));
    }

    @Override
    public Player setBanned(PlayerId id, boolean banned, AdminAction audit) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(audit, "audit");
        return setAudited((banned ? "ban" : "unban") + " player " + id, id, PLAYERS.BANNED, banned, audit);
    }

    @Override
    public Player setAbortsLeft(PlayerId id, int abortsLeft, AdminAction audit) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(audit, "audit");
        if (abortsLeft < 0) {
            throw StoreException.invalid("abortsLeft must not be negative, got " + abortsLeft);
        }
        return setAudited("set aborts of player " + id, id, PLAYERS.ABORTS_LEFT, abortsLeft, audit);
    }

    /** Sets one column of a registered player and records the admin action, in one transaction. */
    private <T> Player setAudited(String what, PlayerId id, Field<T> column, T value, AdminAction audit) {
        return writeThrough(id, () -> setAuditedRow(what, id, column, value, audit));
    }

    private <T> Player setAuditedRow(String what, PlayerId id, Field<T> column, T value, AdminAction audit) {
        return Sql.write(dsl, what, tx -> {
            Player player = tx.update(PLAYERS)
                    .set(column, value)
                    .where(PLAYERS.ID.eq(id.value()))
                    .returning()
                    .fetchOptional()
                    .map(Rows::player)
                    .orElseThrow(() -> notRegistered(id));
            tx.insertInto(ADMIN_ACTIONS).set(Rows.auditRow(audit)).execute();
            return player;
        });
    }

    static StoreException notRegistered(PlayerId id) {
        return StoreException.notFound("player " + id + " is not registered");
    }
}
