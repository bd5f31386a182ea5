package dev.matchwave.matchmaking.rules;

import dev.matchwave.matchmaking.MatchRules;
import java.util.List;
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
}
