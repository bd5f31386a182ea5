package dev.matchwave.matchmaking.queue.store;

import dev.matchwave.matchmaking.PlayerId;
import java.util.Objects;

/**
 * One stay of one player in the queue: a player who leaves and joins again gets a new
 * {@code sequence}, so a write meant for his old entry never touches the new one. Immutable.
 *
 * @param player   who
 * @param sequence the entry's place in join order, unique among the queue's entries
 */
public record EntryKey(PlayerId player, long sequence) {

    public EntryKey {
        Objects.requireNonNull(player, "player");
    }
}
