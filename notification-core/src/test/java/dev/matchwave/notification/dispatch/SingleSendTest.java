package dev.matchwave.notification.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.time.ManualClock;
import dev.matchwave.notification.MatchAborted;
import dev.matchwave.notification.Notification;
import dev.matchwave.notification.ratelimit.RateLimiter;
import dev.matchwave.notification.ratelimit.Reservation;
import dev.matchwave.notification.ratelimit.Route;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/**
 * {@link TwoPhaseDispatcher#send}: a notification outside any wave goes through the waves' own
 * send-and-retry loop, on virtual time; every try is logged with its time.
 */
class SingleSendTest {

    private final ManualClock clock = ManualClock.atEpochSecond(1_000);
    private final List<String> log = new ArrayList<>();
    private final List<Notification> pending = new ArrayList<>();
    private final List<Undelivered> reported = new ArrayList<>();
    private final Deque<SendResult> answers = new ArrayDeque<>();
    private final List<Duration> limiterHeard = new ArrayList<>();

    private final NotificationSink sink = new NotificationSink() {
        @Override
        public Route route(Notification notification) {
            return Route.channelMessage("dm");
        }

        @Override
        public CompletionStage<SendResult> send(Notification notification, Route route) {
            log.add("send@" + (clock.instant().toEpochMilli() - 1_000_000));
            return CompletableFuture.completedFuture(answers.isEmpty() ? SendResult.sent() : answers.poll());
        }
    };

    private final RateLimiter limiter = new RateLimiter() {
        @Override
        public Reservation reserve(Route route) {
            return Reservation.IMMEDIATE;
        }

        @Override
        public void onRateLimited(Route route, Duration retryAfter, boolean global) {
            limiterHeard.add(retryAfter);
        }
    };

    /** 250 ms doubling, given up when the next try would start more than 3 s after the first. */
    private final TwoPhaseDispatcher dispatcher = TwoPhaseDispatcher.builder()
            .sink(sink)
            .clock(clock)
            .scheduler(clock)
            .rateLimiter(limiter)
            .retryPolicy(new RetryPolicy(Duration.ofMillis(250), 2.0, Duration.ofSeconds(10), Duration.ofSeconds(3)))
            .listener(new DispatchListener() {
                @Override
                public void undelivered(Undelivered undelivered) {
                    reported.add(undelivered);
                }
            })
            .keepUndeliveredIn(pending::add)
            .build();

    private final Notification aborted = new MatchAborted(PlayerId.of(1), 7, "your opponent aborted it");

    @Test
    void aRateLimitedSendWaitsItsRetryAfterAndTellsTheLimiter() {
        answers.add(SendResult.rateLimited(Duration.ofMillis(700), false));
        CompletableFuture<Boolean> settled = dispatcher.send(aborted);
        assertThat(settled).isNotDone();
        clock.advance(Duration.ofSeconds(2));
        assertThat(log).containsExactly("send@0", "send@700");
        assertThat(limiterHeard).containsExactly(Duration.ofMillis(700));
        assertThat(pending).isEmpty();
        assertThat(settled).isCompletedWithValue(true);
    }

    @Test
    void retryableFailuresBackOffUntilTheRetryPolicysDeadlineThenTheNotificationIsKept() {
        for (int i = 0; i < 10; i++) {
            answers.add(SendResult.retryableFailure("HTTP 502", Optional.empty()));
        }
        CompletableFuture<Boolean> settled = dispatcher.send(aborted);
        clock.advance(Duration.ofSeconds(10));
        // 250, 500, 1,000 ms apart; the next (2 s later, at 3.75 s) would pass the 3 s deadline.
        assertThat(log).containsExactly("send@0", "send@250", "send@750", "send@1750");
        assertThat(pending).containsExactly(aborted);
        assertThat(reported).singleElement().satisfies(u -> {
            assertThat(u.attempts()).isEqualTo(4);
            assertThat(u.reason()).contains("HTTP 502").contains("deadline");
        });
        assertThat(settled).isCompletedWithValue(false);
    }

    @Test
    void aPermanentFailureIsKeptAtOnce() {
        answers.add(SendResult.permanentFailure("HTTP 403 (50007 Cannot send messages to this user)"));
        CompletableFuture<Boolean> settled = dispatcher.send(aborted);
        clock.advance(Duration.ofSeconds(10));
        assertThat(log).containsExactly("send@0");
        assertThat(pending).containsExactly(aborted);
        assertThat(settled).isCompletedWithValue(false);
    }
}
