package dev.matchwave.matchmaking.queue;

import static dev.matchwave.matchmaking.queue.TestRules.single;
import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.matchmaking.Pair;
import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.Preferences;
import dev.matchwave.matchmaking.QueuedPlayer;
import dev.matchwave.matchmaking.time.Scheduler;

import dev.matchwave.matchmaking.queue.store.InMemoryQueueStore;
import dev.matchwave.matchmaking.queue.store.StoredQueue;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Several threads join and leave while scheduled and hand-run waves pair, some matches fail to
 * be created, entries expire and a match lifecycle releases players. At the end every player
 * is in one place and the books balance: nobody was lost or duplicated.
 */
@Tag("stress")
class QueueServiceStressTest {

    private static final Logger QUIET = Logger.getLogger(QueueService.class.getName());

    static {
        QUIET.setLevel(Level.OFF);
    }

    static final int PLAYERS = 300;
    static final int WORKERS = 3;
    static final Duration RUN = Duration.ofSeconds(2);

    final AtomicLong joined = new AtomicLong();
    final AtomicLong left = new AtomicLong();
    final AtomicLong expired = new AtomicLong();
    final AtomicLong requeued = new AtomicLong();
    final AtomicLong matched = new AtomicLong();
    final AtomicLong notCreated = new AtomicLong();
    final AtomicLong released = new AtomicLong();
    final AtomicLong waves = new AtomicLong();
    final ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<PlayerId> toRelease = new ConcurrentLinkedQueue<>();

    WaveReceipt onWave(Wave wave) {
        long n = waves.incrementAndGet();
        Set<PlayerId> seen = new HashSet<>();
        for (Pair pair : wave.pairs()) {
            if (!seen.add(pair.first().id()) || !seen.add(pair.second().id())) {
                violations.add("wave " + wave.number() + " has a player twice");
            }
        }
        matched.addAndGet(2L * wave.pairs().size());
        if (wave.pairs().isEmpty()) {
            return WaveReceipt.allCreated();
        }
        if (n % 7 == 0) {
            notCreated.addAndGet(2L * wave.pairs().size());
            throw new IllegalStateException("database down");
        }
        List<Pair> failed = n % 3 == 0 ? wave.pairs().subList(0, 1) : List.of();
        notCreated.addAndGet(2L * failed.size());
        for (Pair pair : wave.pairs().subList(failed.size(), wave.pairs().size())) {
            toRelease.add(pair.first().id());
            toRelease.add(pair.second().id());
        }
        return WaveReceipt.notCreated(failed);
    }

    @Test
    void concurrentJoinsLeavesAndWavesLoseNobody() throws Exception {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(2);
        InMemoryQueueStore store = new InMemoryQueueStore();
        QueueService service = QueueService.builder(TestRules.SINGLE, TestRules.greedy())
                .clock(InstantSource.system())
                .store(store)
                .scheduler(Scheduler.forScheduledExecutorService(executor))
                .config(QueueConfig.builder().waveInterval(Duration.ofMillis(5)).maxWait(Duration.ofMillis(150))
                        .joinLimit(1000, Duration.ofSeconds(1)).build())
                .onWave(this::onWave)
                .onEvent(event -> {
                    switch (event) {
                        case QueueEvent.Expired e -> expired.incrementAndGet();
                        case QueueEvent.Requeued r -> requeued.incrementAndGet();
                    }
                })
                .build();
        service.start();

        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch done = new CountDownLatch(WORKERS + 1);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            threads.add(new Thread(() -> work(service, running, done), "worker-" + w));
        }
        threads.add(new Thread(() -> {
            // The match lifecycle: releases players of created matches, a little later.
            while (running.get() || !toRelease.isEmpty()) {
                PlayerId player = toRelease.poll();
                if (player == null) {
                    Thread.onSpinWait();
                } else if (service.release(player)) {
                    released.incrementAndGet();
                }
            }
            done.countDown();
        }, "releaser"));
        threads.forEach(Thread::start);
        Thread.sleep(RUN.toMillis());
        running.set(false);
        service.close();
        executor.shutdown();
        assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        while (!toRelease.isEmpty()) {
            if (service.release(toRelease.poll())) {
                released.incrementAndGet();
            }
        }

        QueueSnapshot end = service.snapshot();
        List<PlayerId> queued = end.queued().stream().map(QueuedPlayer::id).toList();
        assertThat(violations).isEmpty();
        assertThat(queued).doesNotHaveDuplicates();
        assertThat(queued).as("queued and in a match").noneMatch(end.inMatch()::contains);
        for (long id = 1; id <= PLAYERS; id++) {
            PlayerId player = PlayerId.of(id);
            PlayerState expected = queued.contains(player) ? PlayerState.QUEUED
                    : end.inMatch().contains(player) ? PlayerState.IN_MATCH : PlayerState.FREE;
            assertThat(service.stateOf(player)).as("state of %s", player).isEqualTo(expected);
        }
        // The books: every way into and out of the queue and the matches is counted.
        assertThat((long) queued.size()).as("queue size")
                .isEqualTo(joined.get() - left.get() - expired.get() - matched.get() + requeued.get());
        assertThat((long) end.inMatch().size()).as("players in a match")
                .isEqualTo(matched.get() - notCreated.get() - released.get());
        // The store agrees with memory (joins are stored outside the queue's lock, side by side).
        StoredQueue stored = store.load(Instant.EPOCH);
        assertThat(stored.entries()).extracting(e -> e.player().id()).as("stored queue").containsExactlyElementsOf(queued);
        assertThat(stored.inMatch()).as("stored in a match").containsExactlyInAnyOrderElementsOf(end.inMatch());
        assertThat(waves.get()).as("waves run").isGreaterThan(50);
        assertThat(matched.get()).as("players matched").isGreaterThan(100);
        assertThat(expired.get() + requeued.get()).as("expiries and requeues").isPositive();
        System.out.printf("stress: %d waves, %d joins, %d leaves, %d matched, %d not created, %d requeued,"
                        + " %d expired, %d released, %d queued and %d in a match at the end%n", waves.get(), joined.get(),
                left.get(), matched.get(), notCreated.get(), requeued.get(), expired.get(), released.get(),
                queued.size(), end.inMatch().size());
    }

    private void work(QueueService service, AtomicBoolean running, CountDownLatch done) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        try {
            while (running.get()) {
                PlayerId player = PlayerId.of(random.nextLong(1, PLAYERS + 1));
                int dice = random.nextInt(100);
                if (dice < 50) {
                    if (service.join(player, single(1400 + random.nextInt(300)), Preferences.NONE)
                            instanceof JoinResult.Joined) {
                        joined.incrementAndGet();
                    }
                } else if (dice < 85) {
                    if (service.leave(player) instanceof LeaveResult.Left) {
                        left.incrementAndGet();
                    }
                } else if (dice < 86) {
                    service.runWave();
                } else {
                    QueueSnapshot snapshot = service.snapshot();
                    Set<PlayerId> ids = new HashSet<>();
                    for (QueuedPlayer queued : snapshot.queued()) {
                        if (!ids.add(queued.id()) || snapshot.inMatch().contains(queued.id())) {
                            violations.add(queued.id() + " in two places in a snapshot");
                        }
                    }
                    service.status(player);
                }
            }
        } catch (RuntimeException | AssertionError e) {
            violations.add(Thread.currentThread().getName() + ": " + e);
        } finally {
            done.countDown();
        }
    }
}
