package dev.matchwave.matchmaking;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of pairing one snapshot of the queue.
 *
 * @param pairs      the pairs, in a deterministic order
 * @param unmatched  players who stay in the queue
 * @param optimality what the pairer proved about the closeness of the pairs ({@link
 *                   Optimality#UNKNOWN} when it proved nothing)
 */
public record Pairing(List<Pair> pairs, List<QueuedPlayer> unmatched, Optimality optimality) {

    public Pairing {
        pairs = List.copyOf(Objects.requireNonNull(pairs, "pairs"));
        unmatched = List.copyOf(Objects.requireNonNull(unmatched, "unmatched"));
        Objects.requireNonNull(optimality, "optimality");
    }

    /** A pairing about which nothing is proven. */
    public Pairing(List<Pair> pairs, List<QueuedPlayer> unmatched) {
        this(pairs, unmatched, Optimality.UNKNOWN);
    }

    /** The sum over the pairs of the squared rating gap of their seats, in squared rating points. */
    public long sumSquaredGaps() {
        long sum = 0;
        for (Pair pair : pairs) {
            long gap = Math.abs((long) pair.firstSeat().rating() - pair.secondSeat().rating());
            sum += gap * gap;
        }
        return sum;
    }

    /** The total wait cycles of the matched players. */
    public long matchedWait() {
        long sum = 0;
        for (Pair pair : pairs) {
            sum += pair.first().waitCycles() + (long) pair.second().waitCycles();
        }
        return sum;
    }
}
