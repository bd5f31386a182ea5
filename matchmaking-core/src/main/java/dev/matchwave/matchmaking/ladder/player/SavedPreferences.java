package dev.matchwave.matchmaking.ladder.player;

import java.util.Objects;
import java.util.Set;

/**
 * The queue choices a player saved, offered again the next time he queues. Immutable.
 *
 * <p>The record checks structure only; {@link SetupRules#validatePreferences} checks the limits
 * (reference: at most one race per side, at least one race, at most 4 vetoed maps).
 *
 * @param races      the races he queues with, e.g. {@code bw_zerg}, {@code sc2_terran}
 * @param vetoedMaps maps he refuses to play
 */
public record SavedPreferences(Set<String> races, Set<String> vetoedMaps) {

    public SavedPreferences {
        races = Set.copyOf(Objects.requireNonNull(races, "races"));
        vetoedMaps = Set.copyOf(Objects.requireNonNull(vetoedMaps, "vetoedMaps"));
    }
}
