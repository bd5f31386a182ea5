package dev.matchwave.matchmaking;

/**
 * Identifies a player across the whole toolkit (for the reference bot: the Discord user id).
 *
 * @param value a non-negative number
 */
public record PlayerId(long value) implements Comparable<PlayerId> {

    public PlayerId {
        if (value < 0) {
            throw new IllegalArgumentException("player id must not be negative, got " + value);
        }
    }

    public static PlayerId of(long value) {
        return new PlayerId(value);
    }

    @Override
    public int compareTo(PlayerId other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
