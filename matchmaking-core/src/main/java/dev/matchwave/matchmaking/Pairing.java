package dev.matchwave.matchmaking;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of pairing one snapshot of the queue.
 *
 * @param pairs     the pairs, in a deterministic order
 * @param unmatched players who stay in the queue
 */
public record Pairing(List<Pair> pairs, List<QueuedPlayer> unmatched) {

    public Pairing {
        pairs = List.copyOf(Objects.requireNonNull(pairs, "pairs"));
        unmatched = List.copyOf(Objects.requireNonNull(unmatched, "unmatched"));
    }
}
