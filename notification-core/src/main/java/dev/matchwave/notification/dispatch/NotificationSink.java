package dev.matchwave.notification.dispatch;

import dev.matchwave.notification.Notification;
import dev.matchwave.notification.ratelimit.Route;
import java.util.concurrent.CompletionStage;

/**
 * Where the dispatcher's notifications go: implemented by the Discord adapter, by the
 * simulation's model of Discord, or by anything that delivers notifications.
 *
 * <p>Implementations must be thread-safe; neither method may block.
 */
public interface NotificationSink {

    /**
     * The route the request for {@code notification} will take, so that the limiter can book
     * it before it is sent. Called before every attempt, right before {@link #send} with the
     * same notification.
     */
    Route route(Notification notification);

    /**
     * Starts sending and returns at once. The stage completes with the outcome, on any thread;
     * completing exceptionally counts as {@link SendResult.Failed} with {@code retryable} true.
     */
    CompletionStage<SendResult> send(Notification notification, Route route);
}
