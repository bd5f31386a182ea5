package dev.matchwave.matchmaking.queue.store;

import dev.matchwave.matchmaking.QueuedPlayer;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A queue entry as stored: the player with his seats, ratings, preferences, join time and wait
 * cycles, its place in join order, its expiry deadline, and an opaque contact. Immutable.
 *
 * @param player   the player as the next wave will see him (join time kept to the microsecond)
 * @param sequence the entry's place in join order (see {@link EntryKey})
 * @param deadline when the entry expires
 * @param contact  how the front end reaches the player about this entry (the bot: the token of
 *                 his "Searching..." message and when it was issued); never read by the queue
 */
public record StoredEntry(QueuedPlayer player, long sequence, Instant deadline, Optional<String> contact) {

    public StoredEntry {
        Objects.requireNonNull(player, "player");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(contact, "contact");
    }

    public EntryKey key() {
        return new EntryKey(player.id(), sequence);
    }

    public StoredEntry withWaitCycles(int cycles) {
        return new StoredEntry(player.withWaitCycles(cycles), sequence, deadline, contact);
    }

    public StoredEntry withContact(String value) {
        return new StoredEntry(player, sequence, deadline, Optional.of(value));
    }
}
