package dev.matchwave.persistence.lease;

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
import dev.matchwave.matchmaking.ladder.match.MatchTransition;
import dev.matchwave.matchmaking.ladder.store.ContractFixtures;
import dev.matchwave.matchmaking.queue.store.EntryKey;
import dev.matchwave.matchmaking.queue.store.StoredEntry;
import dev.matchwave.matchmaking.queue.store.WaveCommit;
import dev.matchwave.matchmaking.time.ManualClock;
import dev.matchwave.persistence.Database;
import dev.matchwave.persistence.TestDatabases;
import dev.matchwave.persistence.lease.LeaderLease.Attempt;
import dev.matchwave.persistence.lease.LeaderLease.Term;
import dev.matchwave.persistence.ladder.PostgresLadderStore;
import dev.matchwave.persistence.queue.PostgresQueueStore;
import dev.matchwave.persistence.queue.WaveFence;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lease row on PostgreSQL, with each process's time on its own fake clock: a leader
 * "paused" past its lease (its clock stands still while the other's moves) keeps its old fencing
 * number, the other process takes the lease, and the old leader's wave and match transition are
 * then refused inside their transactions, leaving the database as it was.
 */
class LeaderLeaseTest {

    static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    static final Duration LEASE = Duration.ofSeconds(10);

    Database db;
    ManualClock clockA;
    ManualClock clockB;
    LeaderLease a;
    LeaderLease b;

    @BeforeEach
    void setUp() {
        TestDatabases.emptyStore();
        db = TestDatabases.shared();
        clockA = new ManualClock(T0);
        clockB = new ManualClock(T0);
        a = new LeaderLease(db, LeaderLease.LADDER, "host-a:1", clockA, LEASE);
        b = new LeaderLease(db, LeaderLease.LADDER, "host-b:2", clockB, LEASE);
    }

    @Test
    void theFirstTakesTheLeaseAndTheOtherSeesWhoHoldsItUntilWhen() {
        Attempt first = a.tryAcquire();
        Attempt second = b.tryAcquire();

        assertThat(first).isEqualTo(new Attempt(true, new Term("host-a:1", 1, T0.plus(LEASE))));
        assertThat(second).isEqualTo(new Attempt(false, new Term("host-a:1", 1, T0.plus(LEASE))));
    }

    @Test
    void anExpiredLeaseIsTakenWithTheNextFencingNumberAndTheOldHolderCannotRenewIt() {
        Term held = a.tryAcquire().term();
        clockB.advance(LEASE.minusMillis(1));
        assertThat(b.tryAcquire().acquired()).as("one millisecond before the expiry").isFalse();

        clockB.advance(Duration.ofMillis(1));
        Attempt taken = b.tryAcquire();

        assertThat(taken.acquired()).isTrue();
        assertThat(taken.term().fencing()).isEqualTo(2);
        assertThat(a.renew(held)).as("the old holder's renewal").isEmpty();
        assertThat(a.release(held)).as("the old holder's release").isFalse();
        assertThat(a.current()).contains(taken.term());
    }

    @Test
    void aRenewalExtendsTheTermWithoutANewFencingNumber() {
        Term held = a.tryAcquire().term();
        clockA.advance(Duration.ofSeconds(3));

        assertThat(a.renew(held)).contains(new Term("host-a:1", 1, T0.plusSeconds(3).plus(LEASE)));
        clockB.advance(LEASE);
        assertThat(b.tryAcquire().acquired()).as("the renewed lease runs to T0 + 13 s").isFalse();
    }

    @Test
    void aReleasedLeaseIsTakenAtOnce() {
        Term held = a.tryAcquire().term();
        clockA.advance(Duration.ofSeconds(1));
        clockB.advance(Duration.ofSeconds(2));

        assertThat(a.release(held)).isTrue();

        assertThat(b.tryAcquire()).isEqualTo(new Attempt(true, new Term("host-b:2", 2, T0.plusSeconds(2).plus(LEASE))));
    }

    @Test
    void theFencePassesForTheHolderAndRefusesAfterATakeover() {
        Term held = a.tryAcquire().term();
        WaveFence fence = a.fence(held);
        db.dsl().transaction(tx -> fence.check(tx.dsl()));

        clockB.advance(LEASE);
        b.tryAcquire();

        assertThatThrownBy(() -> db.dsl().transaction(tx -> fence.check(tx.dsl())))
                .isInstanceOfSatisfying(StoreException.class, e -> {
                    assertThat(e.kind()).isEqualTo(StoreException.Kind.STALE);
                    assertThat(e.getMessage()).isEqualTo("this process (host-a:1, fencing 1) no longer holds the ladder"
                            + " lease; host-b:2 took it (fencing 2); nothing was committed");
                });
    }

    // ------------------------------------------------------------ the paused leader

    @Test
    void aPausedLeaderCannotCommitAWaveOnceAnotherTookTheLease() {
        PostgresLadderStore unfenced = new PostgresLadderStore(db);
        ContractFixtures.register(unfenced, 1, 2);
        QueuedPlayer one = queued(1, "bw", "bw_zerg");
        QueuedPlayer two = queued(2, "sc2", "sc2_terran");
        Term held = a.tryAcquire().term();
        // The old leader's stores: its matches are written unfenced, so only the wave's own check refuses.
        PostgresQueueStore queueOfA = new PostgresQueueStore(db, a.fence(held));
        queueOfA.add(new StoredEntry(one, 1, T0.plusSeconds(900), Optional.empty()), Instant.EPOCH);
        queueOfA.add(new StoredEntry(two, 2, T0.plusSeconds(900), Optional.empty()), Instant.EPOCH);

        // A pauses (its clock stands still) past its lease; B takes over.
        clockB.advance(LEASE.plusSeconds(1));
        assertThat(b.tryAcquire().acquired()).isTrue();

        // A resumes and runs the wave it was about to run.
        assertThatThrownBy(() -> queueOfA.commitWave(() -> {
            unfenced.matches().createAll(List.of(draft(one, two)));
            return new WaveCommit(1, List.of(new EntryKey(one.id(), 1), new EntryKey(two.id(), 2)));
        })).isInstanceOfSatisfying(StoreException.class, e -> {
            assertThat(e.kind()).isEqualTo(StoreException.Kind.STALE);
            assertThat(e.getMessage()).contains("no longer holds the ladder lease");
        });

        assertThat(unfenced.matches().open()).as("the wave's match, written inside the refused transaction").isEmpty();
        var queue = new PostgresQueueStore(db).load(Instant.EPOCH);
        assertThat(queue.entries()).extracting(e -> e.player().id()).containsExactly(one.id(), two.id());
        assertThat(queue.inMatch()).isEmpty();
    }

    @Test
    void aPausedLeaderCannotCreateMatchesNorCommitATransitionOnceAnotherTookTheLease() {
        Term heldByA = a.tryAcquire().term();
        PostgresLadderStore storeOfA = new PostgresLadderStore(db, a.fence(heldByA));
        ContractFixtures.register(storeOfA, 1, 2, 3, 4);
        Match found = storeOfA.matches().createAll(List.of(ContractFixtures.draft(1, 2))).get(0);
        Match confirmed = found.nextVersion()
                .withParticipant(found.player1().withConfirmedAt(ContractFixtures.at(5)))
                .withStarted(ContractFixtures.at(5));

        clockB.advance(LEASE.plusSeconds(1));
        Term heldByB = b.tryAcquire().term();

        assertThatThrownBy(() -> storeOfA.matches().commit(MatchTransition.of(confirmed)))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.STALE));
        assertThatThrownBy(() -> storeOfA.matches().createAll(List.of(ContractFixtures.draft(3, 4))))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.STALE));
        assertThat(storeOfA.matches().find(found.id())).as("the match as A created it").contains(found);
        assertThat(storeOfA.matches().open()).containsExactly(found);

        // The new leader, fenced with its own term, commits the same transition.
        PostgresLadderStore storeOfB = new PostgresLadderStore(db, b.fence(heldByB));
        assertThat(storeOfB.matches().commit(MatchTransition.of(confirmed)).match()).isEqualTo(confirmed);
    }

    private static QueuedPlayer queued(long id, String game, String race) {
        return new QueuedPlayer(PlayerId.of(id), List.of(new Seat(game, race, 1500)), Preferences.NONE, T0, 0);
    }

    private static MatchDraft draft(QueuedPlayer one, QueuedPlayer two) {
        Pair pair = new Pair(one, one.seats().get(0), two, two.seats().get(0));
        return MatchDraft.of(pair, new MatchSetup("Fighting Spirit", "EU"), T0, T0.plusSeconds(60));
    }
}
