package dev.matchwave.bot.ladder;

import dev.matchwave.matchmaking.time.Scheduler;
import dev.matchwave.notification.Notification;
import dev.matchwave.notification.dispatch.NotificationSink;
import dev.matchwave.notification.dispatch.SendResult;
import dev.matchwave.notification.ratelimit.RateLimiter;
import dev.matchwave.notification.ratelimit.Reservation;
import dev.matchwave.notification.ratelimit.Route;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the single notifications of a match's life (reminders, aborts, results, conflicts)
 * through the same sink and the same limiter as the waves' two-phase dispatch, so they count
 * toward the same budget. A 429 waits its retry-after and tells the limiter; another retryable
 * failure is tried again after a doubling backoff, up to {@link #MAX_ATTEMPTS} tries; what still
 * fails goes to {@code keepUndelivered} (the player's mailbox): nothing is dropped silently.
 *
 * <p>Thread-safe; {@link #send} never blocks: the work runs on the scheduler and on the threads
 * that complete the sink's sends.
 */
public final class NotificationRelay {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationRelay.class);

    /** Tries per notification, the first included. */
    public static final int MAX_ATTEMPTS = 4;
    static final Duration FIRST_BACKOFF = Duration.ofMillis(250);

    private final NotificationSink sink;
    private final RateLimiter limiter;
    private final Scheduler scheduler;
    private final Consumer<? super Notification> keepUndelivered;
    private final AtomicInteger inFlight = new AtomicInteger();

    public NotificationRelay(NotificationSink sink, RateLimiter limiter, Scheduler scheduler,
                             Consumer<? super Notification> keepUndelivered) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.keepUndelivered = Objects.requireNonNull(keepUndelivered, "keepUndelivered");
    }

    /**
     * Starts sending; returns at once. The stage completes when the notification is settled:
     * sent, or given up and kept in the mailbox.
     */
    public CompletableFuture<Void> send(Notification notification) {
        Objects.requireNonNull(notification, "notification");
        inFlight.incrementAndGet();
        CompletableFuture<Void> settled = new CompletableFuture<>();
        attempt(notification, 1, Duration.ZERO, settled);
        return settled;
    }

    /** Notifications sent but not settled yet (for a clean shutdown and tests). */
    public int inFlight() {
        return inFlight.get();
    }

    private void attempt(Notification notification, int attempt, Duration notBefore, CompletableFuture<Void> settled) {
        scheduler.schedule(() -> {
            Route route;
            Reservation reservation;
            try {
                route = sink.route(notification);
                reservation = limiter.reserve(route);
            } catch (RuntimeException e) {
                settle(notification, SendResult.permanentFailure("no route: " + e), attempt, settled);
                return;
            }
            scheduler.schedule(() -> go(notification, route, attempt, settled), reservation.delay());
        }, notBefore);
    }

    private void go(Notification notification, Route route, int attempt, CompletableFuture<Void> settled) {
        try {
            sink.send(notification, route).whenComplete((result, failure) -> {
                SendResult outcome = failure != null
                        ? SendResult.retryableFailure(String.valueOf(failure), java.util.Optional.empty())
                        : result;
                if (outcome instanceof SendResult.Sent sent) {
                    sent.headers().ifPresent(headers -> limiter.onResponse(route, headers));
                } else if (outcome instanceof SendResult.RateLimited limited) {
                    limiter.onRateLimited(route, limited.retryAfter(), limited.global());
                }
                settle(notification, outcome, attempt, settled);
            });
        } catch (RuntimeException e) {
            settle(notification, SendResult.retryableFailure(e.toString(), java.util.Optional.empty()), attempt, settled);
        }
    }

    private void settle(Notification notification, SendResult result, int attempt, CompletableFuture<Void> settled) {
        switch (result) {
            case SendResult.Sent sent -> {
                inFlight.decrementAndGet();
                settled.complete(null);
            }
            case SendResult.RateLimited limited when attempt < MAX_ATTEMPTS ->
                    attempt(notification, attempt + 1, max(limited.retryAfter(), FIRST_BACKOFF), settled);
            case SendResult.Failed failed when failed.retryable() && attempt < MAX_ATTEMPTS ->
                    attempt(notification, attempt + 1,
                            max(FIRST_BACKOFF.multipliedBy(1L << (attempt - 1)), failed.retryAfter().orElse(Duration.ZERO)),
                            settled);
            default -> {
                LOG.warn("notification {} for player {} (match {}) not delivered after {} tries: {}; kept in his mailbox",
                        notification.getClass().getSimpleName(), notification.player(), notification.matchId(), attempt,
                        result);
                try {
                    keepUndelivered.accept(notification);
                } finally {
                    inFlight.decrementAndGet();
                    settled.complete(null);
                }
            }
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
