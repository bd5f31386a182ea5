package dev.matchwave.matchmaking.queue;

import static dev.matchwave.matchmaking.queue.TestRules.single;
import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.matchmaking.MatchRules;
import dev.matchwave.matchmaking.Pair;
import dev.matchwave.matchmaking.Pairing;
import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.Preferences;
import dev.matchwave.matchmaking.QueuedPlayer;
import dev.matchwave.matchmaking.queue.store.ForwardingQueueStore;
import dev.matchwave.matchmaking.queue.store.InMemoryQueueStore;
import dev.matchwave.matchmaking.queue.store.QueueStore;
import dev.matchwave.matchmaking.queue.store.StoredEntry;
import dev.matchwave.matchmaking.queue.store.StoredQueue;
import dev.matchwave.matchmaking.queue.store.WaveCommit;
import dev.matchwave.matchmaking.queue.store.WaveStart;
import dev.matchwave.matchmaking.time.ManualClock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/**
 * QueueService and its waves against a model, in any order of joins, leaves, releases, waves
 * (some with a leave while pairing, some whose matches fail to be created) and clock moves
 * that run scheduled waves and expire entries.
 *
 * <p>The model predicts every answer and every event; the invariant after each step: each
 * player is in exactly one place (free, queued once, in a match), nobody is lost, and the
 * queue holds exactly whom the model says, in join order, with the right wait cycles.
 *
 * <p>{@link #aRestartLosesNobody} adds crashes: a restart (a new service over the same store, the
 * old one gone without settling anything), a crash inside a wave's unit of work (its matches
 * are not stored: the players are queued after the restart) and a crash just after it (they are
 * in a match). The model does not change on a restart: the restored service must agree with
 * it exactly, join limits and wait cycles included.
 */
class QueueServiceProperties {

    /** Listener failures are expected here; keep their stack traces out of the test log. */
    private static final Logger QUIET = Logger.getLogger(QueueService.class.getName());

    static {
        QUIET.setLevel(Level.OFF);
    }

    static final List<PlayerId> POOL = List.of(PlayerId.of(1), PlayerId.of(2), PlayerId.of(3), PlayerId.of(4),
            PlayerId.of(5), PlayerId.of(6));
    static final QueueConfig CONFIG = QueueConfig.builder().waveInterval(Duration.ofSeconds(45))
            .maxWait(Duration.ofMinutes(5)).joinLimit(3, Duration.ofMinutes(1)).build();

    @Property(tries = 400)
    void eachPlayerIsInOnePlaceAndNobodyIsLost(@ForAll("chains") ActionChain<Harness> chain) {
        chain.withInvariant("one place each, nobody lost", Harness::check).run();
    }

    @Property(tries = 300)
    void aRestartLosesNobody(@ForAll("crashingChains") ActionChain<Harness> chain) {
        chain.withInvariant("one place each, nobody lost", Harness::check).run();
    }

    @Provide
    Arbitrary<ActionChain<Harness>> crashingChains() {
        return ActionChain.<Harness>startWith(Harness::new)
                .withAction(4, join())
                .withAction(2, leave())
                .withAction(1, release())
                .withAction(3, waveNow())
                .withAction(2, crashingWave())
                .withAction(2, restart())
                .withAction(2, advance())
                .withMaxTransformations(40);
    }

    static Action.Independent<Harness> restart() {
        return () -> Arbitraries.just(Transformer.mutate("restart", Harness::restart));
    }

    static Action.Independent<Harness> crashingWave() {
        return () -> Combinators.combine(Arbitraries.of(Mode.CRASH_IN_WAVE, Mode.CRASH_AFTER_COMMIT),
                        Arbitraries.integers().between(0, 100))
                .as((mode, seed) -> Transformer.mutate("wave " + mode + " #" + seed, h -> h.waveNow(mode, seed)));
    }

    @Provide
    Arbitrary<ActionChain<Harness>> chains() {
        return ActionChain.<Harness>startWith(Harness::new)
                .withAction(4, join())
                .withAction(2, leave())
                .withAction(1, release())
                .withAction(3, waveNow())
                .withAction(2, advance())
                .withMaxTransformations(40);
    }

    static Arbitrary<PlayerId> players() {
        return Arbitraries.of(POOL);
    }

    static Action.Independent<Harness> join() {
        return () -> Combinators.combine(players(), Arbitraries.integers().between(14, 17))
                .as((id, r) -> Transformer.mutate("join " + id + " at " + r * 100, h -> h.join(id, r * 100)));
    }

