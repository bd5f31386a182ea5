package dev.matchwave.bot.monitoring;

import dev.matchwave.discord.timing.FlowListener;
import dev.matchwave.discord.timing.FlowReport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bot's metrics in one place, so the wiring calls a method instead of naming meters:
 * queue size, waves, matches, the two dispatch phases' latencies, Discord 429s and flow
 * timings. Backed by Micrometer's Prometheus registry; {@link #scrape()} is the
 * {@code /metrics} body.
 *
 * <p>Thread-safe; every method is cheap and never blocks (Micrometer meters are lock-free).
 * Durations are recorded as Prometheus seconds.
 *
 * <p>Meters (Prometheus names):
 * <ul>
 *   <li>{@code matchwave_queue_size} gauge: players queued now</li>
 *   <li>{@code matchwave_waves_total}, {@code matchwave_wave_duration_seconds},
 *       {@code matchwave_wave_players} (players queued at each wave)</li>
 *   <li>{@code matchwave_matches_total}: matches made by waves</li>
 *   <li>{@code matchwave_dispatch_latency_seconds{phase="1"|"2"}}: from the wave's decision to
 *       the player's message (phase 1: the searching message edited; phase 2: details sent)</li>
 *   <li>{@code matchwave_discord_rate_limited_total{scope, route}}: 429 answers from Discord</li>
 *   <li>{@code matchwave_flow_duration_seconds{flow, outcome}},
 *       {@code matchwave_flow_step_duration_seconds{flow, step}},
 *       {@code matchwave_flow_slow_total{flow}}</li>
 * </ul>
 */
public final class BotMetrics implements FlowListener {

    /** Histogram buckets around the targets of performance-timing.md (150, 200, 500 ms) and Discord's 3 s. */
    private static final Duration[] LATENCY_BUCKETS = {
            Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(150),
            Duration.ofMillis(200), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(3),
            Duration.ofSeconds(10)};

    private final PrometheusMeterRegistry registry;
    private final AtomicInteger queueSize = new AtomicInteger();
    private final Counter waves;
    private final Counter matches;
    private final Timer waveDuration;
    private final DistributionSummary wavePlayers;
    private final Timer phase1;
    private final Timer phase2;

    /** Metrics on a registry of their own. */
    public static BotMetrics create() {
        return new BotMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    /** Metrics on the given registry, which may carry others too (JVM metrics, say). */
    public BotMetrics(PrometheusMeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        Gauge.builder("matchwave.queue.size", queueSize, AtomicInteger::get)
                .description("players queued now").register(registry);
        waves = Counter.builder("matchwave.waves").description("waves run").register(registry);
        matches = Counter.builder("matchwave.matches").description("matches made by waves").register(registry);
        waveDuration = Timer.builder("matchwave.wave.duration").description("time to run one wave")
                .serviceLevelObjectives(LATENCY_BUCKETS).register(registry);
        wavePlayers = DistributionSummary.builder("matchwave.wave.players")
                .description("players queued at a wave").register(registry);
        phase1 = dispatchTimer("1");
        phase2 = dispatchTimer("2");
    }

    private Timer dispatchTimer(String phase) {
        return Timer.builder("matchwave.dispatch.latency")
                .description("from a match decided to the player's message (1: searching message edited, 2: details sent)")
                .tag("phase", phase)
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry);
    }

    /** The number of players queued now. */
    public void queueSize(int players) {
        if (players < 0) {
            throw new IllegalArgumentException("queue size must not be negative, got " + players);
        }
        queueSize.set(players);
    }

    /**
     * One wave ran.
     *
     * @param queued   players queued when it started
     * @param matched  matches it made
     * @param duration how long it took
     */
    public void waveCompleted(int queued, int matched, Duration duration) {
        if (queued < 0 || matched < 0 || 2L * matched > queued) {
            throw new IllegalArgumentException("a wave of " + queued + " players cannot make " + matched + " matches");
        }
        waves.increment();
        matches.increment(matched);
        wavePlayers.record(queued);
        waveDuration.record(requireNotNegative(duration));
    }

    /** A phase 1 message (the searching message turned into "match found") went out this long after the decision. */
    public void phase1Latency(Duration latency) {
        phase1.record(requireNotNegative(latency));
    }

    /** A phase 2 message (the match details) went out this long after the decision. */
    public void phase2Latency(Duration latency) {
        phase2.record(requireNotNegative(latency));
    }

    /**
     * Discord answered 429.
     *
     * @param scope the {@code X-RateLimit-Scope} header ({@code user}, {@code global},
     *              {@code shared}), or {@code unknown}
     * @param route the route template, e.g. {@code POST/channels/{channel_id}/messages}: a bounded
     *              set of values, never a compiled route with ids in it
     */
    public void rateLimited(String scope, String route) {
        Counter.builder("matchwave.discord.rate.limited")
                .description("429 answers from Discord")
                .tag("scope", scope.toLowerCase(Locale.ROOT))
                .tag("route", route)
                .register(registry)
                .increment();
    }

    /** Records a finished flow: its duration, each step's duration, and whether it was slow. */
    @Override
    public void flowFinished(FlowReport report) {
        Timer.builder("matchwave.flow.duration")
                .description("interaction flows and waves, start to finish")
                .tags("flow", report.flow(), "outcome", report.outcome())
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry)
                .record(report.total());
        for (FlowReport.Step step : report.steps()) {
            Timer.builder("matchwave.flow.step.duration")
                    .description("one step of a flow (guards, database, render, discord, ...)")
                    .tags("flow", report.flow(), "step", step.name())
                    .register(registry)
                    .record(step.duration());
        }
        Counter slow = Counter.builder("matchwave.flow.slow")
                .description("flows slower than their target")
                .tag("flow", report.flow())
                .register(registry);
        if (report.slow()) {
            slow.increment();
        }
    }

    /** All meters in Prometheus text format 0.0.4: the body of {@code /metrics}. */
    public String scrape() {
        return registry.scrape();
    }

    /** The underlying registry, to add JVM or library meters. */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    private static Duration requireNotNegative(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a duration must not be negative, got " + duration);
        }
        return duration;
    }
}
