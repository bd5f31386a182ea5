package dev.matchwave.matchmaking.queue;

/**
 * What the queue remembers about a player beyond his entry: when it last saw him, and the
 * times of his recent joins for the join limit (a sliding log: the last {@code limit} join
 * times, oldest first in ring order). Not thread-safe: owned by the {@link QueueService} lock.
 */
final class PlayerRecord {

    long lastSeenMillis;
    private long[] joins = new long[0];
    private int head;
    private int count;

    PlayerRecord(long nowMillis) {
        this.lastSeenMillis = nowMillis;
    }

    /**
     * How long until one more join fits: 0 when fewer than {@code limit} joins fell in the last
     * {@code windowMillis}. With the log holding the last {@code limit} joins, the window is full
     * exactly when the oldest of them is younger than the window.
     */
    long millisUntilJoinAllowed(long nowMillis, int limit, long windowMillis) {
        if (count < limit) {
            return 0;
        }
        long freedAt = joins[head] + windowMillis;
        return Math.max(0, freedAt - nowMillis);
    }

    void recordJoin(long nowMillis, int limit) {
        if (count < limit) {
            if (count == joins.length) {
                grow(limit);
            }
            joins[(head + count) % joins.length] = nowMillis;
            count++;
        } else {
            joins[head] = nowMillis;
            head = (head + 1) % joins.length;
        }
    }

    private void grow(int limit) {
        long[] bigger = new long[Math.min(limit, Math.max(4, joins.length * 2))];
        for (int i = 0; i < count; i++) {
            bigger[i] = joins[(head + i) % joins.length];
        }
        joins = bigger;
        head = 0;
    }
}