    static Action.Independent<Harness> leave() {
        return () -> players().map(id -> Transformer.mutate("leave " + id, h -> h.leave(id)));
    }

    static Action.Independent<Harness> release() {
        return () -> players().map(id -> Transformer.mutate("release " + id, h -> h.release(id)));
    }

    static Action.Independent<Harness> waveNow() {
        return () -> Combinators.combine(Arbitraries.of(Mode.class), Arbitraries.integers().between(0, 100))
                .as((mode, seed) -> Transformer.mutate("wave " + mode + " #" + seed, h -> h.waveNow(mode, seed)));
    }

    static Action.Independent<Harness> advance() {
        Arbitrary<Duration> short_ = Arbitraries.integers().between(1, 60).map(Duration::ofSeconds);
        Arbitrary<Duration> long_ = Arbitraries.integers().between(1, 8).map(Duration::ofMinutes);
        return () -> Arbitraries.oneOf(short_, long_)
                .map(d -> Transformer.mutate("advance " + d, h -> h.clock.advance(d)));
    }

    /** What a hand-run wave does besides pairing. */
    enum Mode {
        /** Every pair becomes a match. */
        NORMAL,
        /** A queued player leaves while the pairer works (a concurrent leave). */
        LEAVE_WHILE_PAIRING,
        /** The listener says the first pair could not be created. */
        FIRST_FAILS,
        /** The listener throws: no pair was created. */
        LISTENER_THROWS,
        /** A player of the first pair asks to leave, then his match fails to be created. */
        LEAVE_THEN_FIRST_FAILS,
        /** A player of the first pair is released, then his match fails to be created. */
        RELEASE_THEN_FIRST_FAILS,
        /** The process dies while the listener makes the matches: nothing of the wave's commit is stored. */
        CRASH_IN_WAVE,
        /** The process dies just after the wave's commit was stored. */
        CRASH_AFTER_COMMIT
    }

    /** The process died: nothing after this point runs, and a new one starts from the store. */
    static final class Crash extends Error {
        private static final long serialVersionUID = 1L;

        Crash() {
            super("crash", null, false, false);
        }
    }

    /** The store, and a crash right after a wave's commit when asked. */
    static final class CrashingStore extends ForwardingQueueStore {
        boolean crashAfterCommit;

        @Override
        public WaveCommit commitWave(Supplier<WaveCommit> work) {
            WaveCommit commit = delegate.commitWave(work);
            if (crashAfterCommit) {
                throw new Crash();
            }
            return commit;
        }
    }

    /** The service under test, its virtual clock, and the model it must agree with. */
    static final class Harness {
        final ManualClock clock = ManualClock.atEpochSecond(1_700_000_017L);
        final CrashingStore store = new CrashingStore();
        QueueService service;
        /** The current process has crashed: what it still does (settling its wave) is not seen. */
        boolean crashed;

        final Map<PlayerId, PlayerState> state = new HashMap<>();
        final Map<PlayerId, Long> order = new HashMap<>();
        final Map<PlayerId, Instant> joinedAt = new HashMap<>();
        final Map<PlayerId, Integer> cycles = new HashMap<>();
        final Map<PlayerId, ArrayDeque<Instant>> accepted = new HashMap<>();
        final Set<PlayerId> requeuesDue = new HashSet<>();
        long nextOrder;
        Mode mode = Mode.NORMAL;
        int seed;
        int leftWhilePairing;

        Harness() {
            service = build();
            service.start();
        }

        private QueueService build() {
            return QueueService.builder(TestRules.SINGLE, this::pair).clock(clock).scheduler(clock).config(CONFIG)
                    .onWave(this::onWave).onEvent(this::onEvent).store(store).build();
        }

        /** A new process over the same store; the old one stops dead (its timers with it). */
        void restart() {
            service.close();
            crashed = false;
            store.crashAfterCommit = false;
            service = build();
            assertThat(service.restored()).extracting(QueuedPlayer::id).containsExactlyElementsOf(modelQueue());
            service.start();
        }

        PlayerState modelState(PlayerId id) {
            return state.getOrDefault(id, PlayerState.FREE);
        }

        List<PlayerId> modelQueue() {
            return POOL.stream().filter(id -> modelState(id) == PlayerState.QUEUED)
                    .sorted(Comparator.comparing(order::get)).toList();
        }

