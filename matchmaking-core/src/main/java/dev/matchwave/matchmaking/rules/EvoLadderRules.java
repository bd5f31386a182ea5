package dev.matchwave.matchmaking.rules;

import dev.matchwave.matchmaking.MatchRules;
import dev.matchwave.matchmaking.Pair;
import dev.matchwave.matchmaking.QueuedPlayer;
import dev.matchwave.matchmaking.Seat;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * The reference ladder's cross-game rules (shared/LADDER.md): every match is one Brood War
 * player (side {@value #SIDE_BW}) against one StarCraft II player (side {@value #SIDE_SC2}); a
 * player with a race on each side may take either seat and the pairing decides which. Two
 * players may meet when the rating gap fits the window of either of them, {@code windowBase +
 * windowStep * wait_cycles} (100 + 50 per wave by default), and the season map pool minus the
 * union of their vetoes is not empty.
 *
 * <p>Once a pair is made, {@link #venue} draws the map, picks the server from the {@link
 * ServerTable} and names the in-game channel.
 *
 * <p>Immutable and thread-safe; build one with {@link #builder()} or take {@link #defaults()}.
 */
public final class EvoLadderRules implements MatchRules {

    /** The name on the command line. */
    public static final String NAME = "evoladder";
    /** The Brood War side, first in every pair. */
    public static final String SIDE_BW = "bw";
    /** The StarCraft II side, second in every pair. */
    public static final String SIDE_SC2 = "sc2";
    /** The six races; the prefix before {@code _} is the side. */
    public static final List<String> RACES =
            List.of("bw_terran", "bw_zerg", "bw_protoss", "sc2_terran", "sc2_zerg", "sc2_protoss");
    /** The 16 home regions of the reference ladder. */
    public static final List<String> REGIONS = List.of(
            "NAW", "NAC", "NAE", "CAM", "SAM", "EUW", "EUE", "AFR", "MEA", "SEA", "KRJ", "CHN", "THM", "OCE", "USB", "FER");
    /** The 9 game servers of the reference ladder. */
    public static final List<String> SERVERS = List.of("USW", "USC", "USE", "BRZ", "EUC", "SNG", "AUS", "KOR", "TWN");
    /** A season map pool of seven maps, so that two players' four vetoes each can leave none. */
    public static final List<String> DEFAULT_MAP_POOL = List.of(
            "Fighting Spirit", "Circuit Breaker", "Polypoid", "Eclipse", "Neo Sylphid", "Vermeer", "Radeon");

    private static final EvoLadderRules DEFAULTS = builder().build();

    private final int windowBase;
    private final int windowStep;
    private final List<String> mapPool;
    private final List<String> servers;
    private final ServerTable serverTable;
    private final String channelPrefix;
    private final int channelCount;

    private EvoLadderRules(EvoLadderRules rules, List<String> mapPool) {
        this.windowBase = rules.windowBase;
        this.windowStep = rules.windowStep;
        this.mapPool = mapPool;
        this.servers = rules.servers;
        this.serverTable = rules.serverTable;
        this.channelPrefix = rules.channelPrefix;
        this.channelCount = rules.channelCount;
    }

    private EvoLadderRules(Builder builder) {
        this.windowBase = builder.windowBase != null ? builder.windowBase : 100;
        this.windowStep = builder.windowStep != null ? builder.windowStep : 50;
        this.mapPool = builder.mapPool != null ? builder.mapPool : DEFAULT_MAP_POOL;
        this.servers = builder.servers != null ? builder.servers : SERVERS;
        this.serverTable = builder.serverTable != null ? builder.serverTable : ServerTable.referenceLadder();
        this.channelPrefix = builder.channelPrefix != null ? builder.channelPrefix : "scevo";
        this.channelCount = builder.channelCount != null ? builder.channelCount : 10;
        for (String server : serverTable.servers()) {
            if (!servers.contains(server)) {
                throw new IllegalArgumentException(
                        "serverTable names server '" + server + "' that is not among servers " + servers);
            }
        }
    }

    /** The rules exactly as LADDER.md gives them. */
    public static EvoLadderRules defaults() {
        return DEFAULTS;
    }

    /** A builder that starts from the defaults; each option may be set once. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A seat for this race and rating; the side is the race's prefix.
     *
     * @throws IllegalArgumentException if the race is not one of {@link #RACES}
     */
    public static Seat seat(String race, int rating) {
        if (!RACES.contains(race)) {
            throw new IllegalArgumentException("unknown race '" + race + "'; known races: " + String.join(", ", RACES));
        }
        return new Seat(race.substring(0, race.indexOf('_')), race, rating);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean sidesMeet(String firstSide, String secondSide) {
        return SIDE_BW.equals(firstSide) && SIDE_SC2.equals(secondSide);
    }

    @Override
    public int window(int waitCycles) {
        return Windows.linear(windowBase, windowStep, waitCycles);
    }

    /** True when at least one map of the pool is vetoed by neither player. */
    @Override
    public boolean compatible(QueuedPlayer a, QueuedPlayer b) {
        Set<String> vetoesA = a.preferences().vetoedMaps();
        Set<String> vetoesB = b.preferences().vetoedMaps();
        if (vetoesA.isEmpty() && vetoesB.isEmpty()) {
            return true; // the pool is never empty
        }
        for (String map : mapPool) {
            if (!vetoesA.contains(map) && !vetoesB.contains(map)) {
                return true;
            }
        }
        return false;
    }

    /** The maps these two players could play: the pool minus both players' vetoes, in pool order. */
    public List<String> mapsFor(QueuedPlayer a, QueuedPlayer b) {
        Set<String> vetoesA = a.preferences().vetoedMaps();
        Set<String> vetoesB = b.preferences().vetoedMaps();
        List<String> maps = new ArrayList<>(mapPool.size());
        for (String map : mapPool) {
            if (!vetoesA.contains(map) && !vetoesB.contains(map)) {
                maps.add(map);
            }
        }
        return maps;
    }

    /**
     * Sets up a match: draws the map from the pool minus both players' vetoes, then takes the
     * server from the region table, drawing one at random when the table has no entry for the
     * two home regions (or a home region is unknown), and names the in-game channel: {@code
     * channelPrefix} plus two digits of {@code matchId mod channelCount}, 0 shown as {@code
     * channelCount} ({@code scevo10}, {@code scevo01} ... {@code scevo09} by default).
     *
     * <p>All chance comes from {@code random}, used in that order (map, then server if needed),
     * so the same pair, match id and seed give the same venue.
     *
     * @throws IllegalArgumentException when the vetoes leave no map (such a pair is not allowed)
     */
    public Venue venue(Pair pair, long matchId, RandomGenerator random) {
        Objects.requireNonNull(pair, "pair");
        Objects.requireNonNull(random, "random");
        List<String> maps = mapsFor(pair.first(), pair.second());
        if (maps.isEmpty()) {
            throw new IllegalArgumentException("players " + pair.first().id() + " and " + pair.second().id()
                    + " have vetoed every map of the pool; they may not meet");
        }
        String map = maps.get(random.nextInt(maps.size()));
        Optional<String> regionA = pair.first().preferences().homeRegion();
        Optional<String> regionB = pair.second().preferences().homeRegion();
        Optional<String> fromTable = regionA.isPresent() && regionB.isPresent()
                ? serverTable.server(regionA.get(), regionB.get())
                : Optional.empty();
        String server = fromTable.orElseGet(() -> servers.get(random.nextInt(servers.size())));
        return new Venue(map, server, channel(matchId));
    }

    /** The in-game channel of this match, e.g. {@code scevo07}; 0 is shown as the channel count. */
    public String channel(long matchId) {
        long number = Math.floorMod(matchId, (long) channelCount);
        return channelPrefix + String.format("%02d", number == 0 ? channelCount : number);
    }

    public int windowBase() {
        return windowBase;
    }

    public int windowStep() {
        return windowStep;
    }

    @Override
    public List<String> mapPool() {
        return mapPool;
    }

    /** These rules on a season's map pool; everything else unchanged. */
    @Override
    public EvoLadderRules withMapPool(List<String> maps) {
        List<String> pool = Builder.names("mapPool", maps);
        return pool.equals(mapPool) ? this : new EvoLadderRules(this, pool);
    }

    public List<String> servers() {
        return servers;
    }

    public ServerTable serverTable() {
        return serverTable;
    }

    public String channelPrefix() {
        return channelPrefix;
    }

    public int channelCount() {
        return channelCount;
    }

    @Override
    public String toString() {
        return "EvoLadderRules[window=" + windowBase + "+" + windowStep + "*wait, maps=" + mapPool.size()
                + ", servers=" + servers.size() + ", table=" + serverTable.size() + " entries, channel="
                + channelPrefix + "01.." + String.format("%02d", channelCount) + "]";
    }

    /**
     * Builds {@link EvoLadderRules}; options not set keep the LADDER.md defaults. Each option
     * may be set once and is checked when set; {@link #build} checks that the region table only
     * names known servers. Not thread-safe.
     */
    public static final class Builder {

        private @Nullable Integer windowBase;
        private @Nullable Integer windowStep;
        private @Nullable List<String> mapPool;
        private @Nullable List<String> servers;
        private @Nullable ServerTable serverTable;
        private @Nullable String channelPrefix;
        private @Nullable Integer channelCount;

        private Builder() {
        }

        /** The window of a player who has not waited, in rating points (default 100). */
        public Builder windowBase(int points) {
            once("windowBase", windowBase);
            windowBase = Windows.requireNonNegative("windowBase", points);
            return this;
        }

        /** What each wave waited adds to the window, in rating points (default 50). */
        public Builder windowStep(int points) {
            once("windowStep", windowStep);
            windowStep = Windows.requireNonNegative("windowStep", points);
            return this;
        }

        /** The season map pool, in draw order (default {@link #DEFAULT_MAP_POOL}). */
        public Builder mapPool(List<String> maps) {
            once("mapPool", mapPool);
            mapPool = names("mapPool", maps);
            return this;
        }

        /** The game servers a random fallback draws from (default {@link #SERVERS}). */
        public Builder servers(List<String> codes) {
            once("servers", servers);
            servers = names("servers", codes);
            return this;
        }

        /** The server for each pair of home regions (default {@link ServerTable#referenceLadder()}). */
        public Builder serverTable(ServerTable table) {
            once("serverTable", serverTable);
            serverTable = Objects.requireNonNull(table, "serverTable");
            return this;
        }

        /** The in-game channel's name before its two digits (default {@code scevo}). */
        public Builder channelPrefix(String prefix) {
            once("channelPrefix", channelPrefix);
            Objects.requireNonNull(prefix, "channelPrefix");
            if (prefix.isBlank()) {
                throw new IllegalArgumentException("channelPrefix must not be blank");
            }
            channelPrefix = prefix;
            return this;
        }

        /** How many channels there are, 1 to 99 (default 10: {@code scevo01} ... {@code scevo10}). */
        public Builder channelCount(int count) {
            once("channelCount", channelCount);
            if (count < 1 || count > 99) {
                throw new IllegalArgumentException("channelCount must be between 1 and 99 (two digits), got " + count);
            }
            channelCount = count;
            return this;
        }

        /**
         * @throws IllegalArgumentException if the region table names a server not in {@code servers}
         */
        public EvoLadderRules build() {
            return new EvoLadderRules(this);
        }

        private static void once(String option, @Nullable Object current) {
            if (current != null) {
                throw new IllegalStateException(option + " was already set to " + current);
            }
        }

        private static List<String> names(String option, List<String> names) {
            Objects.requireNonNull(names, option);
            if (names.isEmpty()) {
                throw new IllegalArgumentException(option + " must not be empty");
            }
            Set<String> seen = new LinkedHashSet<>();
            for (String name : names) {
                Objects.requireNonNull(name, option + " entry");
                if (name.isBlank()) {
                    throw new IllegalArgumentException(option + " must not contain a blank name");
                }
                if (!seen.add(name)) {
                    throw new IllegalArgumentException(option + " names '" + name + "' twice");
                }
            }
            return List.copyOf(names);
        }
    }
}
