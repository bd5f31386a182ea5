package dev.matchwave.persistence.ladder;

import static dev.matchwave.persistence.internal.schema.Tables.QUEUE_PREFERENCES;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.player.QueuePreferenceRepository;
import dev.matchwave.matchmaking.ladder.player.SavedPreferences;
import dev.matchwave.persistence.internal.Sql;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.jooq.DSLContext;

/**
 * {@link QueuePreferenceRepository} on PostgreSQL: one row per player in
 * {@code queue_preferences}, races and vetoed maps as sorted arrays.
 *
 * <p>Reads go through a Caffeine cache (every join reads them), with the rule of
 * {@link PostgresPlayerRepository}: a save caches what it committed (in commit order per
 * player), a delete drops the entry, so this process never reads back older preferences than it
 * saved; changes made elsewhere are seen after {@link PostgresPlayerRepository#CACHE_EXPIRY} at
 * the latest.
 *
 * <p>Thread-safe; every method may block on the database.
 */
final class PostgresQueuePreferenceRepository implements QueuePreferenceRepository {

    private static final long CACHE_SIZE = 100_000;

    private final DSLContext dsl;
    /** Serialise the cache updates of one player's saves. */
    private final PlayerLocks locks = new PlayerLocks();
    private final Cache<PlayerId, Optional<SavedPreferences>> cache = Caffeine.newBuilder().maximumSize(CACHE_SIZE)
            .expireAfterWrite(PostgresPlayerRepository.CACHE_EXPIRY).build();

    PostgresQueuePreferenceRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Optional<SavedPreferences> find(PlayerId player) {
        Objects.requireNonNull(player, "player");
        return cache.get(player, key -> Sql.read(dsl, "find queue preferences of player " + key, db -> db
                .selectFrom(QUEUE_PREFERENCES)
                .where(QUEUE_PREFERENCES.PLAYER_ID.eq(key.value()))
                .fetchOptional()
                .map(r -> new SavedPreferences(Set.of(r.getRaces()), Set.of(r.getVetoedMaps())))));
    }

    @Override
    public void save(PlayerId player, SavedPreferences preferences) {
        Objects.requireNonNull(player, "player");
        Objects.requireNonNull(preferences, "preferences");
        String[] races = sorted(preferences.races());
        String[] vetoes = sorted(preferences.vetoedMaps());
        ReentrantLock stripe = locks.of(player);
        stripe.lock();
        try {
            Sql.write(dsl, "save queue preferences of player " + player, tx -> tx
                    .insertInto(QUEUE_PREFERENCES)
                    .set(QUEUE_PREFERENCES.PLAYER_ID, player.value())
                    .set(QUEUE_PREFERENCES.RACES, races)
                    .set(QUEUE_PREFERENCES.VETOED_MAPS, vetoes)
                    .onConflict(QUEUE_PREFERENCES.PLAYER_ID).doUpdate()
                    .set(QUEUE_PREFERENCES.RACES, races)
                    .set(QUEUE_PREFERENCES.VETOED_MAPS, vetoes)
                    .execute());
            // Write-through: the join that follows a pick reads them from memory. One player's
            // saves hold his stripe from the write to the cache, so the cache gets them in order.
            SavedPreferences saved = new SavedPreferences(Set.of(races), Set.of(vetoes));
            if (Sql.inSharedTransaction(dsl)) {
                Sql.afterCommit(dsl, () -> cache.invalidate(player));
            } else {
                cache.put(player, Optional.of(saved));
            }
        } catch (RuntimeException e) {
            cache.invalidate(player); // the outcome may be unknown
            throw e;
        } finally {
            stripe.unlock();
        }
    }

    @Override
    public void delete(PlayerId player) {
        Objects.requireNonNull(player, "player");
        try {
            Sql.write(dsl, "delete queue preferences of player " + player, tx -> tx
                    .deleteFrom(QUEUE_PREFERENCES)
                    .where(QUEUE_PREFERENCES.PLAYER_ID.eq(player.value()))
                    .execute());
        } finally {
            changed(player);
        }
    }

    private void changed(PlayerId player) {
        Sql.afterCommit(dsl, () -> locks.run(player, () -> cache.invalidate(player)));
    }


    private static String[] sorted(Set<String> values) {
        String[] array = values.toArray(String[]::new);
        Arrays.sort(array);
        return array;
    }
}
