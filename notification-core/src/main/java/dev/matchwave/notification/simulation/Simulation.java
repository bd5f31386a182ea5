package dev.matchwave.notification.simulation;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.time.ManualClock;
import dev.matchwave.notification.MatchInfo;
import dev.matchwave.notification.Participant;
import dev.matchwave.notification.dispatch.Batching;
import dev.matchwave.notification.dispatch.TwoPhaseDispatcher;
import dev.matchwave.notification.dispatch.WaveFigures;
import dev.matchwave.notification.mailbox.MailboxConfig;
import dev.matchwave.notification.mailbox.MailboxListener;
import dev.matchwave.notification.mailbox.Mailboxes;
import dev.matchwave.notification.ratelimit.DiscordLimits;
import dev.matchwave.notification.ratelimit.RateLimiter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs one wave through the real {@link TwoPhaseDispatcher} against a {@link DiscordModel}, on
 * a {@link ManualClock}: minutes of virtual time take milliseconds. Stateless and thread-safe;
 * {@link #run} blocks its thread until the wave is done.
 */
public final class Simulation {

    /** Virtual time starts here (2026-01-01T00:00:00Z): any fixed instant gives the same figures. */
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration STEP = Duration.ofSeconds(1);

    private Simulation() {
    }

    /** Simulates the wave and reports what happened. */
    public static SimulationReport run(SimulationConfig config) {
        ManualClock clock = new ManualClock(START);
        DiscordModel discord = new DiscordModel(config.limits(), clock, clock, config.latency(),
                !config.tokensExpired());
        Mailboxes mailboxes = new Mailboxes(MailboxConfig.defaults(), clock, MailboxListener.NONE);
        TwoPhaseDispatcher.Builder builder = TwoPhaseDispatcher.builder()
                .sink(discord)
                .clock(clock)
                .scheduler(clock)
                .keepUndeliveredIn(mailboxes::publish);
        switch (config.policy()) {
            case LIMITER -> builder.rateLimiter(
                    RateLimiter.discord(DiscordLimits.defaults().withGlobalLimit(config.globalLimit()), clock));
            case FIXED_BATCH -> builder.batching(Batching.fixed(10, Duration.ofSeconds(1)));
            case NAIVE -> builder.rateLimiter(RateLimiter.unlimited());
        }
        CompletableFuture<WaveFigures> done = builder.build().dispatch(wave(config.matches()));
        while (!done.isDone()) {
            if (clock.pendingTasks() == 0) {
                throw new IllegalStateException("the simulated wave stalled: nothing scheduled and not done");
            }
            clock.advance(STEP);
        }
        return new SimulationReport(config, done.join(), discord.requests(), discord.rateLimited(),
                config.lowerBound());
    }

    /** A wave of {@code matches} matches between made-up players 1 and 2, 3 and 4, and so on. */
    public static List<MatchInfo> wave(int matches) {
        List<MatchInfo> wave = new ArrayList<>(matches);
        for (int m = 0; m < matches; m++) {
            long one = 2L * m + 1;
            long two = 2L * m + 2;
            wave.add(new MatchInfo(m + 1, new Participant(PlayerId.of(one), "player" + one, "bw_zerg"),
                    new Participant(PlayerId.of(two), "player" + two, "sc2_protoss"), "Polypoid", "EUC",
                    "scevo" + String.format("%02d", (m + 1) % 10 == 0 ? 10 : (m + 1) % 10)));
        }
        return wave;
    }
}