        Set<PlayerId> modelInMatch() {
            return POOL.stream().filter(id -> modelState(id) == PlayerState.IN_MATCH).collect(Collectors.toSet());
        }

        // ------------------------------------------------------------ actions

        void join(PlayerId id, int rating) {
            Instant now = clock.instant();
            JoinResult result = service.join(id, single(rating), Preferences.NONE);
            switch (modelState(id)) {
                case IN_MATCH -> assertThat(result).isInstanceOfSatisfying(JoinResult.Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(JoinResult.Reason.IN_MATCH));
                case QUEUED -> assertThat(result).isInstanceOfSatisfying(JoinResult.AlreadyQueued.class,
                        r -> assertThat(r.player().joinedAt()).isEqualTo(joinedAt.get(id)));
                case FREE -> {
                    ArrayDeque<Instant> joins = accepted.computeIfAbsent(id, k -> new ArrayDeque<>());
                    joins.removeIf(t -> !t.plus(CONFIG.joinLimitWindow()).isAfter(now));
                    if (joins.size() >= CONFIG.joinLimit()) {
                        Duration retry = Duration.between(now, joins.peekFirst().plus(CONFIG.joinLimitWindow()));
                        assertThat(result).isEqualTo(JoinResult.Refused.rateLimited(retry, CONFIG.joinLimit(),
                                CONFIG.joinLimitWindow()));
                    } else {
                        assertThat(result).isInstanceOf(JoinResult.Joined.class);
                        joins.addLast(now);
                        state.put(id, PlayerState.QUEUED);
                        order.put(id, nextOrder++);
                        joinedAt.put(id, now);
                        cycles.put(id, 0);
                    }
                }
            }
        }

        void leave(PlayerId id) {
            LeaveResult result = service.leave(id);
            switch (modelState(id)) {
                case QUEUED -> {
                    assertThat(result).isInstanceOfSatisfying(LeaveResult.Left.class,
                            l -> assertThat(l.player().waitCycles()).isEqualTo(cycles.get(id)));
                    state.put(id, PlayerState.FREE);
                }
                case IN_MATCH -> assertThat(result).isEqualTo(new LeaveResult.InMatch());
                case FREE -> assertThat(result).isEqualTo(new LeaveResult.NotQueued());
            }
        }

        void release(PlayerId id) {
            boolean released = service.release(id);
            assertThat(released).isEqualTo(modelState(id) == PlayerState.IN_MATCH);
            if (released) {
                state.put(id, PlayerState.FREE);
            }
        }

        void waveNow(Mode mode, int seed) {
            this.mode = mode;
            this.seed = seed;
            store.crashAfterCommit = mode == Mode.CRASH_AFTER_COMMIT;
            try {
                service.runWave();
            } catch (Crash crash) {
                crashed = true;
                restart();
            } finally {
                this.mode = Mode.NORMAL;
            }
        }

        // ------------------------------------------------------------ the service's collaborators

        Pairing pair(List<QueuedPlayer> queue, MatchRules rules) {
            assertThat(queue).extracting(QueuedPlayer::id).containsExactlyElementsOf(modelQueue());
            for (QueuedPlayer player : queue) {
                assertThat(player.waitCycles()).as("cycles of %s", player.id()).isEqualTo(cycles.get(player.id()) + 1);
                assertThat(player.joinedAt()).isEqualTo(joinedAt.get(player.id()));
            }
            if (mode == Mode.LEAVE_WHILE_PAIRING) {
                PlayerId victim = queue.get(seed % queue.size()).id();
                assertThat(service.leave(victim)).isInstanceOf(LeaveResult.Left.class);
                state.put(victim, PlayerState.FREE);
                leftWhilePairing++;
            }
            return TestRules.greedy().pair(queue, rules);
        }

