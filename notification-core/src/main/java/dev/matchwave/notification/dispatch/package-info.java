/**
 * Two-phase dispatch of a wave's notifications: {@link dev.matchwave.notification.dispatch.TwoPhaseDispatcher}
 * sends every player's "match found" at once, then every player's details paced by a rate
 * limiter, through a {@link dev.matchwave.notification.dispatch.NotificationSink} that the
 * Discord adapter (or anything else) implements.
 *
 * <p>Records here are immutable values, safe to share between threads; times are
 * {@link java.time.Duration}s and {@link java.time.Instant}s unless a name says otherwise.
 */
@NullMarked
package dev.matchwave.notification.dispatch;

import org.jspecify.annotations.NullMarked;
