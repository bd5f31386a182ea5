package dev.matchwave.matchmaking.pairing;

import dev.matchwave.matchmaking.Pairer;

/**
 * The standard {@link Pairer}s. Both are stateless and thread-safe, never block, and give the
 * same pairing for the same queue and rules (every tie goes to the earlier-joined player).
 */
public final class Pairers {

    private Pairers() {
    }

    /**
     * Pairs to this objective, in this order: (1) as many pairs as the rules allow; (2) among
     * those, the longest waiters: the total wait cycles of the matched players as large as
     * possible, which for matchings is the same as matching the longest waiters first (the
     * matched sets form a matroid); (3) then the smallest sum of squared rating gaps. A player
     * with seats on two sides gets the side that serves the objective.
     *
     * <p>(1) and (2) are exact for every queue. (3) is exact, and proven so by a dual
     * certificate, for every block of the queue (players that can reach each other through the
     * rating windows) that the search finishes within {@link PairingBudget#DEFAULT}; a block
     * beyond it keeps a good pairing (sorted re-pairing and pair swaps) and {@link
     * dev.matchwave.matchmaking.Pairing#optimality()} reports a proven lower bound instead.
     * Rules whose {@link dev.matchwave.matchmaking.MatchRules#firstInFirstOut()} is true are
     * paired by {@link #fifo()}. The certified search costs far more than the rest: see
     * docs/matchmaking.md for the sizes it reaches and its times.
     */
    public static Pairer optimal() {
        return OptimalPairer.DEFAULT;
    }

    /**
     * {@link #optimal()} with a caller's budget for the exact search of the closest ratings:
     * blocks beyond it keep the fast pairing and a proven lower bound ({@link
     * dev.matchwave.matchmaking.Pairing#optimality()}).
     */
    public static Pairer optimal(PairingBudget budget) {
        java.util.Objects.requireNonNull(budget, "budget");
        return new OptimalPairer(OptimalPairer.DEFAULT_EXACT_LIMIT, true, budget);
    }

    /**
     * First in, first out: in join order, each free player meets the earliest-joined free player
     * after him whom the rules allow; ratings play no part beyond what the rules allow. With
     * {@link dev.matchwave.matchmaking.rules.FifoRules}: first with second, third with fourth...
     */
    public static Pairer fifo() {
        return FifoPairer.INSTANCE;
    }
}
