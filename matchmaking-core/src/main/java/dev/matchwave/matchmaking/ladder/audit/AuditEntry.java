package dev.matchwave.matchmaking.ladder.audit;

import java.util.Objects;

/**
 * A stored admin action. Immutable.
 *
 * @param sequence position in the audit trail, assigned by the repository, positive and
 *                 increasing in the order actions were stored
 * @param action   the action
 */
public record AuditEntry(long sequence, AdminAction action) {

    public AuditEntry {
        Objects.requireNonNull(action, "action");
        if (sequence <= 0) {
            throw new IllegalArgumentException("audit sequence must be positive, got " + sequence);
        }
    }
}
