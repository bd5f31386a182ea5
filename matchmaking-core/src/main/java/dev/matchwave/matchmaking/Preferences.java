package dev.matchwave.matchmaking;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a player asked for when queueing, beyond his seats.
 *
 * @param vetoedMaps maps the player refuses to play
 * @param homeRegion the player's home region code (e.g. {@code "EUW"}), if known
 */
public record Preferences(Set<String> vetoedMaps, Optional<String> homeRegion) {

    public static final Preferences NONE = new Preferences(Set.of(), Optional.empty());

    public Preferences {
        vetoedMaps = Set.copyOf(Objects.requireNonNull(vetoedMaps, "vetoedMaps"));
        Objects.requireNonNull(homeRegion, "homeRegion");
    }

    public static Preferences of(Set<String> vetoedMaps, String homeRegion) {
        return new Preferences(vetoedMaps, Optional.of(homeRegion));
    }
}
