package dev.matchwave.bot.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.matchwave.discord.timing.FlowTargets;
import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.Preferences;
import dev.matchwave.matchmaking.QueuedPlayer;
import dev.matchwave.matchmaking.rules.FifoRules;
import dev.matchwave.matchmaking.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DemoFiguresTest {

    private static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    @Test
    void aWaveCannotMakeMoreMatchesThanItsMaximum() {
        assertThatThrownBy(() -> new WaveResult(1, T0, 10, 3, 2, List.of(1, 2, 3), List.of(), Spread.NONE, Spread.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxPairs 2");
    }

    @Test
    void aWaveCannotPairMorePlayersThanQueued() {
        assertThatThrownBy(() -> new WaveResult(1, T0, 3, 0, 2, List.of(), List.of(), Spread.NONE, Spread.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 queued");
    }

    @Test
    void aWaveHasOneRatingGapPerMatchAndAtMostTwoWaitsPerMatch() {
        assertThatThrownBy(() -> new WaveResult(1, T0, 10, 2, 5, List.of(1), List.of(), Spread.NONE, Spread.NONE))
                .hasMessageContaining("ratingGaps has 1 entries for 2 matches");
        assertThatThrownBy(() -> new WaveResult(1, T0, 10, 1, 5, List.of(1), List.of(ms(1), ms(2), ms(3)),
                Spread.NONE, Spread.NONE)).hasMessageContaining("waits has 3 entries");
        assertThatThrownBy(() -> new WaveResult(1, T0, 10, 1, 5, List.of(-1), List.of(), Spread.NONE, Spread.NONE))
                .hasMessageContaining("rating gap must not be negative");
        assertThatThrownBy(() -> new WaveResult(0, T0, 10, 0, 5, List.of(), List.of(), Spread.NONE, Spread.NONE))
                .hasMessageContaining("wave numbers start at 1");
    }

    @Test
    void spreadsAreOrdered() {
        assertThatThrownBy(() -> new Spread(2, ms(5), ms(3), ms(9))).hasMessageContaining("p50 <= p95 <= max");
        assertThatThrownBy(() -> new Spread(0, ms(0), ms(0), ms(1))).hasMessageContaining("empty spread");
        assertThatThrownBy(() -> Spread.of(List.of(ms(-1)))).hasMessageContaining("must not be negative");
    }

    @Test
    void requestsPerRouteClassAddUpToTheTotal() {
        assertThatThrownBy(() -> new RequestFigures(5, Map.of("dm", 3L), 0, 0, 0))
                .hasMessageContaining("adds up to 3 requests, total is 5");
        assertThatThrownBy(() -> new RequestFigures(3, Map.of("dm", 3L), 2, 2, 0)).hasMessageContaining("more 429s");
        assertThat(new RequestFigures(3, Map.of("dm", 1L, "channel", 2L), 1, 1, 0).rateLimited()).isEqualTo(2);
    }

    @Test
    void aFlowWithoutTargetIsNeverOverIt() {
        Spread s = Spread.of(List.of(ms(10)));
        assertThatThrownBy(() -> new FlowFigures("x", s, Optional.empty(), 1)).hasMessageContaining("no target");
        assertThatThrownBy(() -> new FlowFigures("x", s, Optional.of(ms(5)), 2)).hasMessageContaining("0 to 1");
        assertThat(new FlowFigures("x", s, Optional.empty(), 0).missed()).isFalse();
    }

    @Test
    void aFlowMissesItsTargetWhenItsP95IsAbove() {
        List<Duration> mostlyFast = new ArrayList<>();
        IntStream.range(0, 99).forEach(i -> mostlyFast.add(ms(100)));
        mostlyFast.add(ms(900));
        assertThat(new FlowFigures("join", Spread.of(mostlyFast), Optional.of(ms(500)), 1).missed()).isFalse();
        assertThat(new FlowFigures("join", Spread.of(List.of(ms(600))), Optional.of(ms(500)), 1).missed()).isTrue();
    }

    @Test
    void figuresKeepTheirWavesInOrderAndWithinThePlan() {
        WaveResult w1 = new WaveResult(1, T0, 4, 0, 2, List.of(), List.of(), Spread.NONE, Spread.NONE);
        WaveResult w2 = new WaveResult(2, T0, 4, 0, 2, List.of(), List.of(), Spread.NONE, Spread.NONE);
        assertThatThrownBy(() -> figures(4, 2, List.of(w2, w1))).hasMessageContaining("increasing order");
        assertThatThrownBy(() -> figures(4, 1, List.of(w1, w2))).hasMessageContaining("more than the 1 planned");
        assertThatThrownBy(() -> figures(3, 2, List.of(w1))).hasMessageContaining("more than the 3 taking part");
        assertThat(figures(4, 2, List.of(w1, w2)).waves()).containsExactly(w1, w2);
    }

    private static DemoFigures figures(int players, int planned, List<WaveResult> waves) {
        return new DemoFigures(1, players, planned, T0, Duration.ZERO, waves, MatchOutcomes.NONE, List.of(),
                RequestFigures.NONE, List.of());
    }

    @Test
    void maxPairsIsThePairCountOfTheOptimalPairer() {
        List<QueuedPlayer> queue = IntStream.rangeClosed(1, 5)
                .mapToObj(i -> new QueuedPlayer(PlayerId.of(i), List.of(FifoRules.seat()), Preferences.NONE,
                        T0.plusSeconds(i), 1))
                .toList();
        assertThat(DemoFigures.maxPairs(queue, FifoRules.INSTANCE)).isEqualTo(2);
        assertThat(DemoFigures.maxPairs(queue.subList(0, 4), FifoRules.INSTANCE)).isEqualTo(2);
        assertThat(DemoFigures.maxPairs(List.of(), FifoRules.INSTANCE)).isZero();
    }

    @Test
    void theRecorderBuildsWavesFromTheirParts() {
        ManualClock clock = new ManualClock(T0);
        DemoRecorder recorder = DemoFigures.recorder(7, 10, 3, FlowTargets.defaults(), clock);
        recorder.openWave(1, T0.plusSeconds(5), 6, 3);
        recorder.matched(1, 40, ms(5_000), ms(3_000));
        recorder.matched(1, 10, ms(1_000), ms(2_000));
        recorder.phase1(1, ms(80));
        recorder.phase1(1, ms(120));
        recorder.phase2(1, ms(700));
        recorder.flow(FlowTargets.JOIN, ms(600));
        recorder.flow(FlowTargets.JOIN, ms(100));
        recorder.flow("leaderboard", ms(30));
        recorder.confirmed();
        recorder.aborted();
        recorder.request("interaction");
        recorder.rateLimited("channel message", false);
        recorder.invalidRequest();
        recorder.note("hello");
        clock.advance(Duration.ofSeconds(30));

        DemoFigures figures = recorder.figures();

        assertThat(figures.runDuration()).isEqualTo(Duration.ofSeconds(30));
        WaveResult wave = figures.waves().getFirst();
        assertThat(wave.matches()).isEqualTo(2);
        assertThat(wave.ratingGaps()).containsExactly(40, 10);
        assertThat(wave.waits()).hasSize(4);
        assertThat(wave.phase1()).isEqualTo(new Spread(2, ms(80), ms(120), ms(120)));
        assertThat(wave.phase2().count()).isEqualTo(1);
        assertThat(figures.flows()).extracting(FlowFigures::name).containsExactly("join", "leaderboard");
        FlowFigures join = figures.flows().getFirst();
        assertThat(join.target()).contains(ms(300));
        assertThat(join.overTarget()).isEqualTo(1);
        assertThat(figures.flows().get(1).target()).isEmpty();
        assertThat(figures.outcomes()).isEqualTo(new MatchOutcomes(1, 1, 0, 0, 0));
        assertThat(figures.requests()).isEqualTo(
                new RequestFigures(2, Map.of("interaction", 1L, "channel message", 1L), 0, 1, 1));
        assertThat(figures.notes()).containsExactly("hello");
    }

    @Test
    void theRecorderRefusesFiguresThatCannotBe() {
        DemoRecorder recorder = DemoFigures.recorder(7, 10, 2, FlowTargets.defaults(), new ManualClock(T0));
        assertThatThrownBy(() -> recorder.phase1(1, ms(1))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("wave 1 was not opened");
        recorder.openWave(1, T0, 4, 1);
        recorder.matched(1, 0, ms(1), ms(1));
        assertThatThrownBy(() -> recorder.matched(1, 0, ms(1), ms(1))).hasMessageContaining("possible maximum");
        assertThatThrownBy(() -> recorder.openWave(1, T0, 4, 1)).hasMessageContaining("already opened");
        assertThatThrownBy(() -> recorder.openWave(2, T0, 11, 1)).hasMessageContaining("more than the 10");
        recorder.wave(new WaveResult(2, T0, 2, 1, 1, List.of(5), List.of(), Spread.NONE, Spread.NONE));
        assertThatThrownBy(() -> recorder.phase2(2, ms(1))).hasMessageContaining("given whole");
        assertThatThrownBy(() -> recorder.openWave(3, T0, 4, 1)).hasMessageContaining("planned");
        assertThat(recorder.figures().totalMatches()).isEqualTo(2);
    }

    @Test
    void requestFiguresGivenWholeReplaceTheCount() {
        DemoRecorder recorder = DemoFigures.recorder(7, 10, 2, FlowTargets.defaults(), new ManualClock(T0));
        recorder.request("dm");
        RequestFigures emulator = new RequestFigures(9, Map.of("interaction", 9L), 0, 0, 0);
        recorder.requests(emulator);
        assertThat(recorder.figures().requests()).isEqualTo(emulator);
    }

    @Test
    void theRecorderCountsEveryCallFromManyThreads() throws Exception {
        int threads = 4;
        int perThread = 2_000;
        DemoRecorder recorder = DemoFigures.recorder(7, 10_000, 1, FlowTargets.defaults(), new ManualClock(T0));
        recorder.openWave(1, T0, 10_000, 5_000);
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        recorder.phase1(1, ms(i));
                        recorder.flow(FlowTargets.QUEUE_COMMAND, ms(i % 200));
                        recorder.request("interaction");
                        recorder.confirmed();
                        if (i % 2 == 0) {
                            recorder.matched(1, i, ms(1), ms(2));
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        DemoFigures figures = recorder.figures();
        int total = threads * perThread;
        assertThat(figures.waves().getFirst().phase1().count()).isEqualTo(total);
        assertThat(figures.waves().getFirst().matches()).isEqualTo(total / 2);
        assertThat(figures.flows().getFirst().latency().count()).isEqualTo(total);
        assertThat(figures.requests().total()).isEqualTo(total);
        assertThat(figures.outcomes().confirmed()).isEqualTo(total);
    }
}
