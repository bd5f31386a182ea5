package dev.matchwave.notification.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.time.ManualClock;
import dev.matchwave.notification.MatchDetails;
import dev.matchwave.notification.MatchFound;
import dev.matchwave.notification.Notification;
import dev.matchwave.notification.dispatch.NotificationSink;
import dev.matchwave.notification.dispatch.SendResult;
import dev.matchwave.notification.dispatch.TwoPhaseDispatcher;
import dev.matchwave.notification.dispatch.WaveFigures;
import dev.matchwave.notification.mailbox.MailboxListener;
import dev.matchwave.notification.mailbox.Mailboxes;
import dev.matchwave.notification.mailbox.Subscription;
import dev.matchwave.notification.ratelimit.RateLimitHeaders;
import dev.matchwave.notification.ratelimit.RateLimiter;
import dev.matchwave.notification.ratelimit.Reservation;
import dev.matchwave.notification.ratelimit.Route;
import dev.matchwave.notification.simulation.Simulation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The code examples of docs/notifications.md: compiled and run here, and each tagged region
 * must appear in the document word for word.
 */
class NotificationsDocTest {

    // tag::limiter[]
    /** A decorator: adds up the waits of any limiter, and passes the server's answers on. */
    static final class MeasuredLimiter implements RateLimiter {
        private final RateLimiter inner;
        private final AtomicLong waitedNanos = new AtomicLong();

        MeasuredLimiter(RateLimiter inner) {
            this.inner = inner;
        }

        @Override
        public Reservation reserve(Route route) {
            Reservation reservation = inner.reserve(route);
            waitedNanos.addAndGet(reservation.delay().toNanos());
            return reservation;
        }

        @Override
        public void onResponse(Route route, RateLimitHeaders headers) {
            inner.onResponse(route, headers);
        }

        @Override
        public void onRateLimited(Route route, Duration retryAfter, boolean global) {
            inner.onRateLimited(route, retryAfter, global);
        }

        Duration waited() {
            return Duration.ofNanos(waitedNanos.get());
        }
    }
    // end::limiter[]

    // tag::sink[]
    /** Delivers in process, into the players' mailboxes: for a web page instead of Discord. */
    record MailboxSink(Mailboxes mailboxes) implements NotificationSink {
        @Override
        public Route route(Notification notification) {
            return Route.ANY;
        }

        @Override
        public CompletionStage<SendResult> send(Notification notification, Route route) {
            mailboxes.publish(notification);
            return CompletableFuture.completedFuture(SendResult.sent());
        }
    }
    // end::sink[]

    // tag::response[]
    /** What a Discord sink does with an HTTP answer: the limiter learns from both kinds. */
    static SendResult fromResponse(int status, Function<String, @Nullable String> header,
                                   double retryAfterSeconds, boolean global) {
        if (status == 429) {
            return SendResult.rateLimited(RateLimitHeaders.seconds("retry_after", Double.toString(retryAfterSeconds)),
                    global);
        }
        if (status >= 500) {
            return SendResult.retryableFailure("HTTP " + status, Optional.empty());
        }
        if (status >= 400) {
            return SendResult.permanentFailure("HTTP " + status);
        }
        return RateLimitHeaders.parse(header).map(SendResult::sent).orElseGet(SendResult::sent);
    }
    // end::response[]

    @Test
    void aCustomLimiterAndSinkPlugIntoTheDispatcher() throws InterruptedException {
        List<Notification> alicesNotifications = new ArrayList<>();
        WaveFigures figures;
        Duration waited;
        // tag::wiring[]
        // Virtual time here; a bot passes InstantSource.system() and
        // Scheduler.forScheduledExecutorService(executor) instead.
        ManualClock clock = ManualClock.atEpochSecond(1_767_225_600L);
        Mailboxes mailboxes = Mailboxes.create(clock, MailboxListener.NONE);
        MeasuredLimiter limiter = new MeasuredLimiter(RateLimiter.smooth(10, Duration.ofSeconds(1), clock));
        TwoPhaseDispatcher dispatcher = TwoPhaseDispatcher.builder()
                .sink(new MailboxSink(mailboxes))
                .clock(clock)
                .scheduler(clock)
                .rateLimiter(limiter)
                .keepUndeliveredIn(mailboxes::publish)
                .build();

        try (Subscription alice = mailboxes.subscribe(PlayerId.of(1))) {
            CompletableFuture<WaveFigures> wave = dispatcher.dispatch(Simulation.wave(5));
            clock.advance(Duration.ofSeconds(2));
            figures = wave.join();
            waited = limiter.waited();
            alice.take(Duration.ZERO).ifPresent(alicesNotifications::add);  // MatchFound
            alice.take(Duration.ZERO).ifPresent(alicesNotifications::add);  // MatchDetails
        }
        // end::wiring[]

        assertThat(alicesNotifications).hasSize(2);
        assertThat(alicesNotifications.get(0)).isInstanceOf(MatchFound.class);
        assertThat(alicesNotifications.get(1)).isInstanceOf(MatchDetails.class);
        // 20 sends at 10 a second: the last one 1.9 s after the first.
        assertThat(figures.phase2().max()).isEqualTo(Duration.ofMillis(1_900));
        assertThat(figures.phase1().max()).isEqualTo(Duration.ofMillis(900));
        assertThat(waited).isEqualTo(figures.limiterWait());
        assertThat(mailboxes.pending(PlayerId.of(2))).hasSize(2);
    }

    @Test
    void responsesBecomeSendResults() {
        Map<String, String> headers = Map.of("X-RateLimit-Limit", "5", "X-RateLimit-Remaining", "4",
                "X-RateLimit-Reset-After", "5.0", "X-RateLimit-Bucket", "abc");

        assertThat(fromResponse(200, headers::get, 0, false)).isEqualTo(SendResult.sent(
                new RateLimitHeaders(Optional.of("abc"), 5, 4, Duration.ofSeconds(5))));
        assertThat(fromResponse(429, Map.<String, String>of()::get, 0.25, true))
                .isEqualTo(SendResult.rateLimited(Duration.ofMillis(250), true));
        assertThat(fromResponse(403, Map.<String, String>of()::get, 0, false))
                .isInstanceOfSatisfying(SendResult.Failed.class, f -> assertThat(f.retryable()).isFalse());
    }

    @Test
    void theDocumentShowsTheseExamplesWordForWord() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "notifications.md"));
        String source = Files.readString(Path.of("src", "test", "java", "dev", "matchwave", "notification", "docs",
                "NotificationsDocTest.java"));
        Matcher regions = Pattern.compile("// tag::(\\w+)\\[]\\n(.*?)\\n\\s*// end::\\1\\[]", Pattern.DOTALL)
                .matcher(source);
        int found = 0;
        while (regions.find()) {
            found++;
            assertThat(doc).as("docs/notifications.md shows region '%s'", regions.group(1))
                    .contains(dedent(regions.group(2)));
        }
        assertThat(found).isEqualTo(4);
    }

    private static String dedent(String text) {
        List<String> lines = text.lines().toList();
        int indent = lines.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return String.join("\n", lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList());
    }
}
