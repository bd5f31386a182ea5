package dev.matchwave.matchmaking.queue;

import static dev.matchwave.matchmaking.queue.TestRules.SINGLE;
import static dev.matchwave.matchmaking.queue.TestRules.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.Preferences;
import dev.matchwave.matchmaking.QueuedPlayer;
import dev.matchwave.matchmaking.ladder.StoreException;
import dev.matchwave.matchmaking.queue.store.ForwardingQueueStore;
import dev.matchwave.matchmaking.queue.store.QueueStore;
import dev.matchwave.matchmaking.queue.store.StoredEntry;
import dev.matchwave.matchmaking.queue.store.StoredQueue;
import dev.matchwave.matchmaking.queue.store.WaveCommit;
import dev.matchwave.matchmaking.queue.store.WaveStart;
import dev.matchwave.matchmaking.time.ManualClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A join stores its entry outside the queue's lock: while one player's write is slow, waves run,
 * the joins that come meanwhile wait and are then stored together (group commit), and calls about
 * that player wait for his write. The slow write is a store whose {@code add} for one player
 * holds until the test lets it go (no sleeps: the test waits for threads to reach the points it
 * names).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class QueueServiceJoiningTest {

    static final PlayerId SLOW = PlayerId.of(1);
    static final PlayerId B = PlayerId.of(2);
    static final PlayerId C = PlayerId.of(3);

    final ManualClock clock = ManualClock.atEpochSecond(QueueServiceTest.T0);
    final HeldStore store = new HeldStore(SLOW);
    /** One group writer: the joins that come during a write wait for the next one. */
    final QueueService service = QueueService.builder(SINGLE, TestRules.greedy()).clock(clock).store(store)
            .storeWriters(1).build();
    Thread joiner;

    @AfterEach
    void letGo() throws InterruptedException {
        store.release.countDown();
        if (joiner != null) {
            joiner.join();
        }
    }

    /** Starts the slow player's join on its own thread and returns once his write is under way. */
    CompletableFuture<JoinResult> slowJoin() throws InterruptedException {
        CompletableFuture<JoinResult> result = new CompletableFuture<>();
        joiner = new Thread(() -> {
            try {
                result.complete(service.join(SLOW, single(1500), Preferences.NONE, Optional.of("slow-contact")));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }, "slow-join");
        joiner.start();
        assertThat(store.entered.await(10, TimeUnit.SECONDS)).as("the slow join reached the store").isTrue();
        return result;
    }

    /** Starts a join of {@code player} on its own thread. */
    CompletableFuture<JoinResult> joinOnAThread(PlayerId player, int rating, List<Thread> started) {
        CompletableFuture<JoinResult> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(service.join(player, single(rating), Preferences.NONE));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }, "join-" + player.value());
        started.add(thread);
        thread.start();
        return result;
    }

    @Test
    void aWaveRunsWhileJoinsAreStoredAndTheJoinsThatCameMeanwhileAreStoredTogether() throws Exception {
        CompletableFuture<JoinResult> slow = slowJoin();
        List<Thread> others = new ArrayList<>();
        CompletableFuture<JoinResult> b = joinOnAThread(B, 1500, others);
        awaitWaiting(others.get(0)); // B has his place in join order before C asks for one
        CompletableFuture<JoinResult> c = joinOnAThread(C, 1510, others);
        others.forEach(QueueServiceJoiningTest::awaitWaiting);

        // Under a lock held across the write, the wave would wait for the slow write (and time out).
        assertThat(service.stateOf(SLOW)).as("not queued before his entry is stored").isEqualTo(PlayerState.FREE);
        assertThat(service.status().queued()).isZero();
        Wave wave = service.runWave();
        assertThat(wave.queued()).as("the wave saw nobody queued yet").isZero();
        assertThat(slow).isNotDone();

        store.release.countDown();
        assertThat(slow.get(10, TimeUnit.SECONDS)).isInstanceOf(JoinResult.Joined.class);
        assertThat(b.get(10, TimeUnit.SECONDS)).isInstanceOf(JoinResult.Joined.class);
        assertThat(c.get(10, TimeUnit.SECONDS)).isInstanceOf(JoinResult.Joined.class);
        assertThat(store.batches).as("one write for the slow join, one for the two that waited").containsExactly(1, 2);
        assertThat(service.contact(SLOW)).hasValue("slow-contact");
        StoredQueue stored = store.delegate.load(Instant.EPOCH);
        assertThat(stored.entries()).extracting(e -> e.player().id()).containsExactly(SLOW, B, C);
        assertThat(stored.entries().get(0).contact()).hasValue("slow-contact");
        assertThat(service.runWave().pairs()).hasSize(1);
    }

    @Test
    void withSeveralWritersASlowWriteHoldsUpOnlyItsOwnBatch() throws Exception {
        QueueService parallel = QueueService.builder(SINGLE, TestRules.greedy()).clock(clock).store(store).build();
        CompletableFuture<JoinResult> slow = new CompletableFuture<>();
        joiner = new Thread(() -> slow.complete(parallel.join(SLOW, single(1500), Preferences.NONE)), "slow-join");
        joiner.start();
        assertThat(store.entered.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(parallel.join(B, single(1500), Preferences.NONE)).isInstanceOf(JoinResult.Joined.class);
        assertThat(parallel.join(C, single(1510), Preferences.NONE)).isInstanceOf(JoinResult.Joined.class);
        assertThat(slow).isNotDone();
        store.release.countDown();
        assertThat(slow.get(10, TimeUnit.SECONDS)).isInstanceOf(JoinResult.Joined.class);
        assertThat(parallel.snapshot().queued()).extracting(QueuedPlayer::id).containsExactly(SLOW, B, C);
    }

    @Test
    void joinOrderIsTheOrderOfTheCallsNotOfTheWrites() throws Exception {
        CompletableFuture<JoinResult> slow = slowJoin();
        List<Thread> others = new ArrayList<>();
        CompletableFuture<JoinResult> b = joinOnAThread(B, 1500, others);
        others.forEach(QueueServiceJoiningTest::awaitWaiting);
        store.release.countDown();
        slow.get(10, TimeUnit.SECONDS);
        b.get(10, TimeUnit.SECONDS);

        assertThat(service.snapshot().queued()).extracting(QueuedPlayer::id).containsExactly(SLOW, B);
        QueueService restored = QueueService.builder(SINGLE, TestRules.greedy()).clock(clock).store(store.delegate).build();
        assertThat(restored.restored()).extracting(QueuedPlayer::id).containsExactly(SLOW, B);
    }

    @Test
    void aLeaveDuringHisJoinWaitsForTheWriteAndThenLeaves() throws Exception {
        CompletableFuture<JoinResult> slow = slowJoin();
        CompletableFuture<LeaveResult> leave = new CompletableFuture<>();
        Thread leaver = new Thread(() -> leave.complete(service.leave(SLOW)), "leaver");
        leaver.start();
        awaitWaiting(leaver);
        assertThat(leave).isNotDone();

        store.release.countDown();
        assertThat(slow.get(10, TimeUnit.SECONDS)).isInstanceOf(JoinResult.Joined.class);
        // Answered "not queued" without waiting, he would stay queued after clicking Cancel.
        assertThat(leave.get(10, TimeUnit.SECONDS)).isInstanceOf(LeaveResult.Left.class);
        assertThat(service.stateOf(SLOW)).isEqualTo(PlayerState.FREE);
        assertThat(store.delegate.load(Instant.EPOCH).entries()).isEmpty();
    }

    @Test
    void aSecondJoinDuringTheFirstWaitsAndFindsHimQueued() throws Exception {
        CompletableFuture<JoinResult> slow = slowJoin();
        CompletableFuture<JoinResult> again = new CompletableFuture<>();
        Thread second = new Thread(() -> again.complete(service.join(SLOW, single(1500), Preferences.NONE)), "again");
        second.start();
        awaitWaiting(second);

        store.release.countDown();
        assertThat(slow.get(10, TimeUnit.SECONDS)).isInstanceOf(JoinResult.Joined.class);
        assertThat(again.get(10, TimeUnit.SECONDS)).isInstanceOf(JoinResult.AlreadyQueued.class);
        assertThat(store.adds).as("one entry stored").isEqualTo(1);
    }

    @Test
    void aFailedWriteLeavesNothingAndDoesNotCountTowardsTheJoinLimit() {
        store.failing = true;
        assertThatThrownBy(() -> service.join(SLOW, single(1500), Preferences.NONE))
                .isInstanceOf(StoreException.class).hasMessageContaining("database down");
        assertThat(service.stateOf(SLOW)).isEqualTo(PlayerState.FREE);
        assertThat(service.status().queued()).isZero();

        store.failing = false;
        store.release.countDown();
        for (int i = 0; i < service.config().joinLimit(); i++) {
            assertThat(service.join(SLOW, single(1500), Preferences.NONE)).as("join %d", i + 1)
                    .isInstanceOf(JoinResult.Joined.class);
            service.leave(SLOW);
        }
    }

    @Test
    void aReleaseIsStoredOutsideTheLockAndHisNextJoinWaitsForIt() throws Exception {
        store.release.countDown(); // the slow player's joins go through at once here
        service.join(SLOW, single(1500), Preferences.NONE);
        service.join(B, single(1505), Preferences.NONE);
        assertThat(service.runWave().pairs()).hasSize(1);
        store.holdRelease = SLOW;
        CompletableFuture<Boolean> released = new CompletableFuture<>();
        Thread releaser = new Thread(() -> released.complete(service.release(SLOW)), "release");
        releaser.start();
        assertThat(store.releaseEntered.await(10, TimeUnit.SECONDS)).isTrue();

        // Others are not held up by the write: a join, the status, a wave.
        assertThat(service.join(C, single(1500), Preferences.NONE)).isInstanceOf(JoinResult.Joined.class);
        assertThat(service.status().queued()).isEqualTo(1);
        service.runWave();
        assertThat(service.stateOf(SLOW)).as("in his match until the store said yes").isEqualTo(PlayerState.IN_MATCH);
        CompletableFuture<JoinResult> again = new CompletableFuture<>();
        Thread joiner = new Thread(() -> again.complete(service.join(SLOW, single(1500), Preferences.NONE)), "again");
        joiner.start();
        awaitWaiting(joiner);

        store.releaseHeld.countDown();
        assertThat(released.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(again.get(10, TimeUnit.SECONDS)).as("not refused as in a match").isInstanceOf(JoinResult.Joined.class);
        assertThat(store.delegate.load(Instant.EPOCH).inMatch()).containsExactly(B);
    }

    /** Returns once {@code thread} waits (for the slow join's write to end). */
    static void awaitWaiting(Thread thread) {
        while (thread.getState() != Thread.State.WAITING) {
            assertThat(thread.getState()).as("state of " + thread.getName()).isNotEqualTo(Thread.State.TERMINATED);
            Thread.onSpinWait();
        }
    }

    /** An in-memory store whose {@code add} of one player holds until {@link #release}. */
    static final class HeldStore extends ForwardingQueueStore {
        final PlayerId held;
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile boolean failing;
        volatile int adds;
        volatile PlayerId holdRelease;
        final CountDownLatch releaseEntered = new CountDownLatch(1);
        final CountDownLatch releaseHeld = new CountDownLatch(1);
        /** The size of each {@link #addAll} call, in order. */
        final List<Integer> batches = new java.util.concurrent.CopyOnWriteArrayList<>();

        HeldStore(PlayerId held) {
            this.held = held;
        }

        @Override
        public void add(StoredEntry entry, Instant forgetJoinsBefore) {
            if (failing) {
                throw new StoreException(StoreException.Kind.UNAVAILABLE, "database down");
            }
            if (entry.player().id().equals(held)) {
                entered.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                adds++;
            }
            delegate.add(entry, forgetJoinsBefore);
        }

        @Override
        public Map<PlayerId, RuntimeException> addAll(List<StoredEntry> entries, Instant forgetJoinsBefore) {
            batches.add(entries.size());
            return super.addAll(entries, forgetJoinsBefore);
        }

        @Override
        public void release(PlayerId player) {
            if (player.equals(holdRelease)) {
                releaseEntered.countDown();
                try {
                    releaseHeld.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            delegate.release(player);
        }

    }
}
