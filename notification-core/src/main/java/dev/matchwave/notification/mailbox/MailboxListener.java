package dev.matchwave.notification.mailbox;

import dev.matchwave.notification.Notification;

/**
 * Hears what mailboxes could not deliver, so that nothing disappears silently. Called on the
 * thread that noticed, outside any mailbox lock; it must be thread-safe and quick, and may
 * call back into the mailboxes.
 */
public interface MailboxListener {

    /** Ignores everything. */
    MailboxListener NONE = new MailboxListener() {
    };

    /** A notification left its mailbox undelivered. */
    default void discarded(Notification notification, Discard reason) {
    }

    /** A callback subscriber threw on this notification; it counts as delivered. */
    default void callbackFailed(Notification notification, RuntimeException failure) {
    }
}
