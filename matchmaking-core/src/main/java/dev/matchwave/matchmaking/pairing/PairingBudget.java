package dev.matchwave.matchmaking.pairing;

/**
 * How much work {@link Pairers#optimal(PairingBudget)} may spend proving the closest pairing.
 * Both limits count work, not time, so that the same queue always gives the same pairing. A
 * block of the queue (players that can reach each other through the rating windows) beyond
 * either limit keeps the fast pairing (exact on the number of pairs and on the matched wait)
 * and reports a proven lower bound instead of exactness. Immutable.
 *
 * @param maxExactPlayers the largest block the exact search is tried on, in players; at least 0
 * @param maxSearchSteps  the work the exact search may do per block, in units of about 10 ns
 *                        (edges scanned, blossom members listed, blossoms touched by each dual
 *                        update); at least 0
 */
public record PairingBudget(int maxExactPlayers, long maxSearchSteps) {

    /**
     * The default: blocks of up to 2,500 players, 50 million units of search work per block
     * (about a second of one core at most). On the realistic queue of docs/matchmaking.md that
     * proves queues of about 2,000 players in half a second; larger blocks keep the fast pairing
     * and its lower bound at once, so a wave of 10,000 or 100,000 players stays as fast as before.
     */
    public static final PairingBudget DEFAULT = new PairingBudget(2_500, 50_000_000L);

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
