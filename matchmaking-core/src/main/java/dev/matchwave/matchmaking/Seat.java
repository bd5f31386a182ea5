package dev.matchwave.matchmaking;

import java.util.Objects;

/**
 * One way a player can take part in a match: the side he plays on, the race (or character,
 * deck, ...) he plays, and the rating he brings with it.
 *
 * <p>In the reference ladder a player may offer two seats, one on the {@code bw} side and one
 * on the {@code sc2} side; the pairing decides which one he takes. Single-pool rules use one
 * side for everybody.
 *
 * @param side   the side of the board, as the rules name it (e.g. {@code "bw"}, {@code "sc2"})
 * @param race   what the player plays on that side (e.g. {@code "bw_zerg"})
 * @param rating the rating for this race, in rating points
 */
public record Seat(String side, String race, int rating) {

    public Seat {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(race, "race");
        if (side.isBlank()) {
            throw new IllegalArgumentException("seat side must not be blank");
        }
        if (race.isBlank()) {
            throw new IllegalArgumentException("seat race must not be blank");
        }
    }
}
