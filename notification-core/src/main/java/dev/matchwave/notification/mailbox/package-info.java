/**
 * Player mailboxes: {@link dev.matchwave.notification.mailbox.Mailboxes} keeps, per player, the
 * notifications not yet delivered, and hands them to the player's one subscriber in the order
 * they were published.
 *
 * <p>Thread-safe throughout; the rules are on {@code Mailboxes}.
 *
 * <p>Records here are immutable values, safe to share between threads; times are
 * {@link java.time.Duration}s and {@link java.time.Instant}s unless a name says otherwise.
 */
@NullMarked
package dev.matchwave.notification.mailbox;

import org.jspecify.annotations.NullMarked;
