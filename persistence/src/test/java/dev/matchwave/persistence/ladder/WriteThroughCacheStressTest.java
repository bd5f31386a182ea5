package dev.matchwave.persistence.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.player.PlayerProfile;
import dev.matchwave.matchmaking.ladder.player.SavedPreferences;
import dev.matchwave.matchmaking.ladder.store.ContractFixtures;
import dev.matchwave.persistence.TestDatabases;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The read caches write through: after many concurrent writes of one player's row and
 * preferences (and reads racing them), what this store answers from memory is what the database
 * holds, as a second store that never cached anything reads it. (It checks the values the caches
 * keep; the order of two writes' cache updates rests on the per-player stripe, which this test
 * rarely gets to race.)
 */
class WriteThroughCacheStressTest {

    static final PlayerId PLAYER = PlayerId.of(1);

    @Test
    void concurrentWritesOfOnePlayerLeaveTheCacheEqualToTheDatabase() throws Exception {
        PostgresLadderStore store = TestDatabases.emptyStore();
        ContractFixtures.register(store, 1);
        PostgresLadderStore fresh = new PostgresLadderStore(store.database());
        int threads = 6;
        int rounds = 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < rounds; i++) {
                        String tag = "t" + thread + "r" + i;
                        switch ((thread + i) % 4) {
                            case 0 -> store.preferences().save(PLAYER, new SavedPreferences(Set.of("bw_zerg"), Set.of(tag)));
                            case 1 -> store.players().saveProfile(PLAYER,
                                    new PlayerProfile("user-" + tag, "Tag#" + (1000 + i), List.of(), "DE", "EUW"));
                            case 2 -> store.players().acceptTerms(PLAYER, Instant.parse("2026-01-01T00:00:00Z"));
                            default -> {
                                store.players().find(PLAYER);
                                store.preferences().find(PLAYER);
                            }
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.players().find(PLAYER)).isEqualTo(fresh.players().find(PLAYER));
        assertThat(store.preferences().find(PLAYER)).isEqualTo(fresh.preferences().find(PLAYER));
    }
}
