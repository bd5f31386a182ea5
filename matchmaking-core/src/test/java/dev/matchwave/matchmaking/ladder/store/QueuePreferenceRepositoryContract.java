package dev.matchwave.matchmaking.ladder.store;

import dev.matchwave.matchmaking.ladder.StoreException.Kind;
import dev.matchwave.matchmaking.ladder.player.QueuePreferenceRepository;
import dev.matchwave.matchmaking.ladder.player.SavedPreferences;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.matchwave.matchmaking.ladder.store.ContractFixtures.assertStoreError;
import static dev.matchwave.matchmaking.ladder.store.ContractFixtures.player;
import static dev.matchwave.matchmaking.ladder.store.ContractFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;

/** The contract of {@link QueuePreferenceRepository}; {@link #newStore} returns an empty store. */
public abstract class QueuePreferenceRepositoryContract {

    protected abstract LadderStore newStore();

    private QueuePreferenceRepository preferences;

    @BeforeEach
    void setUpStore() {
        LadderStore store = newStore();
        register(store, 1, 2);
        preferences = store.preferences();
    }

    @Test
    void savesReplacesAndDeletes() {
        SavedPreferences first = new SavedPreferences(Set.of("bw_zerg", "sc2_terran"), Set.of("Neo Sylphid"));
        SavedPreferences second = new SavedPreferences(Set.of("sc2_protoss"),
                Set.of("Fighting Spirit", "Circuit Breaker", "Polypoid", "Eclipse"));

        assertThat(preferences.find(player(1))).isEmpty();
        preferences.save(player(1), first);
        assertThat(preferences.find(player(1))).contains(first);
        preferences.save(player(1), second);
        assertThat(preferences.find(player(1))).contains(second);
        assertThat(preferences.find(player(2))).isEmpty();

        preferences.delete(player(1));
        assertThat(preferences.find(player(1))).isEmpty();
        preferences.delete(player(1));
    }

    @Test
    void emptyVetoesRoundTrip() {
        SavedPreferences noVetoes = new SavedPreferences(Set.of("bw_terran"), Set.of());
        preferences.save(player(2), noVetoes);
        assertThat(preferences.find(player(2))).contains(noVetoes);
    }

    @Test
    void anUnregisteredPlayerHasNoPreferences() {
        assertStoreError(Kind.NOT_FOUND,
                () -> preferences.save(player(9), new SavedPreferences(Set.of("bw_zerg"), Set.of())));
        assertThat(preferences.find(player(9))).isEmpty();
    }
}
