package dev.matchwave.matchmaking.ladder;

/**
 * Identifies a match. Assigned by the match repository when a match is created, increasing in
 * creation order. Immutable.
 *
 * @param value a positive number
 */
public record MatchId(long value) implements Comparable<MatchId> {

    public MatchId {
        if (value <= 0) {
            throw new IllegalArgumentException("match id must be positive, got " + value);
        }
    }

    public static MatchId of(long value) {
        return new MatchId(value);
    }

    @Override
    public int compareTo(MatchId other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
