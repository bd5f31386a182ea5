package dev.matchwave.notification.mailbox;

import java.time.Duration;
import java.util.Objects;

/**
 * How much a mailbox keeps, and for how long.
 *
 * @param capacity  undelivered notifications kept per player, at least 1; publishing one more
 *                  discards the oldest ({@link Discard#OVERFLOW})
 * @param expiry    how long an undelivered notification is kept after it was published,
 *                  positive; then it is discarded ({@link Discard#EXPIRED})
 */
public record MailboxConfig(int capacity, Duration expiry) {

    public MailboxConfig {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        Objects.requireNonNull(expiry, "expiry");
        if (expiry.isNegative() || expiry.isZero()) {
            throw new IllegalArgumentException("expiry must be positive, got " + expiry);
        }
    }

    /**
     * 32 per player, kept 15 minutes: as long as an interaction token lives
     * (developers/interactions/receiving-and-responding), after which the bot must reach the
     * player another way anyway.
     */
    public static MailboxConfig defaults() {
        return new MailboxConfig(32, Duration.ofMinutes(15));
    }
}
