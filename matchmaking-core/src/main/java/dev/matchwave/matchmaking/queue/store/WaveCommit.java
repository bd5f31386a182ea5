package dev.matchwave.matchmaking.queue.store;

import java.util.List;
import java.util.Objects;

/**
 * What a wave stores once its matches are made: the entries whose players leave the queue for
 * a match (their players become "in a match"). The entries of pairs that did not become matches
 * are not in it: they stay queued. Immutable.
 *
 * @param number  the wave's number
 * @param matched the entries leaving the queue for a match, two per match
 */
public record WaveCommit(long number, List<EntryKey> matched) {

    public WaveCommit {
        matched = List.copyOf(Objects.requireNonNull(matched, "matched"));
    }
}
