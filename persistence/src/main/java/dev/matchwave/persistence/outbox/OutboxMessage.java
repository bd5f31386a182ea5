package dev.matchwave.persistence.outbox;

import dev.matchwave.matchmaking.PlayerId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A notification in the outbox. Immutable.
 *
 * @param id          assigned by the outbox, increasing in the order messages were added
 * @param recipient   who is to receive it
 * @param kind        what it is, e.g. {@code match_found}; for the sender to pick a renderer
 * @param payload     the notification itself, serialized by the caller (e.g. JSON)
 * @param dedupeKey   the caller's key that makes adding it twice harmless, if any
 * @param createdAt   when it was added (to the microsecond)
 * @param attempts    how many deliveries failed so far
 * @param lastError   why the last delivery failed, if one did
 * @param deliveredAt when it was delivered; empty while pending
 */
public record OutboxMessage(long id, PlayerId recipient, String kind, String payload, Optional<String> dedupeKey,
                            Instant createdAt, int attempts, Optional<String> lastError,
                            Optional<Instant> deliveredAt) {

    public OutboxMessage {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(dedupeKey, "dedupeKey");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(deliveredAt, "deliveredAt");
        if (id <= 0) {
            throw new IllegalArgumentException("outbox message id must be positive, got " + id);
        }
        if (attempts < 0) {
            throw new IllegalArgumentException("outbox message attempts must not be negative, got " + attempts);
        }
    }

    public boolean pending() {
        return deliveredAt.isEmpty();
    }
}
