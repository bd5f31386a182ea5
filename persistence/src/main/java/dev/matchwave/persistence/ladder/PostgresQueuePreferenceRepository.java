package dev.matchwave.persistence.ladder;

import static dev.matchwave.persistence.internal.schema.Tables.QUEUE_PREFERENCES;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.player.QueuePreferenceRepository;
import dev.matchwave.matchmaking.ladder.player.SavedPreferences;
import dev.matchwave.persistence.internal.Sql;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * {@link QueuePreferenceRepository} on PostgreSQL: one row per player in
 * {@code queue_preferences}, races and vetoed maps as sorted arrays.
 *
 * <p>Thread-safe; every method blocks on the database.
 */
final class PostgresQueuePreferenceRepository implements QueuePreferenceRepository {

    private final DSLContext dsl;

    PostgresQueuePreferenceRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Optional<SavedPreferences> find(PlayerId player) {
        Objects.requireNonNull(player, "player");
        return Sql.read(dsl, "find queue preferences of player " + player, db -> db
                .selectFrom(QUEUE_PREFERENCES)
                .where(QUEUE_PREFERENCES.PLAYER_ID.eq(player.value()))
                .fetchOptional()
                .map(r -> new SavedPreferences(Set.of(r.getRaces()), Set.of(r.getVetoedMaps()))));
    }

    @Override
    public void save(PlayerId player, SavedPreferences preferences) {
        Objects.requireNonNull(player, "player");
        Objects.requireNonNull(preferences, "preferences");
        String[] races = sorted(preferences.races());
        String[] vetoes = sorted(preferences.vetoedMaps());
        Sql.write(dsl, "save queue preferences of player " + player, tx -> tx
                .insertInto(QUEUE_PREFERENCES)
                .set(QUEUE_PREFERENCES.PLAYER_ID, player.value())
                .set(QUEUE_PREFERENCES.RACES, races)
                .set(QUEUE_PREFERENCES.VETOED_MAPS, vetoes)
                .onConflict(QUEUE_PREFERENCES.PLAYER_ID).doUpdate()
                .set(QUEUE_PREFERENCES.RACES, races)
                .set(QUEUE_PREFERENCES.VETOED_MAPS, vetoes)
                .execute());
    }

    @Override
    public void delete(PlayerId player) {
        Objects.requireNonNull(player, "player");
        Sql.write(dsl, "delete queue preferences of player " + player, tx -> tx
                .deleteFrom(QUEUE_PREFERENCES)
                .where(QUEUE_PREFERENCES.PLAYER_ID.eq(player.value()))
                .execute());
    }

    private static String[] sorted(Set<String> values) {
        String[] array = values.toArray(String[]::new);
        Arrays.sort(array);
        return array;
    }
}
