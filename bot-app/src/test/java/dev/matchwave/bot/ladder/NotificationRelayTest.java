package dev.matchwave.bot.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.time.ManualClock;
import dev.matchwave.notification.MatchAborted;
import dev.matchwave.notification.Notification;
import dev.matchwave.notification.dispatch.NotificationSink;
import dev.matchwave.notification.dispatch.SendResult;
import dev.matchwave.notification.ratelimit.RateLimiter;
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

/** Single notifications on virtual time: every attempt is logged with its time. */
class NotificationRelayTest {

    private final ManualClock clock = ManualClock.atEpochSecond(1_000);
    private final List<String> log = new ArrayList<>();
    private final List<Notification> mailbox = new ArrayList<>();
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
        public dev.matchwave.notification.ratelimit.Reservation reserve(Route route) {
            return dev.matchwave.notification.ratelimit.Reservation.IMMEDIATE;
        }

        @Override
        public void onRateLimited(Route route, Duration retryAfter, boolean global) {
            limiterHeard.add(retryAfter);
        }
    };

    private final NotificationRelay relay = new NotificationRelay(sink, limiter, clock, mailbox::add);
    private final Notification aborted = new MatchAborted(PlayerId.of(1), 7, "your opponent aborted it");

    @Test
    void aRateLimitedSendWaitsItsRetryAfterAndTellsTheLimiter() {
        answers.add(SendResult.rateLimited(Duration.ofMillis(700), false));
        relay.send(aborted);
        clock.advance(Duration.ofSeconds(2));
        assertThat(log).containsExactly("send@0", "send@700");
        assertThat(limiterHeard).containsExactly(Duration.ofMillis(700));
        assertThat(mailbox).isEmpty();
        assertThat(relay.inFlight()).isZero();
    }

    @Test
    void retryableFailuresBackOffThenTheNotificationGoesToTheMailbox() {
        for (int i = 0; i < NotificationRelay.MAX_ATTEMPTS; i++) {
            answers.add(SendResult.retryableFailure("HTTP 502", Optional.empty()));
        }
        relay.send(aborted);
        clock.advance(Duration.ofSeconds(10));
        assertThat(log).containsExactly("send@0", "send@250", "send@750", "send@1750");
        assertThat(mailbox).containsExactly(aborted);
        assertThat(relay.inFlight()).isZero();
    }

    @Test
    void aPermanentFailureGoesToTheMailboxAtOnce() {
        answers.add(SendResult.permanentFailure("HTTP 403 (50007 Cannot send messages to this user)"));
        relay.send(aborted);
        clock.advance(Duration.ofSeconds(10));
        assertThat(log).containsExactly("send@0");
        assertThat(mailbox).containsExactly(aborted);
    }
}
