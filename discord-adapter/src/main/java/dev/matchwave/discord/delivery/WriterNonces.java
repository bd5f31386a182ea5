package dev.matchwave.discord.delivery;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The nonces of the writers' message creates: its kind, its match, and the how-many-th message
 * of it this would be. Only a create that made a message counts ({@link #made}): a create
 * cancelled before it left, or one that failed, leaves the nonce as it was, so the next attempt,
 * in this process or in the next one after a crash, is the same create to Discord and cannot make
 * a second message. A message made and then deleted by the player needs a nonce of its own.
 *
 * <p>Thread-safe (one monitor); keeps the {@code capacity} most recently used keys.
 */
final class WriterNonces {

    private final Map<MessageWriters.Key, Integer> made;

    WriterNonces(int capacity) {
        this.made = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<MessageWriters.Key, Integer> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The nonce of the next create of {@code key}'s message. */
    synchronized String next(MessageWriters.Key key) {
        int count = made.getOrDefault(key, 0);
        String nonce = "mw" + (key.kind() == MessageWriters.Kind.MATCH_FOUND ? 'F' : 'M') + Long.toString(key.matchId(), 36);
        return count == 0 ? nonce : nonce + "." + (count + 1);
    }

    /** A create of {@code key}'s message made one. */
    synchronized void made(MessageWriters.Key key) {
        made.merge(key, 1, Integer::sum);
    }
}
