package dev.matchwave.bot.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.matchwave.discord.timing.FlowRecorder;
import dev.matchwave.discord.timing.FlowTargets;
import dev.matchwave.discord.timing.FlowTimer;
import dev.matchwave.discord.timing.Ticker;
import dev.matchwave.matchmaking.time.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BotMetricsTest {

    private final BotMetrics metrics = BotMetrics.create();

    @Test
    void queueWavesAndMatches() {
        metrics.queueSize(17);
        metrics.waveCompleted(17, 8, Duration.ofMillis(12));
        metrics.waveCompleted(3, 0, Duration.ofMillis(2));
        String text = metrics.scrape();
        assertThat(text)
                .contains("matchwave_queue_size 17.0")
                .contains("matchwave_waves_total 2.0")
                .contains("matchwave_matches_total 8.0")
                .contains("matchwave_wave_players_count 2")
                .contains("matchwave_wave_players_sum 20.0")
                .contains("matchwave_wave_duration_seconds_count 2")
                .contains("matchwave_wave_duration_seconds_sum 0.014");
    }

    @Test
    void dispatchLatenciesByPhaseWithBucketsAtTheTargets() {
        metrics.phase1Latency(Duration.ofMillis(120));
        metrics.phase1Latency(Duration.ofMillis(180));
        metrics.phase2Latency(Duration.ofMillis(900));
        String text = metrics.scrape();
        assertThat(text)
                .contains("matchwave_dispatch_latency_seconds_count{phase=\"1\"} 2")
                .contains("matchwave_dispatch_latency_seconds_count{phase=\"2\"} 1")
                .contains("matchwave_dispatch_latency_seconds_bucket{phase=\"1\",le=\"0.15\"} 1")
                .contains("matchwave_dispatch_latency_seconds_bucket{phase=\"1\",le=\"0.2\"} 2")
                .contains("matchwave_dispatch_latency_seconds_bucket{phase=\"2\",le=\"1.0\"} 1");
    }

    @Test
    void rateLimitsByScopeAndRoute() {
        metrics.rateLimited("global", "POST/channels/{channel_id}/messages");
        metrics.rateLimited("Global", "POST/channels/{channel_id}/messages");
        metrics.rateLimited("user", "PATCH/webhooks/{application_id}/{interaction_token}/messages/{message_id}");
        assertThat(metrics.scrape())
                .contains("matchwave_discord_rate_limited_total{route=\"POST/channels/{channel_id}/messages\",scope=\"global\"} 2.0")
                .contains("scope=\"user\"} 1.0");
    }

    @Test
    void flowsWithStepsAndSlowCounts() {
        ManualClock clock = ManualClock.atEpochSecond(0);
        List<String> lines = new ArrayList<>();
        FlowRecorder recorder = new FlowRecorder(Ticker.of(clock), FlowTargets.defaults(),
                metrics.andThen(new FlowLog(lines::add, lines::add)));
        FlowTimer fast = recorder.start(FlowTargets.JOIN);
        clock.advance(Duration.ofMillis(30));
        fast.checkpoint("database");
        fast.finish("ok");
        FlowTimer slow = recorder.start(FlowTargets.JOIN);
        clock.advance(Duration.ofMillis(600));
        slow.checkpoint("discord");
        slow.finish("ok");

        assertThat(metrics.scrape())
                .contains("matchwave_flow_duration_seconds_count{flow=\"join\",outcome=\"ok\"} 2")
                .contains("matchwave_flow_duration_seconds_bucket{flow=\"join\",outcome=\"ok\",le=\"0.5\"} 1")
                .contains("matchwave_flow_step_duration_seconds_count{flow=\"join\",step=\"database\"} 1")
                .contains("matchwave_flow_step_duration_seconds_sum{flow=\"join\",step=\"discord\"} 0.6")
                .contains("matchwave_flow_slow_total{flow=\"join\"} 1.0");
        assertThat(lines).hasSize(2);
    }

    @Test
    void impossibleFiguresAreRefused() {
        assertThatThrownBy(() -> metrics.queueSize(-1)).hasMessageContaining("negative");
        assertThatThrownBy(() -> metrics.waveCompleted(3, 2, Duration.ZERO))
                .hasMessage("a wave of 3 players cannot make 2 matches");
        assertThatThrownBy(() -> metrics.phase1Latency(Duration.ofMillis(-1))).hasMessageContaining("negative");
    }
}
