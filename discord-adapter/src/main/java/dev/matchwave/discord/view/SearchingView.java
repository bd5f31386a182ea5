package dev.matchwave.discord.view;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The "Searching..." message of one queued player (phase 1 edits it into "match found").
 *
 * @param playerId          the Discord user it is for (goes into the cancel button's id)
 * @param races             the races he queues with, as labels ("BW Zerg")
 * @param vetoedMaps        the maps he vetoed
 * @param searchingSince    when he joined
 * @param nextWave          when the next wave runs
 * @param activePopulation  players seen in the last 15 minutes (reference ladder)
 * @param matchesInProgress matches being played now
 * @param queued            players queued per category, in display order (e.g. "BW only", "SC2 only", "Both")
 */
public record SearchingView(
        long playerId,
        List<String> races,
        List<String> vetoedMaps,
        Instant searchingSince,
        Instant nextWave,
        int activePopulation,
        int matchesInProgress,
        List<CategoryCount> queued) {

    /**
     * Players queued in one category.
     *
     * @param category e.g. "BW only"
     * @param players  0 or more
     */
    public record CategoryCount(String category, int players) {
        public CategoryCount {
            Views.requireText("category", category, 64);
            Views.requireNotNegative("players", players);
        }
    }

    public SearchingView {
        Views.requireDiscordId("playerId", playerId);
        races = List.copyOf(races);
        if (races.isEmpty()) {
            throw new IllegalArgumentException("races must not be empty: a player queues with at least one race");
        }
        races.forEach(race -> Views.requireText("race", race, 64));
        vetoedMaps = List.copyOf(vetoedMaps);
        vetoedMaps.forEach(map -> Views.requireText("vetoed map", map, 100));
        Objects.requireNonNull(searchingSince, "searchingSince");
        Objects.requireNonNull(nextWave, "nextWave");
        Views.requireNotNegative("activePopulation", activePopulation);
        Views.requireNotNegative("matchesInProgress", matchesInProgress);
        queued = List.copyOf(queued);
        if (queued.size() > 10) {
            throw new IllegalArgumentException("at most 10 queue categories, got " + queued.size());
        }
    }
}
