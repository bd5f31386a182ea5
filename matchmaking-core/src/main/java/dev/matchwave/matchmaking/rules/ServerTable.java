package dev.matchwave.matchmaking.rules;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which game server two players should use, keyed by their two home regions. Symmetric: the
 * order of the two regions does not matter. Immutable and thread-safe; {@link #with} returns a
 * new table.
 */
public final class ServerTable {

    private final Map<String, String> serverByPair;

    private ServerTable(Map<String, String> serverByPair) {
        this.serverByPair = Collections.unmodifiableMap(serverByPair);
    }

    /** A table with no entry: every pair falls back to a random server. */
    public static ServerTable empty() {
        return new ServerTable(new TreeMap<>());
    }

    /**
     * The default table for the reference ladder's 16 regions and 9 servers: for each pair of
     * regions, the server that keeps the farther of the two players closest (smallest maximum
     * great-circle distance from rough region centres; ties go to the earlier server in {@link
     * EvoLadderRules#SERVERS}). Our own table: the public bot's is not reproduced. USB is taken
     * to be the Urals and Siberia, FER the Russian Far East.
     */
    public static ServerTable referenceLadder() {
        return ReferenceGeography.TABLE;
    }

    /** This table with one more entry (replacing any entry for the same two regions). */
    public ServerTable with(String regionA, String regionB, String server) {
        requireCode("regionA", regionA);
        requireCode("regionB", regionB);
        requireCode("server", server);
        TreeMap<String, String> copy = new TreeMap<>(serverByPair);
        copy.put(key(regionA, regionB), server);
        return new ServerTable(copy);
    }

    /** The server for players from these two home regions, if the table has one. */
    public Optional<String> server(String regionA, String regionB) {
        return Optional.ofNullable(serverByPair.get(key(regionA, regionB)));
    }

    /** How many pairs of regions have an entry. */
    public int size() {
        return serverByPair.size();
    }

    /** Every region named in an entry. */
    public Set<String> regions() {
        Set<String> regions = new LinkedHashSet<>();
        for (String key : serverByPair.keySet()) {
            int bar = key.indexOf('|');
            regions.add(key.substring(0, bar));
            regions.add(key.substring(bar + 1));
        }
        return Collections.unmodifiableSet(regions);
    }

    /** Every server named in an entry. */
    public Set<String> servers() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(serverByPair.values()));
    }

    private static String key(String regionA, String regionB) {
        return regionA.compareTo(regionB) <= 0 ? regionA + '|' + regionB : regionB + '|' + regionA;
    }

    private static void requireCode(String what, String code) {
        Objects.requireNonNull(code, what);
        if (code.isBlank() || code.indexOf('|') >= 0) {
            throw new IllegalArgumentException(what + " must be a non-blank code without '|', got '" + code + "'");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ServerTable table && table.serverByPair.equals(serverByPair);
    }

    @Override
    public int hashCode() {
        return serverByPair.hashCode();
    }

    @Override
    public String toString() {
        return "ServerTable" + serverByPair;
    }

    /** Rough coordinates behind the default table; degrees of latitude and longitude. */
    private static final class ReferenceGeography {

        private record Place(String code, double latitude, double longitude) {
        }

        private static final List<Place> REGIONS = List.of(
                new Place("NAW", 40, -120), new Place("NAC", 40, -95), new Place("NAE", 40, -76),
                new Place("CAM", 15, -90), new Place("SAM", -20, -55), new Place("EUW", 48, 3),
                new Place("EUE", 52, 25), new Place("AFR", 0, 20), new Place("MEA", 27, 45),
                new Place("SEA", 5, 108), new Place("KRJ", 36, 133), new Place("CHN", 33, 112),
                new Place("THM", 23, 116), new Place("OCE", -30, 148), new Place("USB", 56, 80),
                new Place("FER", 50, 135));

        private static final List<Place> SERVERS = List.of(
                new Place("USW", 37, -121), new Place("USC", 41, -92), new Place("USE", 39, -77),
                new Place("BRZ", -23, -46), new Place("EUC", 50, 8.7), new Place("SNG", 1.3, 103.8),
                new Place("AUS", -33.9, 151.2), new Place("KOR", 37.5, 127), new Place("TWN", 25, 121.5));

        static final ServerTable TABLE = build();

        private static ServerTable build() {
            TreeMap<String, String> table = new TreeMap<>();
            for (int i = 0; i < REGIONS.size(); i++) {
                for (int j = i; j < REGIONS.size(); j++) {
                    Place a = REGIONS.get(i);
                    Place b = REGIONS.get(j);
                    String best = null;
                    double bestDistance = Double.POSITIVE_INFINITY;
                    for (Place server : SERVERS) {
                        double worst = Math.max(distance(a, server), distance(b, server));
                        if (worst < bestDistance) {
                            bestDistance = worst;
                            best = server.code();
                        }
                    }
                    table.put(key(a.code(), b.code()), Objects.requireNonNull(best));
                }
            }
            return new ServerTable(table);
        }

        /** Central angle between two places (haversine formula), in radians. */
        private static double distance(Place a, Place b) {
            double lat1 = Math.toRadians(a.latitude());
            double lat2 = Math.toRadians(b.latitude());
            double dLat = lat2 - lat1;
            double dLon = Math.toRadians(b.longitude() - a.longitude());
            double h = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
            return 2 * Math.asin(Math.min(1, Math.sqrt(h)));
        }
    }
}
