package dev.matchwave.discord.view;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code /queue} view before joining: race selects, map vetoes, join and clear.
 *
 * @param playerId    the Discord user it is for
 * @param bwRaces     the Brood War races to pick from (at most 25)
 * @param sc2Races    the StarCraft II races to pick from (at most 25)
 * @param selectedBw  the Brood War race picked, one of {@code bwRaces}' values
 * @param selectedSc2 the StarCraft II race picked, one of {@code sc2Races}' values
 * @param mapPool     the season's maps (at most 25)
 * @param vetoed      the maps vetoed, all in {@code mapPool}, at most {@code maxVetoes}
 * @param maxVetoes   how many maps a player may veto (reference ladder: 4)
 */
public record QueueView(
        long playerId,
        List<Option> bwRaces,
        List<Option> sc2Races,
        Optional<String> selectedBw,
        Optional<String> selectedSc2,
        List<String> mapPool,
        Set<String> vetoed,
        int maxVetoes) {

    /** Discord allows at most 25 options in a select. */
    public static final int MAX_OPTIONS = 25;

    /**
     * One choice in a select.
     *
     * @param value what the bot receives, e.g. {@code bw_zerg}
     * @param label what the player sees, e.g. {@code BW Zerg}
     */
    public record Option(String value, String label) {
        public Option {
            Views.requireText("value", value, 100);
            Views.requireText("label", label, 100);
        }
    }

    public QueueView {
        Views.requireDiscordId("playerId", playerId);
        bwRaces = requireOptions("bwRaces", bwRaces);
        sc2Races = requireOptions("sc2Races", sc2Races);
        Objects.requireNonNull(selectedBw, "selectedBw");
        Objects.requireNonNull(selectedSc2, "selectedSc2");
        if (selectedBw.isPresent()) {
            requireAmong("selectedBw", selectedBw.get(), bwRaces);
        }
        if (selectedSc2.isPresent()) {
            requireAmong("selectedSc2", selectedSc2.get(), sc2Races);
        }
        mapPool = List.copyOf(mapPool);
        if (mapPool.isEmpty() || mapPool.size() > MAX_OPTIONS || new HashSet<>(mapPool).size() != mapPool.size()) {
            throw new IllegalArgumentException("mapPool must have 1 to " + MAX_OPTIONS + " distinct maps, got " + mapPool);
        }
        mapPool.forEach(map -> Views.requireText("map", map, 100));
        vetoed = Set.copyOf(vetoed);
        Views.requireNotNegative("maxVetoes", maxVetoes);
        if (!mapPool.containsAll(vetoed)) {
            throw new IllegalArgumentException("vetoed maps must be in the pool, got " + vetoed);
        }
        if (vetoed.size() > maxVetoes) {
            throw new IllegalArgumentException("at most " + maxVetoes + " vetoes, got " + vetoed.size());
        }
    }

    /** Whether the player may join: at least one race picked (docs/reference-ladder.md). */
    public boolean canJoin() {
        return selectedBw.isPresent() || selectedSc2.isPresent();
    }

    private static List<Option> requireOptions(String field, List<Option> options) {
        List<Option> copy = List.copyOf(options);
        if (copy.isEmpty() || copy.size() > MAX_OPTIONS) {
            throw new IllegalArgumentException(field + " must have 1 to " + MAX_OPTIONS + " options, got " + copy.size());
        }
        return copy;
    }

    private static void requireAmong(String field, String value, List<Option> options) {
        if (options.stream().noneMatch(o -> o.value().equals(value))) {
            throw new IllegalArgumentException(field + " '" + value + "' is not one of the options");
        }
    }
}
