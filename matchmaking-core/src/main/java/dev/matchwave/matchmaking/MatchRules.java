package dev.matchwave.matchmaking;

/**
 * Who may meet whom. Implementations are immutable and thread-safe.
 *
 * <p>The pairing algorithm relies on the structure given here (sides, a rating window that
 * grows with waiting) to avoid looking at every pair of players; {@link #compatible} is the
 * place for any further condition, such as map vetoes that leave no map.
 */
public interface MatchRules {

    /** A short name, as used on the command line (e.g. {@code evoladder}). */
    String name();

    /**
     * Whether a player seated on {@code firstSide} may face one seated on {@code secondSide},
     * the first taking the first position of the pair. For two-sided rules only one order is
     * true; for single-pool rules both are.
     */
    boolean sidesMeet(String firstSide, String secondSide);

    /**
     * The rating window of a player who has waited {@code waitCycles} waves, in rating points;
     * {@link Integer#MAX_VALUE} for no limit.
     */
    int window(int waitCycles);

    /** Conditions beyond sides and ratings; both orders give the same answer. */
    default boolean compatible(QueuedPlayer a, QueuedPlayer b) {
        return true;
    }

    /**
     * Whether this pair is allowed: sides meet, the rating gap fits the window of either
     * player (the larger of the two), and the players are {@link #compatible}.
     */
    default boolean allowed(QueuedPlayer first, Seat firstSeat, QueuedPlayer second, Seat secondSeat) {
        if (first.id().equals(second.id()) || !sidesMeet(firstSeat.side(), secondSeat.side())) {
            return false;
        }
        long gap = Math.abs((long) firstSeat.rating() - secondSeat.rating());
        long window = Math.max(window(first.waitCycles()), window(second.waitCycles()));
        return gap <= window && compatible(first, second);
    }

    /** True when ratings are ignored and players meet in the order they joined. */
    default boolean firstInFirstOut() {
        return false;
    }

    /** The maps matches are played on, in draw order; empty for rules without maps. */
    default java.util.List<String> mapPool() {
        return java.util.List.of();
    }

    /**
     * These rules on another map pool (a season's), everything else unchanged.
     *
     * @throws UnsupportedOperationException for rules without maps (the default)
     * @throws IllegalArgumentException when the pool is empty or names a map twice
     */
    default MatchRules withMapPool(java.util.List<String> maps) {
        throw new UnsupportedOperationException("the " + name() + " rules have no map pool");
    }
}
