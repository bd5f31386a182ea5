package dev.matchwave.matchmaking.rules;

import dev.matchwave.matchmaking.MatchRules;
import dev.matchwave.matchmaking.Pair;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.Objects;

/**
 * The standard rule sets by name, with their default settings, for command lines and
 * configuration files. Thread-safe.
 */
public final class RuleSets {

    private static final List<String> NAMES = List.of(EvoLadderRules.NAME, SinglePoolRules.NAME, FifoRules.NAME);

    private RuleSets() {
    }

    /** The known names: {@code evoladder}, {@code single}, {@code fifo}. */
    public static List<String> names() {
        return NAMES;
    }

    /**
     * The rule set of this name with its default settings.
     *
     * @throws IllegalArgumentException for an unknown name; the message lists the known ones
     */
    public static MatchRules byName(String name) {
        Objects.requireNonNull(name, "name");
        return switch (name) {
            case EvoLadderRules.NAME -> EvoLadderRules.defaults();
            case SinglePoolRules.NAME -> SinglePoolRules.defaults();
            case FifoRules.NAME -> FifoRules.INSTANCE;
            default -> throw new IllegalArgumentException(
                    "unknown rules '" + name + "'; known rules: " + String.join(", ", NAMES));
        };
    }

    /**
     * Where a match of this pair is played under {@code rules}: the rules' own draw when they
     * have maps ({@link EvoLadderRules#venue}), else the reference ladder's default draw (its
     * map pool, servers and channel names), so that every match has a map and a server.
     *
     * @throws IllegalArgumentException when the players' vetoes leave no map of the pool
     */
    public static Venue venue(MatchRules rules, Pair pair, long matchId, RandomGenerator random) {
        Objects.requireNonNull(rules, "rules");
        EvoLadderRules draw = rules instanceof EvoLadderRules evo ? evo : EvoLadderRules.defaults();
        return draw.venue(pair, matchId, random);
    }

    /** One seat on {@code side}: the first race offered, at its rating (rule sets with one side). */
    static List<dev.matchwave.matchmaking.Seat> firstRaceSeat(String side,
                                                           java.util.SequencedMap<String, Integer> ratingByRace) {
        if (ratingByRace.isEmpty()) {
            throw new IllegalArgumentException("a player offers at least one race");
        }
        var first = ratingByRace.firstEntry();
        return List.of(new dev.matchwave.matchmaking.Seat(side, first.getKey(), first.getValue()));
    }
}
