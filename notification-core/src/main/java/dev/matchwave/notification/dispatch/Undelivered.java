package dev.matchwave.notification.dispatch;

import dev.matchwave.notification.Notification;
import dev.matchwave.notification.ratelimit.Route;
import java.util.Objects;

/**
 * A notification the dispatcher gave up on. It has been handed to the dispatcher's pending
 * store (the player's mailbox) as well.
 *
 * @param notification what could not be sent
 * @param route        the route of the last try
 * @param attempts     how many requests were made for it
 * @param reason       the last failure
 */
public record Undelivered(Notification notification, Route route, int attempts, String reason) {

    public Undelivered {
        Objects.requireNonNull(notification, "notification");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(reason, "reason");
    }
}
