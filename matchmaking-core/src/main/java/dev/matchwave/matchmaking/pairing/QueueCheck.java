package dev.matchwave.matchmaking.pairing;

import dev.matchwave.matchmaking.MatchRules;
import dev.matchwave.matchmaking.QueuedPlayer;
import java.util.List;
import java.util.Objects;

/** Checks a pairer's input: no null, no player twice. */
final class QueueCheck {

    private QueueCheck() {
    }

    static void validate(List<QueuedPlayer> queue, MatchRules rules) {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(rules, "rules");
        // Open addressing on the ids: duplicates are rare and the queue may be large.
        int capacity = Integer.highestOneBit(Math.max(4, queue.size() * 2)) << 1;
        long[] table = new long[capacity];
        boolean[] used = new boolean[capacity];
        int mask = capacity - 1;
        for (int i = 0; i < queue.size(); i++) {
            QueuedPlayer player = queue.get(i);
            if (player == null) {
                throw new NullPointerException("queue entry " + i + " is null");
            }
            long id = player.id().value();
            int slot = (int) (mix(id) & mask);
            while (used[slot]) {
                if (table[slot] == id) {
                    throw new IllegalArgumentException("player " + id + " is in the queue twice");
                }
                slot = (slot + 1) & mask;
            }
            used[slot] = true;
            table[slot] = id;
        }
    }

    private static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        return x;
    }
}
