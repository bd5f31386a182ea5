package dev.matchwave.discord.command;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The words of a ladder that its commands offer as choices: races, letter ranks, how many
 * leaderboard pages there are and how many aborts a player gets. They belong to the rule set;
 * the adapter only shows them.
 *
 * <p>Immutable and thread-safe.
 *
 * @param races            the races, in the order the choices show them (at most 25, Discord's
 *                         limit on choices)
 * @param ranks            the letter ranks, best first (at most 25)
 * @param leaderboardPages the last leaderboard page, 1 or more
 * @param abortsPerPlayer  how many aborts a player has; the upper bound of
 *                         {@code /admin reset_aborts}
 */
public record CommandVocabulary(List<Choice> races, List<String> ranks, int leaderboardPages, int abortsPerPlayer) {

    /**
     * One choice: the value the bot receives and the label the user sees.
     *
     * @param value e.g. {@code bw_zerg}
     * @param label e.g. {@code BW Zerg}
     */
    public record Choice(String value, String label) {
        public Choice {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(label, "label");
            if (value.isBlank() || value.length() > 100) {
                throw new IllegalArgumentException("choice value must be 1 to 100 characters, got '" + value + "'");
            }
            if (label.isBlank() || label.length() > 100) {
                throw new IllegalArgumentException("choice label must be 1 to 100 characters, got '" + label + "'");
            }
        }
    }

    /** Discord allows at most 25 choices per option. */
    public static final int MAX_CHOICES = 25;

    public CommandVocabulary {
        races = List.copyOf(races);
        ranks = List.copyOf(ranks);
        requireChoices("races", races.stream().map(Choice::value).toList());
        requireChoices("ranks", ranks);
        if (leaderboardPages < 1) {
            throw new IllegalArgumentException("leaderboardPages must be at least 1, got " + leaderboardPages);
        }
        if (abortsPerPlayer < 0) {
            throw new IllegalArgumentException("abortsPerPlayer must not be negative, got " + abortsPerPlayer);
        }
    }

    /**
     * The reference ladder (docs/reference-ladder.md): six races (three Brood War, three StarCraft II), ranks
     * S to F, 25 pages of 40 rows, 3 aborts per player.
     */
    public static CommandVocabulary reference() {
        return new CommandVocabulary(List.of(
                new Choice("bw_terran", "BW Terran"),
                new Choice("bw_zerg", "BW Zerg"),
                new Choice("bw_protoss", "BW Protoss"),
                new Choice("sc2_terran", "SC2 Terran"),
                new Choice("sc2_zerg", "SC2 Zerg"),
                new Choice("sc2_protoss", "SC2 Protoss")),
                List.of("S", "A", "B", "C", "D", "E", "F"), 25, 3);
    }

    private static void requireChoices(String field, List<String> values) {
        if (values.isEmpty() || values.size() > MAX_CHOICES) {
            throw new IllegalArgumentException(field + " must have 1 to " + MAX_CHOICES + " entries, got " + values.size());
        }
        Set<String> seen = new HashSet<>();
        for (String value : values) {
            if (!seen.add(value)) {
                throw new IllegalArgumentException(field + " has '" + value + "' twice");
            }
        }
    }
}
