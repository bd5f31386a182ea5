/**
 * What a player is told about his matches: the sealed {@link dev.matchwave.notification.Notification}
 * type and the Discord-free values it carries. The sub-packages hold the mailboxes players
 * listen on ({@code mailbox}), the two-phase dispatcher that sends a wave's notifications
 * ({@code dispatch}), the rate limiters that pace it ({@code ratelimit}) and an in-process model
 * of Discord's limits to measure it against ({@code simulation}).
 *
 * <p>Pure Java: no Discord, database or third-party runtime types. Null is not a value in this
 * package: absent values are {@link java.util.Optional}.
 *
 * <p>Records here are immutable values, safe to share between threads; times are
 * {@link java.time.Duration}s and {@link java.time.Instant}s unless a name says otherwise.
 */
@NullMarked
package dev.matchwave.notification;

import org.jspecify.annotations.NullMarked;
