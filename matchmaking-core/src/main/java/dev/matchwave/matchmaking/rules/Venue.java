package dev.matchwave.matchmaking.rules;

import java.util.Objects;

/**
 * Where a match of the reference ladder is played. Immutable.
 *
 * @param map     the map drawn from the season pool minus both players' vetoes
 * @param server  the game server, from the region table or drawn at random
 * @param channel the in-game chat channel, e.g. {@code scevo07}
 */
public record Venue(String map, String server, String channel) {

    public Venue {
        Objects.requireNonNull(map, "map");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(channel, "channel");
    }
}
