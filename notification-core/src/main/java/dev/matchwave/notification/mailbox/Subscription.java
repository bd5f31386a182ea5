package dev.matchwave.notification.mailbox;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.notification.Notification;
import java.time.Duration;
import java.util.Optional;

/**
 * A player's listener on his mailbox, from {@link Mailboxes#subscribe}. Closing it (or a newer
 * subscription for the same player) ends it; notifications it had not taken stay in the
 * mailbox for the next subscriber.
 *
 * <p>Thread-safe. A polling subscription may be taken from by several threads; each
 * notification goes to exactly one of them.
 */
public interface Subscription extends AutoCloseable {

    /** Whose mailbox this is. */
    PlayerId player();

    /** False once closed or replaced by a newer subscription. */
    boolean isOpen();

    /**
     * Takes the oldest undelivered notification, waiting up to {@code timeout} for one.
     *
     * @return empty when none came in time, or when the subscription is (or gets) closed
     * @throws IllegalStateException for a callback subscription: its notifications go to the callback
     * @throws InterruptedException  if the thread is interrupted while waiting
     */
    Optional<Notification> take(Duration timeout) throws InterruptedException;

    /** {@link #take} without waiting. */
    Optional<Notification> poll();

    /** Ends the subscription; idempotent. Never throws. */
    @Override
    void close();
}
