package dev.matchwave.matchmaking.ladder.season;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A season of the ladder. Season 1 is the ladder before any new season started
 * ({@link #FIRST}); every later one starts at an instant with a reset and plays on its own map
 * pool. Immutable.
 *
 * <p>The map pool: the maps of this season in draw order; empty means the pool the ladder's
 * rules were configured with (season 1 always, and every season started without a pool of its
 * own while no earlier season had one). {@link Seasons} carries the previous season's pool into
 * a new season that names none, so a stored season holds the pool it was played on.
 *
 * @param number    1, 2, ...
 * @param startedAt when it started ({@link Instant#EPOCH} for season 1)
 * @param reset     how ratings entered it (season 1: carried over from nothing)
 * @param mapPool   its maps, distinct and not blank, at most {@value #MAX_MAPS}; empty: the rules' pool
 */
public record Season(int number, Instant startedAt, SeasonReset reset, List<String> mapPool) {

    /** The most maps a pool may hold: a veto menu shows at most 25 options (Discord's limit). */
    public static final int MAX_MAPS = 25;
    /** The longest map name: a select option's label holds 100 characters (Discord's limit). */
    public static final int MAX_MAP_NAME = 100;

    /** The ladder's first season: from the beginning, until the first new season. */
    public static final Season FIRST = new Season(1, Instant.EPOCH, new SeasonReset.CarryOver());

    public Season {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(reset, "reset");
        if (number < 1) {
            throw new IllegalArgumentException("season numbers start at 1, got " + number);
        }
        mapPool = checkedMapPool(mapPool);
    }

    /** A season on the rules' map pool. */
    public Season(int number, Instant startedAt, SeasonReset reset) {
        this(number, startedAt, reset, List.of());
    }

    /** This season with {@code maps} as its pool. */
    public Season withMapPool(List<String> maps) {
        return new Season(number, startedAt, reset, maps);
    }

    /**
     * A map pool as given, checked: no more than {@value #MAX_MAPS} maps, none blank or longer
     * than {@value #MAX_MAP_NAME} characters, none twice (compared ignoring case); names trimmed.
     *
     * @throws IllegalArgumentException naming the map that breaks a rule
     */
    public static List<String> checkedMapPool(List<String> maps) {
        Objects.requireNonNull(maps, "mapPool");
        if (maps.size() > MAX_MAPS) {
            throw new IllegalArgumentException("a map pool holds at most " + MAX_MAPS + " maps, got " + maps.size());
        }
        Set<String> seen = new HashSet<>();
        List<String> trimmed = maps.stream().map(map -> {
            Objects.requireNonNull(map, "a map of the pool");
            String name = map.strip();
            if (name.isEmpty()) {
                throw new IllegalArgumentException("a map of the pool has no name");
            }
            if (name.length() > MAX_MAP_NAME) {
                throw new IllegalArgumentException("the map name '" + name.substring(0, 20) + "...' is longer than "
                        + MAX_MAP_NAME + " characters");
            }
            if (!seen.add(name.toLowerCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException("the map '" + name + "' is in the pool twice");
            }
            return name;
        }).toList();
        return List.copyOf(trimmed);
    }

    /**
     * A map pool written as the admin command takes it: names separated by commas, e.g.
     * {@code "Fighting Spirit, Polypoid, Eclipse"}; checked as {@link #checkedMapPool}.
     *
     * @throws IllegalArgumentException when a name is empty (two commas), repeated, or the pool is too long
     */
    public static List<String> parseMapPool(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("the map pool is empty: name the maps, separated by commas");
        }
        return checkedMapPool(List.of(text.split(",", -1)));
    }
}
