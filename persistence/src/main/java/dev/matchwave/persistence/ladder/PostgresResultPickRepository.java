package dev.matchwave.persistence.ladder;

import static dev.matchwave.persistence.internal.schema.Tables.RESULT_PICKS;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.MatchId;
import dev.matchwave.matchmaking.ladder.match.ResultPickRepository;
import dev.matchwave.matchmaking.ladder.match.Verdict;
import dev.matchwave.persistence.internal.Sql;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;

/**
 * {@link ResultPickRepository} on PostgreSQL: the {@code result_picks} table (migration V8).
 *
 * <p>Every render of a match message asks for the player's pick (a wave's details render 2 per
 * match), so reads never go to the database: the first use loads the whole table (a row per
 * picked, unconfirmed result; the picks of matches that are over are deleted then), and from
 * then on this process is the table's only writer (the leader; a standby builds its ladder, and
 * this repository, only once it holds the lease). Each write goes to the table, then to memory
 * (a pick under the player's stripe lock; a forgotten pick once its transaction committed, which
 * may be a report's). Thread-safe; writes and
 * the first read block on the database.
 */
final class PostgresResultPickRepository implements ResultPickRepository {

    private record Key(MatchId match, PlayerId player) {
    }

    private final DSLContext dsl;
    private final PlayerLocks locks;
    /** The table as this process last wrote it; null until the first use loads it. */
    private volatile @Nullable Map<Key, Verdict> picks;

    PostgresResultPickRepository(DSLContext dsl, PlayerLocks locks) {
        this.dsl = dsl;
        this.locks = locks;
    }

    private Map<Key, Verdict> picks() {
        Map<Key, Verdict> loaded = picks;
        if (loaded != null) {
            return loaded;
        }
        synchronized (this) {
            if (picks == null) {
                picks = Sql.write(dsl, "load the picked results", tx -> {
                    tx.execute("DELETE FROM result_picks p USING matches m WHERE p.match_id = m.id AND NOT m.is_open");
                    Map<Key, Verdict> all = new ConcurrentHashMap<>();
                    tx.selectFrom(RESULT_PICKS).fetch().forEach(r -> all.put(
                            new Key(MatchId.of(r.getMatchId()), PlayerId.of(r.getPlayerId())), Verdict.valueOf(r.getVerdict())));
                    return all;
                });
            }
            return picks;
        }
    }

    @Override
    public void pick(MatchId match, PlayerId player, Verdict verdict) {
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(player, "player");
        Objects.requireNonNull(verdict, "verdict");
        Map<Key, Verdict> all = picks();
        locks.run(player, () -> {
            Sql.write(dsl, "keep player " + player + "'s pick in match " + match.value(), tx -> tx
                    .insertInto(RESULT_PICKS)
                    .set(RESULT_PICKS.MATCH_ID, match.value())
                    .set(RESULT_PICKS.PLAYER_ID, player.value())
                    .set(RESULT_PICKS.VERDICT, verdict.name())
                    .onConflict(RESULT_PICKS.MATCH_ID, RESULT_PICKS.PLAYER_ID)
                    .doUpdate().set(RESULT_PICKS.VERDICT, verdict.name())
                    .execute());
            all.put(new Key(match, player), verdict);
        });
    }

    @Override
    public Optional<Verdict> picked(MatchId match, PlayerId player) {
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(player, "player");
        return Optional.ofNullable(picks().get(new Key(match, player)));
    }

    @Override
    public void clear(MatchId match, PlayerId player) {
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(player, "player");
        Key key = new Key(match, player);
        // Called inside a report's own transaction too (the bot forgets the pick with the report
        // that used it). So nothing here waits for a lock while the transaction holds a
        // connection: the table is not loaded here (a load holds this object's monitor while it
        // waits for a connection), and memory follows under the locks once the write committed.
        Map<Key, Verdict> loaded = picks;
        if (loaded != null && !loaded.containsKey(key)) {
            return; // memory mirrors the table: nothing picked, nothing to write
        }
        Sql.write(dsl, "forget player " + player + "'s pick in match " + match.value(), tx -> tx
                .deleteFrom(RESULT_PICKS)
                .where(RESULT_PICKS.MATCH_ID.eq(match.value()), RESULT_PICKS.PLAYER_ID.eq(player.value()))
                .execute());
        Sql.afterCommit(dsl, () -> forget(key));
    }

    /** After the commit: memory forgets the pick; a load under way finishes first. */
    private void forget(Key key) {
        Map<Key, Verdict> loaded;
        synchronized (this) {
            loaded = picks;
        }
        if (loaded != null) {
            locks.run(key.player(), () -> loaded.remove(key));
        }
    }
}
