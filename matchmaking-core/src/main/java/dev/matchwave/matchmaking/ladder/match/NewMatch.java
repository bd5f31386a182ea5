package dev.matchwave.matchmaking.ladder.match;

import dev.matchwave.matchmaking.Pair;
import java.util.Objects;

/**
 * One pair of a wave and where it plays, as the rules drew it. Immutable.
 *
 * @param pair  the players in their seats; the first becomes player 1
 * @param setup map and server
 */
public record NewMatch(Pair pair, MatchSetup setup) {

    public NewMatch {
        Objects.requireNonNull(pair, "pair");
        Objects.requireNonNull(setup, "setup");
    }
}