        WaveReceipt onWave(Wave wave) {
            int snapshot = modelQueue().size() + leftWhilePairing;
            leftWhilePairing = 0;
            assertThat(wave.queued()).isEqualTo(snapshot);
            modelQueue().forEach(id -> cycles.merge(id, 1, Integer::sum));
            Set<PlayerId> seen = new HashSet<>();
            for (Pair pair : wave.pairs()) {
                for (QueuedPlayer player : List.of(pair.first(), pair.second())) {
                    assertThat(seen.add(player.id())).as("%s twice in a wave", player.id()).isTrue();
                    assertThat(modelState(player.id())).as("state of matched %s", player.id()).isEqualTo(PlayerState.QUEUED);
                    assertThat(player.waitCycles()).isEqualTo(cycles.get(player.id()));
                    state.put(player.id(), PlayerState.IN_MATCH);
                }
            }
            assertThat(wave.unmatched()).isEqualTo(modelQueue().size());
            if (wave.pairs().isEmpty()) {
                return WaveReceipt.allCreated();
            }
            Pair first = wave.pairs().get(0);
            switch (mode) {
                case NORMAL, LEAVE_WHILE_PAIRING, CRASH_AFTER_COMMIT -> {
                    return WaveReceipt.allCreated();
                }
                case CRASH_IN_WAVE -> {
                    // Nothing of the wave's commit is stored: after the restart they are queued, cycles kept.
                    wave.pairs().forEach(p -> List.of(p.first().id(), p.second().id())
                            .forEach(id -> state.put(id, PlayerState.QUEUED)));
                    crashed = true;
                    throw new Crash();
                }
                case FIRST_FAILS -> {
                    requeuesDue.addAll(List.of(first.first().id(), first.second().id()));
                    return WaveReceipt.notCreated(List.of(first));
                }
                case LISTENER_THROWS -> {
                    wave.pairs().forEach(p -> requeuesDue.addAll(List.of(p.first().id(), p.second().id())));
                    throw new IllegalStateException("database down");
                }
                case LEAVE_THEN_FIRST_FAILS -> {
                    assertThat(service.leave(first.first().id())).isEqualTo(new LeaveResult.InMatch());
                    state.put(first.first().id(), PlayerState.FREE);
                    requeuesDue.add(first.second().id());
                    return WaveReceipt.notCreated(List.of(first));
                }
                case RELEASE_THEN_FIRST_FAILS -> {
                    assertThat(service.release(first.second().id())).isTrue();
                    state.put(first.second().id(), PlayerState.FREE);
                    requeuesDue.add(first.first().id());
                    return WaveReceipt.notCreated(List.of(first));
                }
            }
            throw new AssertionError(mode);
        }

        void onEvent(QueueEvent event) {
            if (crashed) {
                return;
            }
            PlayerId id = event.player().id();
            switch (event) {
                case QueueEvent.Expired expired -> {
                    assertThat(modelState(id)).isEqualTo(PlayerState.QUEUED);
                    assertThat(expired.at()).as("expiry time of %s", id).isEqualTo(joinedAt.get(id).plus(CONFIG.maxWait()));
                    state.put(id, PlayerState.FREE);
                }
                case QueueEvent.Requeued requeued -> {
                    assertThat(requeuesDue.remove(id)).as("requeue of %s expected", id).isTrue();
                    assertThat(requeued.player().waitCycles()).isEqualTo(cycles.get(id));
                    assertThat(requeued.player().joinedAt()).isEqualTo(joinedAt.get(id));
                    state.put(id, PlayerState.QUEUED);
                }
            }
        }

        // ------------------------------------------------------------ the invariant

        void check() {
            QueueSnapshot snapshot = service.snapshot();
            List<PlayerId> queued = snapshot.queued().stream().map(QueuedPlayer::id).toList();
            assertThat(queued).doesNotHaveDuplicates();
            assertThat(queued).as("queued and in a match").noneMatch(snapshot.inMatch()::contains);
            assertThat(requeuesDue).as("requeues announced").isEmpty();
            for (PlayerId id : POOL) {
                assertThat(service.stateOf(id)).as("state of %s", id).isEqualTo(modelState(id));
            }
            assertThat(queued).containsExactlyElementsOf(modelQueue());
            assertThat(snapshot.inMatch()).containsExactlyInAnyOrderElementsOf(modelInMatch());
            for (QueuedPlayer player : snapshot.queued()) {
                assertThat(player.waitCycles()).isEqualTo(cycles.get(player.id()));
                assertThat(player.joinedAt().plus(CONFIG.maxWait())).as("deadline of %s", player.id())
                        .isAfter(snapshot.at());
            }
            QueueStatus status = service.status();
            assertThat(status.queued()).isEqualTo(queued.size());
            assertThat(status.matchesInProgress()).isEqualTo(snapshot.inMatch().size() / 2);
            assertThat(status.queuedByRace()).isEqualTo(queued.isEmpty() ? Map.of() : Map.of("any", queued.size()));
            assertThat(Optional.of(status.nextWave())).contains(CONFIG.nextWaveAfter(snapshot.at()));
        }

        @Override
        public String toString() {
            return "queue " + modelQueue() + ", in match " + modelInMatch();
        }
    }
}
