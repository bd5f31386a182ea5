package dev.matchwave.matchmaking;

import java.util.List;

/**
 * Pairs one snapshot of the queue under some rules. Implementations are stateless and
 * thread-safe; a call does not block and its result depends only on its arguments.
 */
@FunctionalInterface
public interface Pairer {

    /**
     * @param queue the players to pair, each at most once, in join order
     * @param rules who may meet whom
     * @return every player of {@code queue} exactly once, either in a pair or unmatched
     */
    Pairing pair(List<QueuedPlayer> queue, MatchRules rules);
}
