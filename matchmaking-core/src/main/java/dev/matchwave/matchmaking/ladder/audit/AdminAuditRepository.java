package dev.matchwave.matchmaking.ladder.audit;

import dev.matchwave.matchmaking.PlayerId;
import java.util.List;

/**
 * The audit trail of admin actions. Append-only: entries are never changed or removed.
 *
 * <p>Actions that change other ladder data (a resolution, a rating adjustment, a ban, an abort
 * reset) are audited by the repository method that makes the change, in the same unit of work;
 * {@link #append} is for actions that change nothing else stored here (queue actions, lookups).
 *
 * <p>Implementations are thread-safe. Methods may block on I/O (call them from a virtual thread
 * or a worker, not an event loop) and report failures as
 * {@link dev.matchwave.matchmaking.ladder.StoreException}.
 */
public interface AdminAuditRepository {

    /** Stores the action and returns it with its sequence number. */
    AuditEntry append(AdminAction action);

    /**
     * The most recent entries, newest first.
     *
     * @param limit at most this many, positive
     */
    List<AuditEntry> recent(int limit);

    /** The most recent entries about {@code target} (as in {@link AdminAction#target()}), newest first. */
    List<AuditEntry> aboutTarget(String target, int limit);

    /** The most recent entries by {@code admin}, newest first. */
    List<AuditEntry> byAdmin(PlayerId admin, int limit);
}
