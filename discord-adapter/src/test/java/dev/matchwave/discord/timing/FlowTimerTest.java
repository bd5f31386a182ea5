package dev.matchwave.discord.timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.matchwave.matchmaking.time.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlowTimerTest {

    private final FakeTicker ticker = new FakeTicker();
    private final List<FlowReport> reports = new ArrayList<>();
    private final FlowRecorder recorder = new FlowRecorder(ticker, FlowTargets.defaults(), reports::add);

    @Test
    void oneReportWithEveryStepInOrder() {
        FlowTimer flow = recorder.start(FlowTargets.JOIN);
        ticker.advanceMillis(1.25);
        flow.checkpoint("guards");
        ticker.advanceMillis(40);
        flow.checkpoint("database");
        ticker.advanceMillis(3);
        flow.checkpoint("render");
        ticker.advanceMillis(120.5);
        flow.checkpoint("discord");
        FlowReport report = flow.finish("ok");

        assertThat(reports).containsExactly(report);
        assertThat(report.total()).isEqualTo(Duration.ofNanos(164_750_000));
        assertThat(report.steps()).extracting(FlowReport.Step::name)
                .containsExactly("guards", "database", "render", "discord");
        assertThat(report.slow()).isFalse();
        assertThat(report.logLine()).isEqualTo("flow=join outcome=ok total_ms=164.8 target_ms=300.0 slow=false "
                + "steps=guards:1.3,database:40.0,render:3.0,discord:120.5");
    }

    @Test
    void slowerThanTheTargetIsFlagged() {
        FlowTimer flow = recorder.start(FlowTargets.QUEUE_COMMAND);
        ticker.advanceMillis(150);
        flow.checkpoint("database");
        assertThat(flow.finish("ok").slow()).as("exactly on target is not slow").isFalse();

        FlowTimer slower = recorder.start(FlowTargets.QUEUE_COMMAND);
        ticker.advanceMillis(150.1);
        FlowReport report = slower.finish("ok");
        assertThat(report.slow()).isTrue();
        assertThat(report.logLine()).contains("slow=true", "target_ms=150.0", "steps=other:150.1");
    }

    @Test
    void defaultTargetsAreThoseOfThePerformanceNotes() {
        assertThat(FlowTargets.defaults().asMap()).isEqualTo(Map.of(
                "queue_command", Duration.ofMillis(150),
                "join", Duration.ofMillis(300),
                "confirm", Duration.ofMillis(200),
                "match_notification", Duration.ofMillis(200),
                "result_confirm", Duration.ofMillis(200)));
    }

    @Test
    void aFlowStartedEarlierCountsTheTimeBeforeAndCanBeHeldToItsTargetUpToAStep() {
        FlowRecorder recorder = new FlowRecorder(ticker, FlowTargets.defaults().with(FlowTargets.WAVE,
                Duration.ofMillis(200)), reports::add);
        FlowTimer wave = recorder.startedAgo(FlowTargets.WAVE, Duration.ofMillis(30));
        ticker.advanceMillis(5);
        wave.checkpoint("pairing");
        ticker.advanceMillis(100);
        wave.checkpoint("database");
        wave.targetUntil("phase1_sent");
        ticker.advanceMillis(60);
        wave.checkpoint("phase1_sent");
        ticker.advanceMillis(4_000);
        wave.checkpoint("phase2_done");
        FlowReport report = wave.finish("ok");
        assertThat(report.total()).isEqualTo(Duration.ofMillis(4_195));
        assertThat(report.steps().get(0)).isEqualTo(new FlowReport.Step("pairing", Duration.ofMillis(35)));
        assertThat(report.measured()).isEqualTo(Duration.ofMillis(195));
        assertThat(report.slow()).isFalse();
        assertThat(report.logLine()).isEqualTo("flow=wave outcome=ok total_ms=4195.0 target_ms=200.0"
                + " target_until=phase1_sent measured_ms=195.0 slow=false"
                + " steps=pairing:35.0,database:100.0,phase1_sent:60.0,phase2_done:4000.0");

        FlowTimer late = recorder.startedAgo(FlowTargets.WAVE, Duration.ZERO);
        late.targetUntil("phase1_sent");
        ticker.advanceMillis(201);
        late.checkpoint("phase1_sent");
        assertThat(late.finish("ok").slow()).isTrue();
        FlowTimer never = recorder.startedAgo(FlowTargets.WAVE, Duration.ZERO);
        never.targetUntil("phase1_sent");
        ticker.advanceMillis(250);
        assertThat(never.finish("store_failed").measured()).isEqualTo(Duration.ofMillis(250));
        assertThatThrownBy(() -> recorder.startedAgo("wave", Duration.ofMillis(-1)))
                .hasMessageContaining("alreadyElapsed");
    }

    @Test
    void targetsAreConfigurable() {
        FlowRecorder strict = new FlowRecorder(ticker,
                FlowTargets.defaults().with(FlowTargets.JOIN, Duration.ofMillis(10)).with("leaderboard",
                        Duration.ofMillis(50)), reports::add);
        FlowTimer join = strict.start(FlowTargets.JOIN);
        FlowTimer leaderboard = strict.start("leaderboard");
        ticker.advanceMillis(20);
        assertThat(join.finish("ok").slow()).isTrue();
        assertThat(leaderboard.finish("ok").slow()).isFalse();
        assertThat(strict.targets().target("queue_command")).hasValue(Duration.ofMillis(150));
    }

    @Test
    void aFlowWithoutTargetIsNeverSlow() {
        FlowTimer wave = recorder.start(FlowTargets.WAVE);
        ticker.advance(Duration.ofMinutes(5));
        FlowReport report = wave.finish("ok");
        assertThat(report.slow()).isFalse();
        assertThat(report.target()).isEmpty();
        assertThat(report.logLine()).doesNotContain("target_ms").contains("slow=false");
    }

    @Test
    void theTimeAfterTheLastCheckpointIsShownAsOther() {
        FlowTimer flow = recorder.start("result_confirm");
        ticker.advanceMillis(10);
        flow.checkpoint("database");
        ticker.advanceMillis(5);
        FlowReport report = flow.finish("error");
        assertThat(report.untracked()).isEqualTo(Duration.ofMillis(5));
        assertThat(report.logLine()).isEqualTo(
                "flow=result_confirm outcome=error total_ms=15.0 target_ms=200.0 slow=false steps=database:10.0,other:5.0");
    }

    @Test
    void aFlowWithNoStepsAndNoTime() {
        FlowReport report = recorder.start("wave").finish("empty");
        assertThat(report.logLine()).isEqualTo("flow=wave outcome=empty total_ms=0.0 slow=false steps=-");
    }

    @Test
    void timeRunsTheWorkThenEndsTheStep() {
        FlowTimer flow = recorder.start("join");
        int answer = flow.time("database", () -> {
            ticker.advanceMillis(7);
            return 42;
        });
        assertThat(answer).isEqualTo(42);
        assertThat(flow.elapsed()).isEqualTo(Duration.ofMillis(7));
        assertThat(flow.finish("ok").steps()).containsExactly(new FlowReport.Step("database", Duration.ofMillis(7)));
    }

    @Test
    void aFinishedFlowTakesNoMoreCheckpoints() {
        FlowTimer flow = recorder.start("join");
        flow.finish("ok");
        assertThat(flow.finished()).isTrue();
        assertThatThrownBy(() -> flow.checkpoint("late")).isInstanceOf(IllegalStateException.class)
                .hasMessage("flow join has finished already");
        assertThatThrownBy(() -> flow.finish("ok")).isInstanceOf(IllegalStateException.class);
        assertThat(reports).hasSize(1);
    }

    @Test
    void namesAreChecked() {
        assertThatThrownBy(() -> recorder.start("Join Queue")).hasMessageContaining("got 'Join Queue'");
        FlowTimer flow = recorder.start("join");
        assertThatThrownBy(() -> flow.checkpoint("db query")).hasMessageContaining("got 'db query'");
        assertThatThrownBy(() -> FlowTargets.of(Map.of("join", Duration.ZERO)))
                .hasMessage("target of flow 'join' must be positive, got PT0S");
    }

    @Test
    void aTickerOnVirtualTime() {
        ManualClock clock = ManualClock.atEpochSecond(1_700_000_000L);
        FlowRecorder onClock = new FlowRecorder(Ticker.of(clock), FlowTargets.defaults(), reports::add);
        FlowTimer flow = onClock.start("match_notification");
        clock.advance(Duration.ofMillis(250));
        flow.checkpoint("discord");
        FlowReport report = flow.finish("ok");
        assertThat(report.total()).isEqualTo(Duration.ofMillis(250));
        assertThat(report.slow()).isTrue();
    }

    @Test
    void listenersChain() {
        List<String> seen = new ArrayList<>();
        FlowListener first = r -> seen.add("first " + r.flow());
        FlowRecorder chained = new FlowRecorder(ticker, FlowTargets.none(),
                first.andThen(r -> seen.add("second " + r.flow())).andThen(FlowListener.ignoring()));
        chained.start("wave").finish("ok");
        assertThat(seen).containsExactly("first wave", "second wave");
    }
}
