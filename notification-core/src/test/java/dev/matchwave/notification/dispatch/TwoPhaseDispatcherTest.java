package dev.matchwave.notification.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.time.ManualClock;
import dev.matchwave.notification.MatchDetails;
import dev.matchwave.notification.MatchFound;
import dev.matchwave.notification.MatchInfo;
import dev.matchwave.notification.Notification;
import dev.matchwave.notification.Participant;
import dev.matchwave.notification.mailbox.MailboxConfig;
import dev.matchwave.notification.mailbox.MailboxListener;
import dev.matchwave.notification.mailbox.Mailboxes;
import dev.matchwave.notification.ratelimit.DiscordLimits;
import dev.matchwave.notification.ratelimit.RateLimitHeaders;
import dev.matchwave.notification.ratelimit.RateLimiter;
import dev.matchwave.notification.ratelimit.Reservation;
import dev.matchwave.notification.ratelimit.Route;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class TwoPhaseDispatcherTest {

    private static final Duration MS_50 = Duration.ofMillis(50);

    private final ManualClock clock = ManualClock.atEpochSecond(1_767_225_600L);
    private final Instant start = clock.instant();
    private final Mailboxes mailboxes = new Mailboxes(MailboxConfig.defaults(), clock, MailboxListener.NONE);
    private final List<WaveFigures> waves = new ArrayList<>();
    private final List<Undelivered> undelivered = new ArrayList<>();
    private final DispatchListener listener = new DispatchListener() {
        @Override
        public void waveDone(WaveFigures figures) {
            waves.add(figures);
        }

        @Override
        public void undelivered(Undelivered u) {
            undelivered.add(u);
        }
    };

    static List<MatchInfo> wave(int matches) {
        List<MatchInfo> wave = new ArrayList<>();
        for (int m = 0; m < matches; m++) {
            wave.add(new MatchInfo(100 + m, new Participant(PlayerId.of(2L * m + 1), "p" + (2 * m + 1), "bw_terran"),
                    new Participant(PlayerId.of(2L * m + 2), "p" + (2 * m + 2), "sc2_zerg"), "Eclipse", "USW",
                    "scevo0" + (m % 9 + 1)));
        }
        return wave;
    }

    private TwoPhaseDispatcher.Builder dispatcher(NotificationSink sink) {
        return TwoPhaseDispatcher.builder().sink(sink).clock(clock).scheduler(clock).listener(listener)
                .keepUndeliveredIn(mailboxes::publish);
    }

    private WaveFigures runToEnd(CompletableFuture<WaveFigures> wave) {
        for (int i = 0; i < 10_000 && !wave.isDone(); i++) {
            clock.advance(Duration.ofMillis(10));
        }
        assertThat(wave).isDone();
        return wave.join();
    }

    @Test
    void everyoneHearsMatchFoundAtOnceAndTheirDetailsOnceTheirOwnIsAnswered() {
        ScriptedSink sink = ScriptedSink.accepting(clock);

        WaveFigures figures = runToEnd(dispatcher(sink).build().dispatch(wave(2)));

        assertThat(sink.log(start)).containsExactly(
                "+0.000 MatchFound 1", "+0.000 MatchFound 2", "+0.000 MatchFound 3", "+0.000 MatchFound 4",
                "+0.050 MatchDetails 1", "+0.050 MatchDetails 2", "+0.050 MatchDetails 3", "+0.050 MatchDetails 4");
        assertThat(figures).isEqualTo(new WaveFigures(2, 4, new Latencies(4, MS_50, MS_50, MS_50),
                new Latencies(4, MS_50.multipliedBy(2), MS_50.multipliedBy(2), MS_50.multipliedBy(2)),
                Duration.ofMillis(100), 8, 0, 0, 0, Duration.ZERO));
        assertThat(waves).containsExactly(figures);
    }

    @Test
    void theLimiterPacesTheDetailsAndExemptsTheInteractionEdits() {
        ScriptedSink sink = ScriptedSink.accepting(clock);
        RateLimiter discord = RateLimiter.discord(DiscordLimits.defaults().withGlobalLimit(3)
                .withHeadroom(Duration.ZERO), clock);

        WaveFigures figures = runToEnd(dispatcher(sink).rateLimiter(discord).build().dispatch(wave(4)));

        assertThat(sink.log(start)).containsExactly(
                "+0.000 MatchFound 1", "+0.000 MatchFound 2", "+0.000 MatchFound 3", "+0.000 MatchFound 4",
                "+0.000 MatchFound 5", "+0.000 MatchFound 6", "+0.000 MatchFound 7", "+0.000 MatchFound 8",
                "+0.050 MatchDetails 1", "+0.050 MatchDetails 2", "+0.050 MatchDetails 3",
                "+1.050 MatchDetails 4", "+1.050 MatchDetails 5", "+1.050 MatchDetails 6",
                "+2.050 MatchDetails 7", "+2.050 MatchDetails 8");
        assertThat(figures.limiterWait()).isEqualTo(Duration.ofSeconds(3 * 1 + 2 * 2));
        assertThat(figures.phase1().max()).isEqualTo(MS_50);
        assertThat(figures.phase2().p50()).isEqualTo(Duration.ofMillis(1_100));
        assertThat(figures.phase2().max()).isEqualTo(Duration.ofMillis(2_100));
    }

    @Test
    void theDesignNotesFixedBatchesAreAPolicyToo() {
        ScriptedSink sink = ScriptedSink.accepting(clock);

        runToEnd(dispatcher(sink).batching(Batching.fixed(2, Duration.ofSeconds(1))).build().dispatch(wave(5)));

        assertThat(sink.log(start).subList(10, 20)).containsExactly(
                "+0.050 MatchDetails 1", "+0.050 MatchDetails 2", "+0.050 MatchDetails 3", "+0.050 MatchDetails 4",
                "+1.000 MatchDetails 5", "+1.000 MatchDetails 6", "+1.000 MatchDetails 7", "+1.000 MatchDetails 8",
                "+2.000 MatchDetails 9", "+2.000 MatchDetails 10");
    }

    @Test
    void aSlowMatchFoundHoldsBackThatPlayersDetailsOnly() {
        ScriptedSink sink = new ScriptedSink(clock, (n, attempt) -> ScriptedSink.Answer.ok(
                n instanceof MatchFound && n.player().value() == 2 ? Duration.ofSeconds(3) : MS_50));

        runToEnd(dispatcher(sink).build().dispatch(wave(1)));

        assertThat(sink.log(start)).containsExactly("+0.000 MatchFound 1", "+0.000 MatchFound 2",
                "+0.050 MatchDetails 1", "+3.000 MatchDetails 2");
    }

    @Test
    void withDetailsAfterEveryMatchFoundASlowMatchFoundHoldsBackTheWholeWave() {
        ScriptedSink sink = new ScriptedSink(clock, (n, attempt) -> ScriptedSink.Answer.ok(
                n instanceof MatchFound && n.player().value() == 3 ? Duration.ofSeconds(3) : MS_50));

        WaveFigures figures = runToEnd(dispatcher(sink).detailsAfterEveryMatchFound().build().dispatch(wave(2)));

        assertThat(sink.log(start)).containsExactly(
                "+0.000 MatchFound 1", "+0.000 MatchFound 2", "+0.000 MatchFound 3", "+0.000 MatchFound 4",
                "+3.000 MatchDetails 1", "+3.000 MatchDetails 2", "+3.000 MatchDetails 3", "+3.000 MatchDetails 4");
        assertThat(figures.phase1().max()).isEqualTo(Duration.ofSeconds(3));
        assertThat(figures.phase2().count()).isEqualTo(4);
    }

    @Test
    void withDetailsAfterEveryMatchFoundAFailedMatchFoundStillReleasesTheWave() {
        ScriptedSink sink = new ScriptedSink(clock, (n, attempt) -> n instanceof MatchFound && n.player().value() == 1
                ? new ScriptedSink.Answer(SendResult.permanentFailure("token expired"), MS_50)
                : ScriptedSink.Answer.ok(MS_50));

        runToEnd(dispatcher(sink).detailsAfterEveryMatchFound().build().dispatch(wave(1)));

        assertThat(sink.log(start)).contains("+0.050 MatchDetails 1", "+0.050 MatchDetails 2");
        assertThat(mailboxes.pending(PlayerId.of(1))).hasSize(1);
    }

    @Test
    void a429IsRetriedAfterExactlyItsRetryAfterAndTheLimiterHearsOfIt() {
        List<String> heard = new ArrayList<>();
        RateLimiter recording = new RateLimiter() {
            @Override
            public Reservation reserve(Route route) {
                return Reservation.IMMEDIATE;
            }

            @Override
            public void onRateLimited(Route route, Duration retryAfter, boolean global) {
                heard.add(route.name() + " " + retryAfter + " global=" + global);
            }
        };
        ScriptedSink sink = new ScriptedSink(clock, (n, attempt) -> n instanceof MatchDetails && attempt == 1
                ? new ScriptedSink.Answer(SendResult.rateLimited(Duration.ofMillis(700), true), MS_50)
                : ScriptedSink.Answer.ok(MS_50));

        WaveFigures figures = runToEnd(dispatcher(sink).rateLimiter(recording).build().dispatch(wave(1)));

        assertThat(sink.log(start)).containsExactly("+0.000 MatchFound 1", "+0.000 MatchFound 2",
                "+0.050 MatchDetails 1", "+0.050 MatchDetails 2", "+0.800 MatchDetails 1", "+0.800 MatchDetails 2");
        assertThat(heard).containsExactly("POST /channels/{channel.id}/messages PT0.7S global=true",
                "POST /channels/{channel.id}/messages PT0.7S global=true");
        assertThat(figures.retries()).isEqualTo(2);
        assertThat(figures.rateLimited()).isEqualTo(2);
        assertThat(figures.sends()).isEqualTo(6);
        assertThat(figures.failures()).isZero();
    }

    @Test
    void aServerSayingRetryAfterZeroIsNotHammered() {
        ScriptedSink sink = new ScriptedSink(clock, (n, attempt) -> n instanceof MatchDetails && attempt <= 2
                ? new ScriptedSink.Answer(SendResult.rateLimited(Duration.ZERO, false), Duration.ZERO)
                : ScriptedSink.Answer.ok(Duration.ZERO));

        runToEnd(dispatcher(sink).build().dispatch(wave(1)));

        assertThat(sink.log(start)).containsExactly("+0.000 MatchFound 1", "+0.000 MatchFound 2",
                "+0.000 MatchDetails 1", "+0.000 MatchDetails 2", "+0.250 MatchDetails 1", "+0.250 MatchDetails 2",
                "+0.500 MatchDetails 1", "+0.500 MatchDetails 2");
    }

    @Test
    void otherFailuresBackOffExponentiallyOrByTheirHintWhenLonger() {
        ScriptedSink sink = new ScriptedSink(clock, (n, attempt) -> {
            if (n instanceof MatchFound && n.player().value() == 1 && attempt <= 3) {
                Optional<Duration> hint = attempt == 3 ? Optional.of(Duration.ofSeconds(2)) : Optional.empty();
                return new ScriptedSink.Answer(SendResult.retryableFailure("503", hint), MS_50);
            }
            return ScriptedSink.Answer.ok(MS_50);
        });

        runToEnd(dispatcher(sink).build().dispatch(wave(1)));

        // Answers at 0.05, 0.35, 0.90; backoffs 250 ms, 500 ms, then the 2 s hint over 1 s.
        assertThat(sink.log(start)).containsExactly("+0.000 MatchFound 1", "+0.000 MatchFound 2",
                "+0.050 MatchDetails 2", "+0.300 MatchFound 1", "+0.850 MatchFound 1", "+2.900 MatchFound 1",
                "+2.950 MatchDetails 1");
    }

    @Test
    void aFinalFailureIsReportedAndKeptPendingNeverDropped() {
        ScriptedSink sink = new ScriptedSink(clock, (n, attempt) -> n instanceof MatchDetails && n.player().value() == 3
                ? new ScriptedSink.Answer(SendResult.permanentFailure("Cannot send messages to this user (50007)"), MS_50)
                : ScriptedSink.Answer.ok(MS_50));

        WaveFigures figures = runToEnd(dispatcher(sink).build().dispatch(wave(2)));

        assertThat(undelivered).singleElement().satisfies(u -> {
            assertThat(u.notification()).isInstanceOf(MatchDetails.class);
            assertThat(u.notification().player()).isEqualTo(PlayerId.of(3));
            assertThat(u.attempts()).isEqualTo(1);
            assertThat(u.reason()).contains("50007");
        });
        assertThat(mailboxes.pending(PlayerId.of(3))).containsExactly(undelivered.getFirst().notification());
        assertThat(figures.failures()).isEqualTo(1);
        assertThat(figures.phase2().count()).isEqualTo(3);
    }

    @Test
    void retriesStopAtTheDeadline() {
        ScriptedSink sink = new ScriptedSink(clock, (n, attempt) -> n instanceof MatchDetails
                ? new ScriptedSink.Answer(SendResult.rateLimited(Duration.ofSeconds(1), false), MS_50)
                : ScriptedSink.Answer.ok(MS_50));
        RetryPolicy patient = new RetryPolicy(Duration.ofMillis(100), 2, Duration.ofSeconds(1), Duration.ofSeconds(3));

        WaveFigures figures = runToEnd(dispatcher(sink).retryPolicy(patient).build().dispatch(wave(1)));

        // Tries at 0.05, 1.10, 2.15; the next would be at 3.20, past 0.05 + 3 s.
        assertThat(undelivered).hasSize(2).allSatisfy(u -> {
            assertThat(u.attempts()).isEqualTo(3);
            assertThat(u.reason()).contains("429").contains("deadline");
        });
        assertThat(figures.total()).isEqualTo(Duration.ofMillis(2_200));
        assertThat(mailboxes.pending(PlayerId.of(1))).hasSize(1);
    }

    @Test
    void whenMatchFoundFailsForGoodTheDetailsStillGoOut() {
        ScriptedSink sink = new ScriptedSink(clock, (n, attempt) -> n instanceof MatchFound && n.player().value() == 1
                ? new ScriptedSink.Answer(SendResult.permanentFailure("Unknown Webhook (10015): token expired"), MS_50)
                : ScriptedSink.Answer.ok(MS_50));

        runToEnd(dispatcher(sink).build().dispatch(wave(1)));

        assertThat(sink.log(start)).contains("+0.050 MatchDetails 1");
        assertThat(mailboxes.pending(PlayerId.of(1))).singleElement().isInstanceOf(MatchFound.class);
    }

    @Test
    void responseHeadersReachTheLimiter() {
        List<RateLimitHeaders> heard = new ArrayList<>();
        RateLimitHeaders headers = new RateLimitHeaders(Optional.of("abc"), 5, 4, Duration.ofSeconds(5));
        RateLimiter recording = new RateLimiter() {
            @Override
            public Reservation reserve(Route route) {
                return Reservation.IMMEDIATE;
            }

            @Override
            public void onResponse(Route route, RateLimitHeaders h) {
                heard.add(h);
            }
        };
        ScriptedSink sink = new ScriptedSink(clock, (n, attempt) -> new ScriptedSink.Answer(
                n instanceof MatchDetails ? SendResult.sent(headers) : SendResult.sent(), MS_50));

        runToEnd(dispatcher(sink).rateLimiter(recording).build().dispatch(wave(1)));

        assertThat(heard).containsExactly(headers, headers);
    }

    @Test
    void aSinkThatThrowsOrFailsItsStageIsRetriedNotFatal() {
        int[] calls = new int[1];
        NotificationSink flaky = new NotificationSink() {
            private final ScriptedSink inner = ScriptedSink.accepting(clock);

            @Override
            public Route route(Notification notification) {
                return inner.route(notification);
            }

            @Override
            public java.util.concurrent.CompletionStage<SendResult> send(Notification notification, Route route) {
                calls[0]++;
                if (calls[0] == 1) {
                    throw new IllegalStateException("connection reset");
                }
                if (calls[0] == 2) {
                    return CompletableFuture.failedFuture(new java.io.IOException("timeout"));
                }
                return inner.send(notification, route);
            }
        };

        WaveFigures figures = runToEnd(dispatcher(flaky).build().dispatch(wave(1)));

        assertThat(figures.failures()).isZero();
        assertThat(figures.retries()).isEqualTo(2);
        assertThat(figures.phase2().count()).isEqualTo(2);
    }

    @Test
    void anEmptyWaveIsDoneAtOnce() {
        CompletableFuture<WaveFigures> done = dispatcher(ScriptedSink.accepting(clock)).build().dispatch(List.of());

        assertThat(done).isCompletedWithValue(new WaveFigures(0, 0, Latencies.NONE, Latencies.NONE, Duration.ZERO,
                0, 0, 0, 0, Duration.ZERO));
    }

    @Test
    void aPlayerInTwoMatchesOfAWaveIsRefused() {
        List<MatchInfo> wave = new ArrayList<>(wave(2));
        MatchInfo first = wave.getFirst();
        wave.add(new MatchInfo(7, first.second(), new Participant(PlayerId.of(50), "x", "bw_zerg"), "m", "s", "c"));

        assertThatThrownBy(() -> dispatcher(ScriptedSink.accepting(clock)).build().dispatch(wave))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("player 2 is in two matches of the wave (again in match 7)");
    }

    @Test
    void overlappingWavesShareTheLimiterButNotPhaseOne() {
        ScriptedSink sink = ScriptedSink.accepting(clock);
        TwoPhaseDispatcher dispatcher = dispatcher(sink).rateLimiter(RateLimiter.discord(
                DiscordLimits.defaults().withGlobalLimit(2).withHeadroom(Duration.ZERO), clock)).build();
        CompletableFuture<WaveFigures> first = dispatcher.dispatch(wave(3));
        clock.advance(Duration.ofMillis(500));
        List<MatchInfo> later = List.of(new MatchInfo(900, new Participant(PlayerId.of(90), "a", "bw_zerg"),
                new Participant(PlayerId.of(91), "b", "sc2_zerg"), "m", "s", "c"));
        CompletableFuture<WaveFigures> second = dispatcher.dispatch(later);

        WaveFigures secondFigures = runToEnd(second);
        runToEnd(first);

        assertThat(secondFigures.phase1().max()).isEqualTo(MS_50);
        // The first wave's 6 details hold 3 windows of 2; the second wave's come after them.
        assertThat(secondFigures.phase2().max()).isEqualTo(Duration.ofMillis(3_050 - 500 + 50));
    }

    @Test
    void theBuilderNamesWhatIsMissingOrSetTwice() {
        assertThatThrownBy(() -> TwoPhaseDispatcher.builder().clock(clock).scheduler(clock)
                .keepUndeliveredIn(n -> { }).build())
                .isInstanceOf(IllegalStateException.class).hasMessage("sink is required but was not set");
        assertThatThrownBy(() -> TwoPhaseDispatcher.builder().sink(ScriptedSink.accepting(clock)).clock(clock)
                .scheduler(clock).build())
                .isInstanceOf(IllegalStateException.class).hasMessage("keepUndeliveredIn is required but was not set");
        assertThatThrownBy(() -> TwoPhaseDispatcher.builder().rateLimiter(RateLimiter.unlimited())
                .rateLimiter(RateLimiter.unlimited()))
                .isInstanceOf(IllegalStateException.class).hasMessage("rateLimiter is already set");
    }
}
