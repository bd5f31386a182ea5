package dev.matchwave.benchmarks;

import dev.matchwave.matchmaking.time.ManualClock;
import dev.matchwave.matchmaking.time.Scheduler;
import dev.matchwave.notification.MatchFound;
import dev.matchwave.notification.MatchInfo;
import dev.matchwave.notification.Notification;
import dev.matchwave.notification.dispatch.NotificationSink;
import dev.matchwave.notification.dispatch.SendResult;
import dev.matchwave.notification.dispatch.TwoPhaseDispatcher;
import dev.matchwave.notification.dispatch.WaveFigures;
import dev.matchwave.notification.mailbox.MailboxConfig;
import dev.matchwave.notification.mailbox.MailboxListener;
import dev.matchwave.notification.mailbox.Mailboxes;
import dev.matchwave.notification.ratelimit.DiscordLimits;
import dev.matchwave.notification.ratelimit.RateLimiter;
import dev.matchwave.notification.ratelimit.Route;
import dev.matchwave.notification.simulation.Simulation;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The dispatcher's own cost: notifications per second for one wave of {@value #MATCHES}
 * matches (4 notifications per match: "match found" and details for both players), in
 * process, with a sink that answers at once and a scheduler that runs every task at once (the
 * waits the limiter asks for are booked but not slept). Target: at least 100,000 a second.
 *
 * <p>{@code limiter=unlimited} measures the dispatcher alone; {@code limiter=discord} adds
 * the Discord model's bookkeeping (global window, one bucket per route).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DispatcherBenchmark {

    static final int MATCHES = 1_000;

    @Param({"unlimited", "discord"})
    public String limiter;

    private List<MatchInfo> wave;
    private ManualClock clock;
    private Mailboxes mailboxes;

    /** Answers at once, like a sink in front of an in-process queue. */
    private static final NotificationSink INSTANT = new NotificationSink() {
        private final CompletionStage<SendResult> sent = CompletableFuture.completedFuture(SendResult.sent());

        @Override
        public Route route(Notification notification) {
            return notification instanceof MatchFound
                    ? Route.interactionEdit("token-" + notification.player())
                    : Route.channelMessage("dm-" + notification.player());
        }

        @Override
        public CompletionStage<SendResult> send(Notification notification, Route route) {
            return sent;
        }
    };

    /** Runs every task on the spot, whatever its delay. */
    private static final Scheduler AT_ONCE = (task, delay) -> {
        task.run();
        return () -> { };
    };

    @Setup
    public void setUp() {
        wave = Simulation.wave(MATCHES);
        clock = ManualClock.atEpochSecond(1_767_225_600L);
        mailboxes = new Mailboxes(MailboxConfig.defaults(), clock, MailboxListener.NONE);
    }

    @Benchmark
    @OperationsPerInvocation(4 * MATCHES)
    public WaveFigures dispatchOneWave() {
        // A fresh limiter per wave: virtual time does not move here, so bookings would pile up.
        RateLimiter rateLimiter = limiter.equals("discord")
                ? RateLimiter.discord(DiscordLimits.defaults(), clock)
                : RateLimiter.unlimited();
        TwoPhaseDispatcher dispatcher = TwoPhaseDispatcher.builder()
                .sink(INSTANT)
                .clock(clock)
                .scheduler(AT_ONCE)
                .rateLimiter(rateLimiter)
                .keepUndeliveredIn(mailboxes::publish)
                .build();
        return dispatcher.dispatch(wave).join();
    }
}
