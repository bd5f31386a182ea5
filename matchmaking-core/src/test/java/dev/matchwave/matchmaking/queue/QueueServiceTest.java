package dev.matchwave.matchmaking.queue;

import static dev.matchwave.matchmaking.queue.TestRules.SINGLE;
import static dev.matchwave.matchmaking.queue.TestRules.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.matchwave.matchmaking.Pair;
import dev.matchwave.matchmaking.Pairer;
import dev.matchwave.matchmaking.Pairing;
import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.Preferences;
import dev.matchwave.matchmaking.QueueGuard;
import dev.matchwave.matchmaking.QueuedPlayer;
import dev.matchwave.matchmaking.Seat;
import dev.matchwave.matchmaking.time.ManualClock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class QueueServiceTest {

    /** A wave slot: 1_700_000_010 = 37_777_778 * 45. */
    static final long T0 = 1_700_000_010L;

    final ManualClock clock = ManualClock.atEpochSecond(T0);
    /** What the listeners heard, in order, as short lines. */
    final List<String> log = new ArrayList<>();
    final List<Wave> waves = new ArrayList<>();

    static PlayerId p(long id) {
        return PlayerId.of(id);
    }

    QueueService.Builder builder(Pairer pairer) {
        return QueueService.builder(SINGLE, pairer).clock(clock).scheduler(clock)
                .onEvent(event -> log.add(describe(event)));
    }

    QueueService service(Pairer pairer) {
        return builder(pairer).onWave(WaveListener.of(this::heard)).build();
    }

    void heard(Wave wave) {
        waves.add(wave);
        log.add("wave " + wave.number() + " at +" + (wave.at().getEpochSecond() - T0) + "s: "
                + wave.pairs().stream().map(QueueServiceTest::describe).toList()
                + " unmatched " + wave.unmatched());
    }

    static String describe(Pair pair) {
        return pair.first().id() + "-" + pair.second().id();
    }

    String describe(QueueEvent event) {
        long at = event.at().getEpochSecond() - T0;
        return switch (event) {
            case QueueEvent.Expired e -> "expired " + e.player().id() + " at +" + at + "s";
            case QueueEvent.Requeued r -> "requeued " + r.player().id() + " from wave " + r.wave()
                    + " with " + r.player().waitCycles() + " cycles";
        };
    }

    static JoinResult join(QueueService service, long id, int rating) {
        return service.join(p(id), single(rating), Preferences.NONE);
    }

    @Nested
    class Joining {

        @Test
        void aJoinQueuesThePlayerOnceAndASecondJoinChangesNothing() {
            QueueService service = service(TestRules.inJoinOrder());
            JoinResult first = join(service, 1, 1500);
            clock.advance(Duration.ofSeconds(5));
            JoinResult second = service.join(p(1), single(1900), Preferences.of(java.util.Set.of("Fighting Spirit"), "EUW"));

            assertThat(first).isInstanceOf(JoinResult.Joined.class);
            assertThat(second).isInstanceOf(JoinResult.AlreadyQueued.class);
            QueuedPlayer entry = ((JoinResult.AlreadyQueued) second).player();
            assertThat(entry).isEqualTo(((JoinResult.Joined) first).player());
            assertThat(entry.joinedAt()).isEqualTo(Instant.ofEpochSecond(T0));
            assertThat(entry.seats()).containsExactly(new Seat("any", "any", 1500));
            assertThat(service.snapshot().queued()).containsExactly(entry);
            assertThat(second.queued()).isTrue();
        }

        @Test
        void invalidSeatsAreRejectedWithAClearMessageAndChangeNothing() {
            QueueService service = service(TestRules.inJoinOrder());
            assertThatThrownBy(() -> service.join(p(1), List.of(), Preferences.NONE))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no seat");
            assertThatThrownBy(() -> service.join(p(1), List.of(new Seat("bw", "bw_zerg", 1), new Seat("bw", "bw_terran", 1)),
                    Preferences.NONE)).hasMessageContaining("two seats on the same side");
            assertThat(service.stateOf(p(1))).isEqualTo(PlayerState.FREE);
        }

        @Test
        void theGuardRefusesWithItsReasonButAQueuedPlayerIsStillAnsweredAlreadyQueued() {
            AtomicInteger asked = new AtomicInteger();
            QueueGuard banned = player -> {
                asked.incrementAndGet();
                return player.value() == 2 || player.value() == 1 && asked.get() > 1
                        ? Optional.of("You are banned.") : Optional.empty();
            };
            QueueService service = builder(TestRules.inJoinOrder()).guard(banned).build();

            assertThat(join(service, 1, 1500)).isInstanceOf(JoinResult.Joined.class);
            assertThat(join(service, 1, 1500)).isInstanceOf(JoinResult.AlreadyQueued.class);
            JoinResult refused = join(service, 2, 1500);
            assertThat(refused).isEqualTo(new JoinResult.Refused(JoinResult.Reason.GUARD, "You are banned.", Optional.empty()));
            assertThat(refused.queued()).isFalse();
            assertThat(service.stateOf(p(2))).isEqualTo(PlayerState.FREE);
        }

        @Test
        void aPlayerInAMatchIsRefusedUntilReleased() {
            QueueService service = service(TestRules.inJoinOrder());
            join(service, 1, 1500);
            join(service, 2, 1500);
            service.runWave();

            JoinResult refused = join(service, 1, 1500);
            assertThat(refused).isInstanceOfSatisfying(JoinResult.Refused.class, r -> {
                assertThat(r.reason()).isEqualTo(JoinResult.Reason.IN_MATCH);
                assertThat(r.message()).contains("in a match");
            });
            assertThat(service.release(p(1))).isTrue();
            assertThat(service.release(p(1))).isFalse();
            assertThat(join(service, 1, 1500)).isInstanceOf(JoinResult.Joined.class);
            assertThat(service.stateOf(p(2))).isEqualTo(PlayerState.IN_MATCH);
        }

        @Test
        void joinsAreLimitedPerPlayerOnASlidingWindowOfTheInjectedClock() {
            QueueService service = builder(TestRules.inJoinOrder())
                    .config(QueueConfig.builder().joinLimit(3, Duration.ofMinutes(1)).build()).build();
            List<String> answers = new ArrayList<>();
            Function<JoinResult, String> name = r -> switch (r) {
                case JoinResult.Joined j -> "J";
                case JoinResult.AlreadyQueued a -> "A";
                case JoinResult.Refused f -> f.reason() + f.retryAfter().map(d -> "(" + d.toSeconds() + "s)").orElse("");
            };
            for (int second : new int[] {0, 10, 20, 30, 59, 60, 69, 70}) {
                clock.advanceTo(Instant.ofEpochSecond(T0 + second));
                answers.add("+" + second + " " + name.apply(join(service, 1, 1500)));
                service.leave(p(1));
            }
            assertThat(answers).containsExactly("+0 J", "+10 J", "+20 J", "+30 RATE_LIMITED(30s)",
                    "+59 RATE_LIMITED(1s)", "+60 J", "+69 RATE_LIMITED(1s)", "+70 J");
            assertThat(join(service, 2, 1500)).isInstanceOf(JoinResult.Joined.class);
        }

        @Test
        void theRateLimitRefusalSaysWhenToComeBack() {
            QueueService service = service(TestRules.inJoinOrder());
            for (int i = 0; i < 10; i++) {
                join(service, 1, 1500);
                service.leave(p(1));
            }
            clock.advance(Duration.ofSeconds(15));
            assertThat(join(service, 1, 1500)).isInstanceOfSatisfying(JoinResult.Refused.class, r -> {
                assertThat(r.reason()).isEqualTo(JoinResult.Reason.RATE_LIMITED);
                assertThat(r.retryAfter()).contains(Duration.ofSeconds(45));
                assertThat(r.message()).isEqualTo("You joined 10 times in a minute; try again in 45 s.");
            });
        }
    }

    @Nested
    class Leaving {

        @Test
        void leavingWhenNotQueuedIsHarmless() {
            QueueService service = service(TestRules.inJoinOrder());
            assertThat(service.leave(p(7))).isEqualTo(new LeaveResult.NotQueued());
            join(service, 7, 1500);
            clock.advance(Duration.ofSeconds(45));
            LeaveResult left = service.leave(p(7));
            assertThat(left).isInstanceOfSatisfying(LeaveResult.Left.class,
                    l -> assertThat(l.player().id()).isEqualTo(p(7)));
            assertThat(service.leave(p(7))).isEqualTo(new LeaveResult.NotQueued());
            assertThat(service.size()).isZero();
        }

        @Test
        void leavingAfterBeingMatchedAnswersInMatch() {
            QueueService service = service(TestRules.inJoinOrder());
            join(service, 1, 1500);
            join(service, 2, 1500);
            service.runWave();
            assertThat(service.leave(p(1))).isEqualTo(new LeaveResult.InMatch());
            assertThat(service.stateOf(p(1))).isEqualTo(PlayerState.IN_MATCH);
        }
    }

    @Nested
    class Snapshots {

        @Test
        void aSnapshotIsAnImmutableCopyInJoinOrder() {
            QueueService service = service(TestRules.inJoinOrder());
            join(service, 3, 1500);
            join(service, 1, 1500);
            join(service, 2, 1500);
            QueueSnapshot snapshot = service.snapshot();
            service.leave(p(1));

            assertThat(snapshot.queued()).extracting(QueuedPlayer::id).containsExactly(p(3), p(1), p(2));
            assertThatThrownBy(() -> snapshot.queued().clear()).isInstanceOf(UnsupportedOperationException.class);
            assertThat(service.snapshot().queued()).extracting(QueuedPlayer::id).containsExactly(p(3), p(2));
        }

        @Test
        void markInMatchAndClearServeRestartsAndAdmins() {
            QueueService service = service(TestRules.inJoinOrder());
            join(service, 1, 1500);
            join(service, 2, 1500);
            assertThat(service.markInMatch(p(1))).isTrue();
            assertThat(service.markInMatch(p(1))).isFalse();
            assertThat(service.markInMatch(p(9))).isTrue();
            assertThat(service.snapshot().inMatch()).containsExactlyInAnyOrder(p(1), p(9));
            assertThat(service.clear()).extracting(QueuedPlayer::id).containsExactly(p(2));
            assertThat(service.status().queuedByRace()).isEmpty();
            assertThat(service.leave(p(1))).isEqualTo(new LeaveResult.InMatch());
            assertThat(service.stateOf(p(1))).isEqualTo(PlayerState.IN_MATCH);
        }
    }

    @Nested
    class Waves {

        @Test
        void wavesFallOnMultiplesOfTheIntervalOnTheUnixTimeLine() {
            ManualClock off = ManualClock.atEpochSecond(1000);
            QueueService service = QueueService.builder(SINGLE, TestRules.inJoinOrder()).clock(off).scheduler(off)
                    .onWave(WaveListener.of(w -> log.add("wave " + w.number() + " at " + w.at().getEpochSecond())))
                    .build();
            service.start();
            assertThat(off.pendingDueTimes()).containsExactly(Instant.ofEpochSecond(1035));
            assertThat(service.status().nextWave()).isEqualTo(Instant.ofEpochSecond(1035));

            off.advanceTo(Instant.ofEpochSecond(1125));
            assertThat(log).containsExactly("wave 1 at 1035", "wave 2 at 1080", "wave 3 at 1125");
            assertThat(service.status().nextWave()).isEqualTo(Instant.ofEpochSecond(1170));
            service.close();
            off.advance(Duration.ofHours(1));
            assertThat(log).hasSize(3);
            assertThatThrownBy(service::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        }

        @Test
        void startWithoutASchedulerSaysWhatIsMissing() {
            QueueService service = QueueService.builder(SINGLE, TestRules.inJoinOrder()).clock(clock).build();
            assertThatThrownBy(service::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("scheduler");
        }

        @Test
        void aWaveAddsAWaitCycleToEveryoneBeforePairingAndHandsAllPairsOverAtOnce() {
            List<List<Integer>> cyclesSeen = new ArrayList<>();
            Pairer pairer = (queue, rules) -> {
                cyclesSeen.add(queue.stream().map(QueuedPlayer::waitCycles).toList());
                return TestRules.greedy().pair(queue, rules);
            };
            QueueService service = service(pairer);
            join(service, 1, 1500);
            join(service, 2, 1900);
            join(service, 3, 1520);
            join(service, 4, 1880);
            join(service, 5, 3000);

            Wave wave = service.runWave();

            assertThat(cyclesSeen).containsExactly(List.of(1, 1, 1, 1, 1));
            assertThat(log).containsExactly("wave 1 at +0s: [1-3, 2-4] unmatched 1");
            assertThat(wave.queued()).isEqualTo(5);
            assertThat(service.snapshot().queued()).singleElement()
                    .satisfies(left -> assertThat(left.waitCycles()).isEqualTo(1));
            assertThat(service.snapshot().inMatch()).containsExactlyInAnyOrder(p(1), p(2), p(3), p(4));

            service.runWave();
            assertThat(service.find(p(5)).orElseThrow().waitCycles()).isEqualTo(2);
            assertThat(cyclesSeen).hasSize(1); // one player alone is not paired
            assertThat(log).last().isEqualTo("wave 2 at +0s: [] unmatched 1");
        }

        @Test
        void aPlayerWhoLeavesWhileTheWaveIsPairingIsNotMatchedAndHisPartnerKeepsHisWait() {
            QueueService[] holder = new QueueService[1];
            Pairer leavesMidway = (queue, rules) -> {
                holder[0].leave(p(2));
                return TestRules.inJoinOrder().pair(queue, rules);
            };
            QueueService service = service(leavesMidway);
            holder[0] = service;
            join(service, 1, 1500);
            join(service, 2, 1500);
            join(service, 3, 1500);
            join(service, 4, 1500);

            Wave wave = service.runWave();

            assertThat(log).containsExactly("wave 1 at +0s: [3-4] unmatched 1");
            assertThat(wave.queued()).isEqualTo(4);
            assertThat(service.stateOf(p(2))).isEqualTo(PlayerState.FREE);
            assertThat(service.find(p(1))).get().satisfies(one -> {
                assertThat(one.waitCycles()).isEqualTo(1);
                assertThat(one.joinedAt()).isEqualTo(Instant.ofEpochSecond(T0));
            });
        }

        @Test
        void aPlayerWhoLeavesAndJoinsAgainWhileTheWaveIsPairingIsNotMatchedOnHisOldEntry() {
            QueueService[] holder = new QueueService[1];
            Pairer rejoins = (queue, rules) -> {
                holder[0].leave(p(1));
                join(holder[0], 1, 2500);
                return TestRules.inJoinOrder().pair(queue, rules);
            };
            QueueService service = service(rejoins);
            holder[0] = service;
            join(service, 1, 1500);
            join(service, 2, 1500);

            service.runWave();

            assertThat(log).containsExactly("wave 1 at +0s: [] unmatched 1");
            assertThat(service.snapshot().queued()).extracting(QueuedPlayer::id, QueuedPlayer::waitCycles)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(p(2), 1), org.assertj.core.groups.Tuple.tuple(p(1), 0));
        }

        @Test
        void pairsABrokenPairerInventsAreDropped() {
            QueuedPlayer stranger = new QueuedPlayer(p(99), single(1500), Preferences.NONE, Instant.EPOCH, 1);
            Pairer broken = (queue, rules) -> new Pairing(List.of(
                    new Pair(queue.get(0), queue.get(0).seats().get(0), stranger, stranger.seats().get(0)),
                    new Pair(queue.get(1), queue.get(1).seats().get(0), queue.get(2), queue.get(2).seats().get(0)),
                    new Pair(queue.get(2), queue.get(2).seats().get(0), queue.get(3), queue.get(3).seats().get(0))),
                    List.of());
            QueueService service = service(broken);
            for (int id = 1; id <= 4; id++) {
                join(service, id, 1500);
            }
            service.runWave();
            assertThat(log).containsExactly("wave 1 at +0s: [2-3] unmatched 2");
            assertThat(service.stateOf(p(99))).isEqualTo(PlayerState.FREE);
        }

        @Test
        void aFailingPairerIsLoggedAndTheNextWaveStillRuns() {
            AtomicInteger calls = new AtomicInteger();
            Pairer flaky = (queue, rules) -> {
                if (calls.incrementAndGet() == 1) {
                    throw new IllegalStateException("boom");
                }
                return TestRules.inJoinOrder().pair(queue, rules);
            };
            QueueService service = service(flaky);
            join(service, 1, 1500);
            join(service, 2, 1500);
            service.start();

            clock.advance(Duration.ofSeconds(90));

            assertThat(log).containsExactly("wave 1 at +45s: [] unmatched 2", "wave 2 at +90s: [1-2] unmatched 0");
            assertThat(waves.get(1).pairs()).allSatisfy(pair -> assertThat(pair.first().waitCycles()).isEqualTo(2));
        }

        @Test
        void aFailingListenerRollsTheWaveBackAndTheNextWaveStillRuns() {
            AtomicInteger calls = new AtomicInteger();
            QueueService service = builder(TestRules.inJoinOrder()).onWave(wave -> {
                if (calls.incrementAndGet() == 1) {
                    throw new IllegalStateException("database down");
                }
                heard(wave);
                return WaveReceipt.allCreated();
            }).build();
            join(service, 1, 1500);
            clock.advance(Duration.ofSeconds(1));
            join(service, 2, 1500);
            service.start();

            clock.advance(Duration.ofSeconds(90));

            assertThat(log).containsExactly(
                    "requeued 1 from wave 1 with 1 cycles",
                    "requeued 2 from wave 1 with 1 cycles",
                    "wave 2 at +90s: [1-2] unmatched 0");
            assertThat(waves.get(0).pairs().get(0).first().joinedAt()).isEqualTo(Instant.ofEpochSecond(T0));
            assertThat(waves.get(0).pairs().get(0).second().waitCycles()).isEqualTo(2);
        }

        @Test
        void pairsTheListenerGivesBackGoBackToTheQueueInJoinOrderWithTheirWaitKept() {
            QueueService service = builder(TestRules.inJoinOrder()).onWave(wave -> {
                heard(wave);
                return WaveReceipt.notCreated(wave.pairs().subList(0, 1));
            }).build();
            for (int id = 1; id <= 5; id++) {
                join(service, id, 1500);
                clock.advance(Duration.ofSeconds(1));
            }

            service.runWave();

            assertThat(log).containsExactly("wave 1 at +5s: [1-2, 3-4] unmatched 1",
                    "requeued 1 from wave 1 with 1 cycles", "requeued 2 from wave 1 with 1 cycles");
            assertThat(service.snapshot().queued()).extracting(QueuedPlayer::id).containsExactly(p(1), p(2), p(5));
            assertThat(service.find(p(2)).orElseThrow().joinedAt()).isEqualTo(Instant.ofEpochSecond(T0 + 1));
            assertThat(service.snapshot().inMatch()).containsExactlyInAnyOrder(p(3), p(4));
        }

        @Test
        void aPlayerWhoAsksToLeaveWhileHisMatchIsBeingCreatedIsFreedIfItFails() {
            QueueService[] holder = new QueueService[1];
            List<LeaveResult> answers = new ArrayList<>();
            QueueService service = builder(TestRules.inJoinOrder()).onWave(wave -> {
                answers.add(holder[0].leave(p(1)));
                answers.add(holder[0].leave(p(3)));
                return WaveReceipt.notCreated(List.of(wave.pairs().get(0)));
            }).build();
            holder[0] = service;
            for (int id = 1; id <= 4; id++) {
                join(service, id, 1500);
            }

            service.runWave();

            assertThat(answers).containsExactly(new LeaveResult.InMatch(), new LeaveResult.InMatch());
            assertThat(service.stateOf(p(1))).isEqualTo(PlayerState.FREE);
            assertThat(service.stateOf(p(2))).isEqualTo(PlayerState.QUEUED);
            assertThat(service.stateOf(p(3))).isEqualTo(PlayerState.IN_MATCH); // his match was created
            assertThat(log).containsExactly("requeued 2 from wave 1 with 1 cycles");
        }

        @Test
        void aPlayerReleasedWhileHisMatchIsBeingCreatedStaysFreeIfItFails() {
            QueueService[] holder = new QueueService[1];
            QueueService service = builder(TestRules.inJoinOrder()).onWave(wave -> {
                holder[0].release(p(2));
                return WaveReceipt.noneCreated(wave);
            }).build();
            holder[0] = service;
            join(service, 1, 1500);
            join(service, 2, 1500);

            service.runWave();

            assertThat(service.stateOf(p(1))).isEqualTo(PlayerState.QUEUED);
            assertThat(service.stateOf(p(2))).isEqualTo(PlayerState.FREE);
        }

        @Test
        void evenAnErrorInTheListenerLeavesNobodyPending() {
            QueueService service = builder(TestRules.inJoinOrder()).onWave(wave -> {
                throw new StackOverflowError("deep");
            }).build();
            join(service, 1, 1500);
            join(service, 2, 1500);

            assertThatThrownBy(service::runWave).isInstanceOf(StackOverflowError.class);

            assertThat(service.snapshot().queued()).extracting(QueuedPlayer::id).containsExactly(p(1), p(2));
            assertThat(service.snapshot().inMatch()).isEmpty();
        }

        @Test
        void aListenerThatReturnsNullIsTakenAsHavingCreatedNothing() {
            QueueService service = builder(TestRules.inJoinOrder()).onWave(wave -> null).build();
            join(service, 1, 1500);
            join(service, 2, 1500);
            service.runWave();
            assertThat(service.stateOf(p(1))).isEqualTo(PlayerState.QUEUED);
            assertThat(log).containsExactly("requeued 1 from wave 1 with 1 cycles", "requeued 2 from wave 1 with 1 cycles");
        }

        @Test
        void aListenerMayNotRunAWaveFromInsideOne() {
            QueueService[] holder = new QueueService[1];
            List<String> errors = new ArrayList<>();
            QueueService service = builder(TestRules.inJoinOrder()).onWave(wave -> {
                try {
                    holder[0].runWave();
                } catch (IllegalStateException e) {
                    errors.add(e.getMessage());
                }
                return WaveReceipt.allCreated();
            }).build();
            holder[0] = service;
            service.runWave();
            assertThat(errors).containsExactly("runWave() called from inside a wave (its pairer or listener)");
        }
    }

    @Nested
    class Expiry {

        @Test
        void anEntryExpiresAtItsMaximumWaitAndTheEventSaysSo() {
            QueueService service = service((queue, rules) -> new Pairing(List.of(), queue));
            service.start();
            clock.advance(Duration.ofSeconds(10));
            join(service, 1, 1500);
            clock.advance(Duration.ofSeconds(20));
            join(service, 2, 3000);
            join(service, 3, 1500);
            service.leave(p(3));

            clock.advance(Duration.ofSeconds(9000 - 20 - 1));
            assertThat(service.stateOf(p(1))).isEqualTo(PlayerState.QUEUED);
            clock.advance(Duration.ofSeconds(1));
            assertThat(service.stateOf(p(1))).isEqualTo(PlayerState.FREE);
            clock.advance(Duration.ofSeconds(20));

            assertThat(log).filteredOn(line -> line.startsWith("expired"))
                    .containsExactly("expired 1 at +9010s", "expired 2 at +9030s");
        }

        @Test
        void withoutStartEntriesExpireAtTheNextWave() {
            QueueService service = builder(TestRules.inJoinOrder())
                    .config(QueueConfig.builder().maxWait(Duration.ofMinutes(10)).build()).build();
            join(service, 1, 1500);
            join(service, 2, 1500);
            clock.advance(Duration.ofMinutes(11));
            assertThat(service.size()).isEqualTo(2);

            Wave wave = service.runWave();

            assertThat(wave.queued()).isZero();
            assertThat(log).containsExactly("expired 1 at +660s", "expired 2 at +660s");
        }

        @Test
        void aRequeuedEntryKeepsItsJoinTimeAndDeadline() {
            QueueService service = builder(TestRules.inJoinOrder())
                    .config(QueueConfig.builder().maxWait(Duration.ofSeconds(100)).build())
                    .onWave(WaveReceipt::noneCreated)
                    .build();
            service.start();
            clock.advance(Duration.ofSeconds(40));
            join(service, 1, 1500);
            join(service, 2, 1500);

            clock.advance(Duration.ofSeconds(100));

            assertThat(log).containsExactly(
                    "requeued 1 from wave 1 with 1 cycles", "requeued 2 from wave 1 with 1 cycles",
                    "requeued 1 from wave 2 with 2 cycles", "requeued 2 from wave 2 with 2 cycles",
                    "requeued 1 from wave 3 with 3 cycles", "requeued 2 from wave 3 with 3 cycles",
                    "expired 1 at +140s", "expired 2 at +140s");
        }
    }
}
