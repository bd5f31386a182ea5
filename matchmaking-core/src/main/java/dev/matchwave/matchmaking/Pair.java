package dev.matchwave.matchmaking;

import java.util.Objects;

/**
 * Two players put together by a wave, each in the seat the pairing chose for him. For rules
 * with two sides, {@code first} plays the first side (the reference ladder: BW) and
 * {@code second} the other (SC2).
 */
public record Pair(QueuedPlayer first, Seat firstSeat, QueuedPlayer second, Seat secondSeat) {

    public Pair {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(firstSeat, "firstSeat");
        Objects.requireNonNull(second, "second");
        Objects.requireNonNull(secondSeat, "secondSeat");
        if (first.id().equals(second.id())) {
            throw new IllegalArgumentException("a player cannot meet himself: " + first.id());
        }
        if (!offers(first, firstSeat) || !offers(second, secondSeat)) {
            throw new IllegalArgumentException("a pair must use seats the players offered");
        }
    }

    /** Whether the player offered this seat; identity first, as pairers hand back his own seats. */
    private static boolean offers(QueuedPlayer player, Seat seat) {
        for (Seat offered : player.seats()) {
            if (offered == seat || offered.equals(seat)) {
                return true;
            }
        }
        return false;
    }

    /** The absolute rating gap between the two seats, in rating points. */
    public int gap() {
        return Math.abs(firstSeat.rating() - secondSeat.rating());
    }
}
