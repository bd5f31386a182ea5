package dev.matchwave.matchmaking.queue;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Receives every wave, with all its new pairs at once, and turns the pairs into matches.
 *
 * <p>{@link #onWave} runs inside the queue store's unit of work for the wave
 * ({@link dev.matchwave.matchmaking.queue.store.QueueStore#commitWave}): with a store that shares
 * its transactions with the matches' store, the matches it creates on the calling thread and the
 * players' leaving the queue are one transaction.
 *
 * <p>Called on the thread that runs the wave (the scheduler's, or the caller of
 * {@link QueueService#runWave()}), never while the queue's lock is held, one wave at a time.
 * It may block (write to a database); the next wave waits for it. The players of the pairs are
 * "in a match" during the call: they cannot join, and leaving answers
 * {@link LeaveResult.InMatch}.
 *
 * <p>Failure: return a {@link WaveReceipt} naming the pairs that did not become matches; their
 * players go back to the queue with their wait kept. Throwing is the same as
 * {@link WaveReceipt#noneCreated}: every pair of the wave is rolled back. So a listener that
 * creates matches one by one must catch its own failures and name them in the receipt, or a
 * match it did create would be rolled back too.
 */
@FunctionalInterface
public interface WaveListener {

    /**
     * @param wave the wave, possibly with no pairs (every wave is reported)
     * @return the pairs that did not become matches; {@link WaveReceipt#allCreated()} if none
     */
    WaveReceipt onWave(Wave wave);

    /**
     * Called once the wave is settled, after {@link #onWave} and the queue store's commit.
     * {@code stored} false: the store (or {@link #onWave} itself) failed, nothing of the wave
     * was stored, and every pair went back to the queue; matches {@link #onWave} made through a
     * store that shares the queue's transaction were not kept either. Announce the wave's
     * matches here, not in {@link #onWave}: only now are they known to be stored.
     */
    default void settled(Wave wave, boolean stored) {
    }

    /** A listener that takes every wave as created, for tests and tools that only watch. */
    static WaveListener ignoring() {
        return wave -> WaveReceipt.allCreated();
    }

    /** Hands each wave to {@code consumer}; every pair counts as created unless it throws. */
    static WaveListener of(Consumer<? super Wave> consumer) {
        Objects.requireNonNull(consumer, "consumer");
        return wave -> {
            consumer.accept(wave);
            return WaveReceipt.allCreated();
        };
    }
}
