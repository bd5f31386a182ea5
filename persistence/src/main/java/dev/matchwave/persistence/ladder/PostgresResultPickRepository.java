package dev.matchwave.persistence.ladder;

import static dev.matchwave.persistence.internal.schema.Tables.RESULT_PICKS;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.MatchId;
import dev.matchwave.matchmaking.ladder.match.ResultPickRepository;
import dev.matchwave.matchmaking.ladder.match.Verdict;
import dev.matchwave.persistence.internal.Sql;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * {@link ResultPickRepository} on PostgreSQL: the {@code result_picks} table (migration V8).
 *
 * <p>Every render of a match message asks for the player's pick, so picks are read from a
 * write-through cache: a pick or a clear written here is put in the cache once committed, under
 * the player's stripe lock, so the cache follows the commit order (only the leader writes picks;
 * a standby that takes over starts with an empty cache and reads the table). Thread-safe; writes
 * block on the database.
 */
final class PostgresResultPickRepository implements ResultPickRepository {

    private record Key(MatchId match, PlayerId player) {
    }

    private final DSLContext dsl;
    private final PlayerLocks locks;
    private final Cache<Key, Optional<Verdict>> picks = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterWrite(PostgresPlayerRepository.CACHE_EXPIRY).build();

    PostgresResultPickRepository(DSLContext dsl, PlayerLocks locks) {
        this.dsl = dsl;
        this.locks = locks;
    }

    @Override
    public void pick(MatchId match, PlayerId player, Verdict verdict) {
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(player, "player");
        Objects.requireNonNull(verdict, "verdict");
        locks.run(player, () -> {
            Sql.write(dsl, "keep player " + player + "'s pick in match " + match.value(), tx -> tx
                    .insertInto(RESULT_PICKS)
                    .set(RESULT_PICKS.MATCH_ID, match.value())
                    .set(RESULT_PICKS.PLAYER_ID, player.value())
                    .set(RESULT_PICKS.VERDICT, verdict.name())
                    .onConflict(RESULT_PICKS.MATCH_ID, RESULT_PICKS.PLAYER_ID)
                    .doUpdate().set(RESULT_PICKS.VERDICT, verdict.name())
                    .execute());
            picks.put(new Key(match, player), Optional.of(verdict));
        });
    }

    @Override
    public Optional<Verdict> picked(MatchId match, PlayerId player) {
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(player, "player");
        Key key = new Key(match, player);
        Optional<Verdict> cached = picks.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        Holder holder = new Holder();
        locks.run(player, () -> holder.value = picks.get(key, k -> Sql.read(dsl,
                "read player " + player + "'s pick in match " + match.value(), db -> db
                        .select(RESULT_PICKS.VERDICT).from(RESULT_PICKS)
                        .where(RESULT_PICKS.MATCH_ID.eq(match.value()), RESULT_PICKS.PLAYER_ID.eq(player.value()))
                        .fetchOptional(RESULT_PICKS.VERDICT).map(Verdict::valueOf))));
        return holder.value;
    }

    @Override
    public void clear(MatchId match, PlayerId player) {
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(player, "player");
        locks.run(player, () -> {
            Sql.write(dsl, "forget player " + player + "'s pick in match " + match.value(), tx -> tx
                    .deleteFrom(RESULT_PICKS)
                    .where(RESULT_PICKS.MATCH_ID.eq(match.value()), RESULT_PICKS.PLAYER_ID.eq(player.value()))
                    .execute());
            picks.put(new Key(match, player), Optional.empty());
        });
    }

    /** The answer of a read made under the lock. */
    private static final class Holder {
        Optional<Verdict> value = Optional.empty();
    }
}
