package dev.matchwave.persistence.ladder;

import static dev.matchwave.persistence.internal.schema.Tables.ADMIN_ACTIONS;
import static dev.matchwave.persistence.internal.schema.Tables.PLAYERS;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.val;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.StoreException;
import dev.matchwave.matchmaking.ladder.audit.AdminAction;
import dev.matchwave.matchmaking.ladder.player.Player;
import dev.matchwave.matchmaking.ladder.player.PlayerProfile;
import dev.matchwave.matchmaking.ladder.player.PlayerRepository;
import dev.matchwave.persistence.internal.Sql;
import dev.matchwave.persistence.internal.schema.PlayersRecord;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;

/**
 * {@link PlayerRepository} on PostgreSQL: one row per player in {@code players}. Each write is
 * one statement (or one transaction with its audit entry) that changes only its own columns, so
 * concurrent writes to different aspects of a player do not overwrite each other.
 *
 * <p>Thread-safe; every method blocks on the database (see
 * {@link dev.matchwave.persistence.Database} for the threading rule).
 */
final class PostgresPlayerRepository implements PlayerRepository {

    private final DSLContext dsl;
    private final Runnable profileChanged;

    PostgresPlayerRepository(DSLContext dsl, Runnable profileChanged) {
        this.dsl = dsl;
        this.profileChanged = profileChanged;
    }

    @Override
    public Optional<Player> find(PlayerId id) {
        Objects.requireNonNull(id, "id");
        return Sql.read(dsl, "find player " + id, db ->
                db.selectFrom(PLAYERS).where(PLAYERS.ID.eq(id.value())).fetchOptional().map(Rows::player));
    }

    @Override
    public Map<PlayerId, Player> findAll(Collection<PlayerId> ids) {
        List<Long> values = ids.stream().map(PlayerId::value).distinct().toList();
        if (values.isEmpty()) {
            return Map.of();
        }
        return Sql.read(dsl, "find " + values.size() + " players", db -> {
            Map<PlayerId, Player> found = new LinkedHashMap<>();
            for (PlayersRecord row : db.selectFrom(PLAYERS).where(PLAYERS.ID.in(values)).orderBy(PLAYERS.ID).fetch()) {
                Player player = Rows.player(row);
                found.put(player.id(), player);
            }
            return found;
        });
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
        return Sql.write(dsl, "register player " + id, tx -> {
            Optional<PlayersRecord> inserted = tx.insertInto(PLAYERS)
                    .set(PLAYERS.ID, id.value())
                    .set(PLAYERS.ABORTS_LEFT, abortsLeft)
                    .set(PLAYERS.BANNED, false)
                    .set(PLAYERS.REGISTERED_AT, Rows.micros(at))
                    .onConflict(PLAYERS.ID).doNothing()
                    .returning()
                    .fetchOptional();
            return inserted.or(() -> tx.selectFrom(PLAYERS).where(PLAYERS.ID.eq(id.value())).fetchOptional())
                    .map(Rows::player)
                    .orElseThrow(() -> StoreException.stale("player " + id + " vanished while registering"));
        });
    }

    @Override
    public Player saveProfile(PlayerId id, PlayerProfile profile) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(profile, "profile");
        Player saved = Sql.write(dsl, "save profile of player " + id, tx -> tx.update(PLAYERS)
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
        profileChanged.run();
        return saved;
    }

    @Override
    public Player acceptTerms(PlayerId id, Instant at) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
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
