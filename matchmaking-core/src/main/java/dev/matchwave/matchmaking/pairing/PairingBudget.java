package dev.matchwave.matchmaking.pairing;

/**
 * How much work {@link Pairers#optimal(PairingBudget)} may spend proving the closest pairing.
 * Both limits count work, not time, so that the same queue always gives the same pairing. A
 * block of the queue (players that can reach each other through the rating windows) beyond
 * either limit keeps the fast pairing (exact on the number of pairs and on the matched wait),
 * except that a block over {@code maxExactPlayers} of at most 20,000 players is paired exactly
 * in segments of at most {@code min(maxExactPlayers, 5,000)} players along the rating line
 * (still exact on those two, with closer games), and reports a proven lower bound instead of
 * exactness: the nearest-distance bound, or, when
 * {@code maxSearchSteps} is above 0 and the block has at most 50,000 players, the bound of the
 * search's starting duals if it is larger (0.65 to 0.88 of the optimum on the realistic queues
 * of 10,000 players; about 0.1 s of work there, 1 s at 50,000). Immutable.
 *
 * @param maxExactPlayers the largest block the exact search is tried on, in players; at least 0
 * @param maxSearchSteps  the work the exact search may do per block, in units of 10 to 20 ns
 *                        (edges scanned, blossom members listed, blossoms touched by each dual
 *                        update); at least 0
 */
public record PairingBudget(int maxExactPlayers, long maxSearchSteps) {

    /**
     * The default: blocks of up to 10,000 players, 200 million units of search work per block
     * (two to three seconds of one core at most). On the realistic queues of docs/matchmaking.md
     * that proves 1,000 players in 7 to 10 ms, 5,000 in 60 to 90 ms and 10,000 in 0.2 to 0.6 s
     * of one core; larger blocks are paired in segments (up to 20,000 players, about a second)
     * or keep the fast pairing, with a lower bound. The starting
     * duals of a large two-sided block (at most 20,000 iterations of O(n) work; about 1,500, a
     * few tens of ms, at 10,000 players) are not counted in the units.
     */
    public static final PairingBudget DEFAULT = new PairingBudget(10_000, 200_000_000L);

    /** No exact search at all: the fast pairing with the nearest-distance lower bound. */
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
