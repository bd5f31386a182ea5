package dev.matchwave.matchmaking.rules;

import dev.matchwave.matchmaking.MatchRules;
import dev.matchwave.matchmaking.Seat;

/**
 * Rules for any 1v1 game with one rating per player: everybody sits on the one side {@value
 * #SIDE}, and two players may meet when their rating gap fits the window of either of them,
 * {@code windowBase + windowStep * wait_cycles} (the larger of the two windows).
 *
 * <p>Immutable and thread-safe.
 *
 * @param windowBase the window of a player who has not waited, in rating points, at least 0
 * @param windowStep what each wave waited adds to the window, in rating points, at least 0
 */
public record SinglePoolRules(int windowBase, int windowStep) implements MatchRules {

    /** The name on the command line. */
    public static final String NAME = "single";
    /** The one side every seat of these rules is on. */
    public static final String SIDE = "pool";

    public SinglePoolRules {
        Windows.requireNonNegative("windowBase", windowBase);
        Windows.requireNonNegative("windowStep", windowStep);
    }

    /** The reference ladder's window: 100 + 50 per wave waited. */
    public static SinglePoolRules defaults() {
        return new SinglePoolRules(100, 50);
    }

    /** A seat on the single side, for a player with this rating. */
    public static Seat seat(int rating) {
        return new Seat(SIDE, SIDE, rating);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** One seat in the pool: the first race, at its rating. */
    @Override
    public java.util.List<Seat> seats(java.util.SequencedMap<String, Integer> ratingByRace) {
        return RuleSets.firstRaceSeat(SIDE, ratingByRace);
    }

    @Override
    public boolean sidesMeet(String firstSide, String secondSide) {
        return SIDE.equals(firstSide) && SIDE.equals(secondSide);
    }

    @Override
    public int window(int waitCycles) {
        return Windows.linear(windowBase, windowStep, waitCycles);
    }
}
