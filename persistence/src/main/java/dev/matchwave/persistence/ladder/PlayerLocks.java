package dev.matchwave.persistence.ladder;

import dev.matchwave.matchmaking.PlayerId;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.IntStream;

/**
 * Striped locks by player, for the write-through caches: one player's writes hold his stripe from
 * the write to the cache (and a drop of his entry takes it too), so the cache gets them in commit
 * order. Thread-safe; 64 stripes, so unrelated players rarely wait for each other.
 */
final class PlayerLocks {

    private final ReentrantLock[] stripes = IntStream.range(0, 64).mapToObj(i -> new ReentrantLock())
            .toArray(ReentrantLock[]::new);

    /** The lock of {@code player}'s stripe. */
    ReentrantLock of(PlayerId player) {
        return stripes[(int) Math.floorMod(player.value(), (long) stripes.length)];
    }

    /** Runs {@code action} holding {@code player}'s stripe. */
    void run(PlayerId player, Runnable action) {
        ReentrantLock lock = of(player);
        lock.lock();
        try {
            action.run();
        } finally {
            lock.unlock();
        }
    }
}
