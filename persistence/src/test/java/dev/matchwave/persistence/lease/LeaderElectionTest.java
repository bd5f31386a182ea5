package dev.matchwave.persistence.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.matchwave.matchmaking.ladder.StoreException;
import dev.matchwave.matchmaking.time.ManualClock;
import dev.matchwave.persistence.Database;
import dev.matchwave.persistence.TestDatabases;
import dev.matchwave.persistence.lease.LeaderElection.State;
import dev.matchwave.persistence.lease.LeaderElection.Timing;
import dev.matchwave.persistence.lease.LeaderLease.Term;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two processes' elections on one database, each on its own virtual clock (which is also its
 * scheduler: polls and renewals run when the test advances that clock). Nothing sleeps.
 */
class LeaderElectionTest {

    static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    static final Timing TIMING = Timing.DEFAULT;

    Database db;
    ManualClock clockA;
    ManualClock clockB;
    Recorder seenByA;
    Recorder seenByB;
    LeaderElection a;
    LeaderElection b;

    /** What a listener was told, in order. */
    static final class Recorder implements LeaderElection.Listener {
        final List<String> events = new ArrayList<>();

        @Override
        public void leading(Term term) {
            events.add("leading " + term.fencing());
        }

        @Override
        public void lost(Term last, String why) {
            events.add("lost " + last.fencing() + ": " + why);
        }
    }

    @BeforeEach
    void setUp() {
        TestDatabases.emptyStore();
        db = TestDatabases.shared();
        clockA = new ManualClock(T0);
        clockB = new ManualClock(T0);
        seenByA = new Recorder();
        seenByB = new Recorder();
        a = election("host-a:1", clockA, seenByA);
        b = election("host-b:2", clockB, seenByB);
    }

    private LeaderElection election(String holder, ManualClock clock, Recorder listener) {
        return new LeaderElection(new LeaderLease(db, LeaderLease.LADDER, holder, clock, TIMING.lease()), TIMING,
                clock, clock, listener);
    }

    /** Both clocks forward together, a second at a time, as two live processes. */
    private void bothAdvance(Duration duration) {
        for (long s = 0; s < duration.toSeconds(); s++) {
            clockA.advance(Duration.ofSeconds(1));
            clockB.advance(Duration.ofSeconds(1));
        }
    }

    @Test
    void theFirstLeadsAndKeepsTheLeaseWhileTheStandbyWaits() {
        a.start();
        clockA.runDue();
        b.start();
        clockB.runDue();

        bothAdvance(Duration.ofSeconds(60));

        assertThat(a.state()).isEqualTo(State.LEADING);
        assertThat(b.state()).isEqualTo(State.STANDBY);
        assertThat(seenByA.events).containsExactly("leading 1");
        assertThat(seenByB.events).isEmpty();
        assertThat(a.term()).get().extracting(Term::expiresAt).as("renewed every 3 s")
                .satisfies(expiry -> assertThat(expiry).isAfter(clockA.instant().plus(TIMING.lease()).minus(TIMING.renewEvery()).minusMillis(1)));
    }

    @Test
    void theStandbyTakesOverWithinTheTakeoverTimeOfTheLeadersLastRenewal() {
        a.start();
        clockA.runDue();
        b.start();
        clockB.runDue();
        bothAdvance(Duration.ofSeconds(7));
        Instant lastRenewal = a.term().orElseThrow().expiresAt().minus(TIMING.lease());

        a.halt(); // killed: no more renewals, nothing released
        Instant diedAt = clockB.instant();
        while (b.state() == State.STANDBY && clockB.instant().isBefore(diedAt.plusSeconds(60))) {
            clockB.advance(Duration.ofMillis(100));
        }

        assertThat(b.state()).isEqualTo(State.LEADING);
        assertThat(seenByB.events).containsExactly("leading 2");
        assertThat(Duration.between(lastRenewal, clockB.instant())).isLessThanOrEqualTo(TIMING.takeover());
        assertThat(Duration.between(diedAt, clockB.instant())).isLessThan(Duration.ofSeconds(15));
        assertThat(a.state()).isEqualTo(State.STOPPED);
    }

    @Test
    void aLeaderThatClosesReleasesAndTheStandbyTakesOverAtItsNextPoll() {
        a.start();
        clockA.runDue();
        b.start();
        clockB.runDue();

        a.close();
        clockB.advance(TIMING.pollEvery());

        assertThat(b.state()).isEqualTo(State.LEADING);
        assertThat(b.term()).get().extracting(Term::fencing).isEqualTo(2L);
    }

    @Test
    void aPausedLeaderLearnsAtItsNextRenewalThatItLostAndItsFenceRefuses() {
        a.start();
        clockA.runDue();
        b.start();
        clockB.runDue();

        // A pauses: its clock stands still while B's runs past the lease.
        clockB.advance(TIMING.takeover());
        assertThat(b.state()).isEqualTo(State.LEADING);
        assertThat(a.state()).as("paused, it does not know yet").isEqualTo(State.LEADING);

        clockA.advance(TIMING.renewEvery());

        assertThat(a.state()).isEqualTo(State.LOST);
        assertThat(seenByA.events).hasSize(2);
        assertThat(seenByA.events.get(1)).startsWith("lost 1: another process took it: held by host-b:2 (fencing 2)");
        assertThatThrownBy(() -> db.dsl().transaction(tx -> a.fence().check(tx.dsl())))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.STALE));
        db.dsl().transaction(tx -> b.fence().check(tx.dsl()));
        assertThat(clockA.pendingTasks()).as("a lost election stops").isZero();
    }

    @Test
    void aStandbysFenceRefusesWithoutReadingTheRow() {
        a.start();
        clockA.runDue();
        b.start();
        clockB.runDue();

        assertThatThrownBy(() -> db.dsl().transaction(tx -> b.fence().check(tx.dsl())))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("this process (host-b:2) does not hold the ladder lease (standby); nothing was"
                                + " committed"));
    }

    @Test
    void aRenewalTimingThatLeavesNoSecondTryIsRefused() {
        assertThatThrownBy(() -> new Timing(Duration.ofSeconds(10), Duration.ofSeconds(6), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most every half lease");
    }
}
