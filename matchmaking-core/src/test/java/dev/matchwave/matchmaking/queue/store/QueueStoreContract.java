package dev.matchwave.matchmaking.queue.store;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.Preferences;
import dev.matchwave.matchmaking.QueuedPlayer;
import dev.matchwave.matchmaking.Seat;
import dev.matchwave.matchmaking.ladder.StoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract of {@link QueueStore}. Extend it with a {@link #newStore} that returns an empty
 * store; every test starts from one. {@link #reopen} returns a second view of the same stored
 * data (a new process on the same database); by default the same instance.
 */
public abstract class QueueStoreContract {

    protected static final Instant T0 = Instant.parse("2026-03-01T12:00:00.123456Z");

    protected abstract QueueStore newStore();

    protected QueueStore reopen(QueueStore store) {
        return store;
    }

    private QueueStore store;

    @BeforeEach
    void setUpStore() {
        store = newStore();
    }

    protected static StoredEntry entry(long player, long sequence, Instant joined) {
        QueuedPlayer queued = new QueuedPlayer(PlayerId.of(player),
                List.of(new Seat("bw", "bw_zerg", 1500 + (int) player), new Seat("sc2", "sc2_terran", 1400)),
                new Preferences(Set.of("Fighting Spirit", "Polypoid"), Optional.of("EUW")), joined, 0);
        return new StoredEntry(queued, sequence, joined.plusSeconds(900), Optional.empty());
    }

    private StoredQueue load() {
        return reopen(store).load(Instant.EPOCH);
    }

    @Test
    void anEntryComesBackExactlyAndInJoinOrder() {
        StoredEntry second = entry(2, 7, T0.plusMillis(5)).withContact("token-2|1700000000000");
        StoredEntry first = entry(1, 3, T0);
        QueuedPlayer single = new QueuedPlayer(PlayerId.of(3), List.of(new Seat("sc2", "sc2_protoss", 900)),
                Preferences.NONE, T0.plusSeconds(1), 0);
        StoredEntry third = new StoredEntry(single, 9, T0.plusSeconds(901), Optional.empty());
        store.add(second, Instant.EPOCH);
        store.add(first, Instant.EPOCH);
        store.add(third, Instant.EPOCH);

        assertThat(load().entries()).containsExactly(first, second, third);
    }

    @Test
    void aSecondEntryOfOnePlayerIsRefused() {
        store.add(entry(1, 1, T0), Instant.EPOCH);

        assertThatThrownBy(() -> store.add(entry(1, 2, T0.plusSeconds(1)), Instant.EPOCH))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.DUPLICATE));
        assertThat(load().entries()).extracting(StoredEntry::sequence).containsExactly(1L);
    }

    @Test
    void concurrentJoinsOfOnePlayerStoreOneEntry() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                long sequence = i + 1;
                results.add(pool.submit(() -> {
                    go.await();
                    try {
                        store.add(entry(5, sequence, T0.plusMillis(sequence)), Instant.EPOCH);
                        return true;
                    } catch (StoreException e) {
                        assertThat(e.kind()).isEqualTo(StoreException.Kind.DUPLICATE);
                        return false;
                    }
                }));
            }
            go.countDown();
            int stored = 0;
            for (Future<Boolean> result : results) {
                stored += result.get() ? 1 : 0;
            }
            assertThat(stored).isEqualTo(1);
            assertThat(load().entries()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBurstOfJoinsIsStoredTogetherLeavingOutOnlyTheDuplicates() {
        store.add(entry(2, 1, T0), Instant.EPOCH);
        store.markInMatch(PlayerId.of(4));
        StoredEntry one = entry(1, 5, T0.plusMillis(1)).withContact("token-1|1700000000000");
        StoredEntry three = entry(3, 6, T0.plusMillis(2));

        Map<PlayerId, RuntimeException> refused = store.addAll(List.of(one, entry(2, 7, T0.plusMillis(3)), three,
                entry(4, 8, T0.plusMillis(4))), T0.minusSeconds(60));

        assertThat(refused).containsOnlyKeys(PlayerId.of(2), PlayerId.of(4));
        assertThat(refused.values()).allSatisfy(e -> assertThat(e).isInstanceOfSatisfying(StoreException.class,
                s -> assertThat(s.kind()).isEqualTo(StoreException.Kind.DUPLICATE)));
        assertThat(load().entries()).extracting(e -> e.player().id().value(), StoredEntry::sequence)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, 1L), org.assertj.core.groups.Tuple.tuple(1L, 5L),
                        org.assertj.core.groups.Tuple.tuple(3L, 6L));
        assertThat(load().entries()).contains(one, three);
        assertThat(load().joins()).containsKeys(PlayerId.of(1), PlayerId.of(2), PlayerId.of(3)).doesNotContainKey(PlayerId.of(4));
        assertThat(load().joins().get(PlayerId.of(2))).as("a refused join is not logged").hasSize(1);
        assertThat(store.addAll(List.of(), T0)).isEmpty();
    }

    @Test
    void aPlayerInAMatchCannotBeQueued() {
        store.markInMatch(PlayerId.of(1));

        assertThatThrownBy(() -> store.add(entry(1, 1, T0), Instant.EPOCH))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.DUPLICATE));
        store.release(PlayerId.of(1));
        store.add(entry(1, 2, T0), Instant.EPOCH);
        assertThat(load().inMatch()).isEmpty();
        assertThat(load().entries()).hasSize(1);
    }

    @Test
    void removeAndAttachTouchOnlyTheEntryTheyName() {
        store.add(entry(1, 4, T0), Instant.EPOCH);

        assertThat(store.attach(new EntryKey(PlayerId.of(1), 3), "old")).isFalse();
        assertThat(store.remove(new EntryKey(PlayerId.of(1), 3))).isFalse();
        assertThat(store.attach(new EntryKey(PlayerId.of(1), 4), "new")).isTrue();
        assertThat(load().entries()).singleElement().extracting(StoredEntry::contact).isEqualTo(Optional.of("new"));
        assertThat(store.remove(new EntryKey(PlayerId.of(1), 4))).isTrue();
        assertThat(store.remove(new EntryKey(PlayerId.of(1), 4))).isFalse();
        assertThat(load().entries()).isEmpty();
    }

    @Test
    void theJoinLogKeepsRecentJoinsAcrossLeaves() {
        store.add(entry(1, 1, T0), Instant.EPOCH);
        store.remove(new EntryKey(PlayerId.of(1), 1));
        store.add(entry(1, 2, T0.plusSeconds(10)), Instant.EPOCH);
        store.remove(new EntryKey(PlayerId.of(1), 2));
        store.add(entry(1, 3, T0.plusSeconds(20)), T0.plusSeconds(5)); // may forget the first

        assertThat(reopen(store).load(T0.plusSeconds(1)).joins())
                .isEqualTo(Map.of(PlayerId.of(1), List.of(T0.plusSeconds(10), T0.plusSeconds(20))));
        assertThat(reopen(store).load(T0.plusSeconds(15)).joins())
                .isEqualTo(Map.of(PlayerId.of(1), List.of(T0.plusSeconds(20))));
    }

    @Test
    void aWaveStartExpiresAndCountsAWaitCycle() {
        store.add(entry(1, 1, T0), Instant.EPOCH);
        store.add(entry(2, 2, T0), Instant.EPOCH);
        store.add(entry(3, 3, T0), Instant.EPOCH);

        store.startWave(new WaveStart(4, List.of(new EntryKey(PlayerId.of(1), 1)),
                List.of(new EntryKey(PlayerId.of(2), 2), new EntryKey(PlayerId.of(3), 99))));

        StoredQueue loaded = load();
        assertThat(loaded.lastWave()).isEqualTo(4);
        assertThat(loaded.entries()).extracting(e -> e.player().id().value() + ":" + e.player().waitCycles())
                .containsExactly("2:1", "3:0");
    }

    @Test
    void aWaveCommitTakesItsPlayersOutAndIntoAMatchTogether() {
        for (int i = 1; i <= 5; i++) {
            store.add(entry(i, i, T0.plusMillis(i)), Instant.EPOCH);
        }
        List<EntryKey> matched = List.of(new EntryKey(PlayerId.of(1), 1), new EntryKey(PlayerId.of(4), 4),
                new EntryKey(PlayerId.of(2), 2), new EntryKey(PlayerId.of(3), 3));

        WaveCommit commit = store.commitWave(() -> new WaveCommit(1, matched));

        assertThat(commit.matched()).isEqualTo(matched);
        StoredQueue loaded = load();
        assertThat(loaded.entries()).extracting(e -> e.player().id()).containsExactly(PlayerId.of(5));
        assertThat(loaded.inMatch()).containsExactlyInAnyOrder(PlayerId.of(1), PlayerId.of(2), PlayerId.of(3),
                PlayerId.of(4));
    }

    @Test
    void aWaveWhoseWorkFailsStoresNothing() {
        store.add(entry(1, 1, T0), Instant.EPOCH);
        store.add(entry(2, 2, T0), Instant.EPOCH);

        assertThatThrownBy(() -> store.commitWave(() -> {
            throw new IllegalStateException("the matches could not be created");
        })).isInstanceOf(IllegalStateException.class);

        StoredQueue loaded = load();
        assertThat(loaded.entries()).hasSize(2);
        assertThat(loaded.inMatch()).isEmpty();
    }

    @Test
    void removeAllEmptiesTheQueueButNotTheMatches() {
        store.add(entry(1, 1, T0), Instant.EPOCH);
        store.markInMatch(PlayerId.of(2));
        store.add(entry(3, 3, T0), Instant.EPOCH);
        store.markInMatch(PlayerId.of(3));

        store.removeAll();

        assertThat(load().entries()).isEmpty();
        assertThat(load().inMatch()).containsExactlyInAnyOrder(PlayerId.of(2), PlayerId.of(3));
    }

    @Test
    void anEmptyStoreLoadsEmpty() {
        assertThat(load()).isEqualTo(StoredQueue.EMPTY);
    }
}
