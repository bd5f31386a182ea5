package dev.matchwave.matchmaking.rules;

import dev.matchwave.matchmaking.MatchRules;
import dev.matchwave.matchmaking.Seat;

/**
 * First in, first out: ratings, sides and waits are ignored and players meet in the order they
 * joined, the first with the second, the third with the fourth, and so on (as an earlier
 * Redis-based matcher did, without its duplicates: docs/matchmaking.md). Any two seats meet and the window has
 * no limit; {@link #firstInFirstOut()} tells the pairer to keep join order.
 *
 * <p>Immutable and thread-safe; use {@link #INSTANCE}.
 */
public final class FifoRules implements MatchRules {

    /** The name on the command line. */
    public static final String NAME = "fifo";
    /** The side of {@link #seat()}; any side meets any other under these rules. */
    public static final String SIDE = "queue";
    /** The only instance. */
    public static final FifoRules INSTANCE = new FifoRules();

    private FifoRules() {
    }

    /** A seat for a player of a first-in-first-out queue, who brings no rating. */
    public static Seat seat() {
        return new Seat(SIDE, SIDE, 0);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** One seat: the first race (ratings play no part in who meets whom here). */
    @Override
    public java.util.List<Seat> seats(java.util.SequencedMap<String, Integer> ratingByRace) {
        return RuleSets.firstRaceSeat(SIDE, ratingByRace);
    }

    @Override
    public boolean sidesMeet(String firstSide, String secondSide) {
        return true;
    }

    @Override
    public int window(int waitCycles) {
        return Integer.MAX_VALUE;
    }

    @Override
    public boolean firstInFirstOut() {
        return true;
    }

    @Override
    public String toString() {
        return "FifoRules";
    }
}
