package dev.matchwave.matchmaking.ladder.match;

import java.util.Objects;

/**
 * Where a match is played, as the rules drew it for the pair. Immutable.
 *
 * @param map    the map, from the season pool minus both players' vetoes
 * @param server the game server (reference: from the table keyed by both home regions)
 */
public record MatchSetup(String map, String server) {

    public MatchSetup {
        Objects.requireNonNull(map, "map");
        Objects.requireNonNull(server, "server");
        if (map.isBlank()) {
            throw new IllegalArgumentException("match map must not be blank");
        }
        if (server.isBlank()) {
            throw new IllegalArgumentException("match server must not be blank");
        }
    }
}
