package dev.matchwave.matchmaking.pairing;

/**
 * How much work {@link Pairers#optimal(PairingBudget)} may spend proving the closest pairing.
 * Both limits count work, not time, so that the same queue always gives the same pairing. A
 * block of the queue (players that can reach each other through the rating windows) beyond
 * either limit keeps the fast pairing (exact on the number of pairs and on the matched wait)
 * and reports a proven lower bound instead of exactness. Immutable.
 *
 * @param maxExactPlayers the largest block the exact search is tried on, in players; at least 0
 * @param maxSearchSteps  the work the exact search may do per block, counted as the vertices and
 *                        blossoms each of its dual updates touches; at least 0
 */
public record PairingBudget(int maxExactPlayers, long maxSearchSteps) {

    /**
     * The default: blocks of up to 200,000 players and 40 million units of search work per block
     * (a few hundred milliseconds on one core).
     */
    public static final PairingBudget DEFAULT = new PairingBudget(200_000, 40_000_000L);

    /** No exact search at all: the fast pairing with a lower bound. */
    public static final PairingBudget NONE = new PairingBudget(0, 0);

    public PairingBudget {
        if (maxExactPlayers < 0) {
            throw new IllegalArgumentException("maxExactPlayers must be at least 0: " + maxExactPlayers);
        }
        if (maxSearchSteps < 0) {
            throw new IllegalArgumentException("maxSearchSteps must be at least 0: " + maxSearchSteps);
        }
    }
}
