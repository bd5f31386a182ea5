package dev.matchwave.matchmaking.queue.store;

import java.util.List;
import java.util.Objects;

/**
 * What a wave changes before it pairs: the entries it expired, and the entries that waited
 * one more wave (their wait cycles go up by one). Immutable.
 *
 * @param number  the wave's number
 * @param expired entries removed because their deadline came
 * @param waited  entries whose wait cycles go up by one
 */
public record WaveStart(long number, List<EntryKey> expired, List<EntryKey> waited) {

    public WaveStart {
        expired = List.copyOf(Objects.requireNonNull(expired, "expired"));
        waited = List.copyOf(Objects.requireNonNull(waited, "waited"));
        if (number < 1) {
            throw new IllegalArgumentException("wave number must be at least 1, got " + number);
        }
    }
}
