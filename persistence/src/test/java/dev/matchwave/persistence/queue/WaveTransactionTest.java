package dev.matchwave.persistence.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.matchwave.matchmaking.Pair;
import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.Preferences;
import dev.matchwave.matchmaking.QueuedPlayer;
import dev.matchwave.matchmaking.Seat;
import dev.matchwave.matchmaking.ladder.StoreException;
import dev.matchwave.matchmaking.ladder.match.Match;
import dev.matchwave.matchmaking.ladder.match.MatchDraft;
import dev.matchwave.matchmaking.ladder.match.MatchSetup;
import dev.matchwave.matchmaking.queue.store.EntryKey;
import dev.matchwave.matchmaking.queue.store.StoredEntry;
import dev.matchwave.matchmaking.queue.store.WaveCommit;
import dev.matchwave.persistence.TestDatabases;
import dev.matchwave.persistence.ladder.PostgresLadderStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A wave's matches and its players' leaving the queue are one PostgreSQL transaction: the match
 * repository's writes made inside {@link PostgresQueueStore#commitWave} join it, and a failure
 * after them (here the {@link WaveFence}, as a lost lease would) leaves neither.
 */
class WaveTransactionTest {

    static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    PostgresLadderStore ladder;
    QueuedPlayer one;
    QueuedPlayer two;

    @BeforeEach
    void setUp() {
        ladder = TestDatabases.emptyStore();
        ladder.players().register(PlayerId.of(1), 3, T0);
        ladder.players().register(PlayerId.of(2), 3, T0);
        one = new QueuedPlayer(PlayerId.of(1), List.of(new Seat("bw", "bw_zerg", 1500)), Preferences.NONE, T0, 0);
        two = new QueuedPlayer(PlayerId.of(2), List.of(new Seat("sc2", "sc2_terran", 1510)), Preferences.NONE, T0, 0);
    }

    /** The match the last wave created inside its transaction (committed or not). */
    Match created;

    private WaveCommit createMatchAndCommit(PostgresQueueStore queue) {
        queue.add(new StoredEntry(one, 1, T0.plusSeconds(900), Optional.empty()), Instant.EPOCH);
        queue.add(new StoredEntry(two, 2, T0.plusSeconds(900), Optional.empty()), Instant.EPOCH);
        return queue.commitWave(() -> {
            Pair pair = new Pair(one, one.seats().get(0), two, two.seats().get(0));
            created = ladder.matches().createAll(List.of(MatchDraft.of(pair, new MatchSetup("Fighting Spirit", "EU"), T0,
                    T0.plusSeconds(60)))).get(0);
            return new WaveCommit(1, List.of(new EntryKey(one.id(), 1), new EntryKey(two.id(), 2)));
        });
    }

    @Test
    void theMatchesAndTheQueueCommitTogether() {
        PostgresQueueStore queue = new PostgresQueueStore(TestDatabases.shared());

        createMatchAndCommit(queue);

        assertThat(ladder.matches().open()).hasSize(1);
        assertThat(ladder.matches().find(created.id())).contains(created);
        assertThat(queue.load(Instant.EPOCH).entries()).isEmpty();
        assertThat(queue.load(Instant.EPOCH).inMatch()).containsExactlyInAnyOrder(one.id(), two.id());
    }

    @Test
    void aFailedFenceLeavesTheQueueBeforeTheWaveAndNoMatch() {
        PostgresQueueStore queue = new PostgresQueueStore(TestDatabases.shared(), tx -> {
            throw StoreException.stale("this process lost its lease");
        });

        assertThatThrownBy(() -> createMatchAndCommit(queue)).isInstanceOf(StoreException.class)
                .hasMessageContaining("lost its lease");

        assertThat(ladder.matches().open()).isEmpty();
        // Nor in the match cache: a match is cached only once its wave has committed.
        assertThat(ladder.matches().find(created.id())).isEmpty();
        assertThat(queue.load(Instant.EPOCH).entries()).extracting(e -> e.player().id())
                .containsExactly(one.id(), two.id());
        assertThat(queue.load(Instant.EPOCH).inMatch()).isEmpty();
    }

    @Test
    void aRefusedMatchUndoesOnlyItselfInsideTheWave() {
        PostgresQueueStore queue = new PostgresQueueStore(TestDatabases.shared());
        queue.add(new StoredEntry(one, 1, T0.plusSeconds(900), Optional.empty()), Instant.EPOCH);

        queue.commitWave(() -> {
            QueuedPlayer stranger = new QueuedPlayer(PlayerId.of(99), List.of(new Seat("sc2", "sc2_zerg", 1500)),
                    Preferences.NONE, T0, 0);
            Pair pair = new Pair(one, one.seats().get(0), stranger, stranger.seats().get(0));
            assertThatThrownBy(() -> ladder.matches().createAll(List.of(MatchDraft.of(pair,
                    new MatchSetup("Fighting Spirit", "EU"), T0, T0.plusSeconds(60)))))
                    .isInstanceOfSatisfying(StoreException.class,
                            e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.NOT_FOUND));
            return new WaveCommit(1, List.of());
        });

        assertThat(queue.load(Instant.EPOCH).entries()).hasSize(1);
    }
}
