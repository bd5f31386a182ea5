package dev.matchwave.matchmaking.queue;

import dev.matchwave.matchmaking.Pair;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One wave: the pairs it committed, all at once. Immutable.
 *
 * @param number      the wave's number in this service, from 1, one more for every wave run
 * @param at          when the wave ran (the clock when it took its snapshot)
 * @param pairs       the new pairs, in the pairer's order; every player in them has been moved
 *                    from the queue to "in a match"
 * @param queued      how many players the wave paired from (its snapshot, after expiry)
 * @param unmatched   how many players of the snapshot stay queued after the wave (the rest
 *                    were matched or left while it paired)
 * @param pairingTime how long the pairer took (wall time, not the injected clock)
 */
public record Wave(long number, Instant at, List<Pair> pairs, int queued, int unmatched, Duration pairingTime) {

    public Wave {
        Objects.requireNonNull(at, "at");
        pairs = List.copyOf(Objects.requireNonNull(pairs, "pairs"));
        Objects.requireNonNull(pairingTime, "pairingTime");
        if (number < 1) {
            throw new IllegalArgumentException("wave number must be at least 1, got " + number);
        }
        if (queued < 0 || unmatched < 0 || unmatched + 2L * pairs.size() > queued) {
            throw new IllegalArgumentException("wave " + number + ": " + pairs.size() + " pairs and " + unmatched
                    + " unmatched do not fit in " + queued + " queued players");
        }
    }
}
