package dev.matchwave.persistence.queue;

import org.jooq.DSLContext;

/**
 * A check made inside a wave's transaction, after its matches were written and before it
 * commits: throw to roll the whole wave back. The hook for a leader's lease: a process that
 * lost its lease must not commit a wave, so the check reads the lease row's fencing number in
 * the same transaction ({@code SELECT ... FOR SHARE}) and throws when it is no longer its own.
 *
 * <p>Called on the wave's thread; may block on {@code tx}.
 */
@FunctionalInterface
public interface WaveFence {

    /** No check: a single process. */
    WaveFence NONE = tx -> { };

    /**
     * @param tx the wave's transaction
     * @throws RuntimeException (a {@link dev.matchwave.matchmaking.ladder.StoreException} of kind
     *         {@code STALE}, say) to roll the wave back
     */
    void check(DSLContext tx);
}
