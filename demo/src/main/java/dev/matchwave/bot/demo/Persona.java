package dev.matchwave.bot.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Who one scripted player is: what he types into /setup, the races he queues with, his
 * seeded ratings and how many maps he vetoes. Drawn from the demo's seed, so a seed gives the
 * same crowd every run. Immutable.
 *
 * @param index     his place in the crowd, from 0
 * @param userName  his Discord user name
 * @param ladderId  the ladder user id he sets up (3 to 12 English letters)
 * @param battleTag his BattleTag (name, '#', digits)
 * @param country   an ISO country code
 * @param region    a home region of the reference ladder (docs/reference-ladder.md)
 * @param bwRace    his Brood War race label as the queue offers it (e.g. "BW Zerg"), if any
 * @param sc2Race   his StarCraft II race label, if any
 * @param ratings   the rating to seed per race value (e.g. {@code bw_zerg} -> 1720)
 * @param vetoes    how many maps he vetoes, 0 to 4
 */
record Persona(int index, String userName, String ladderId, String battleTag, String country, String region,
               Optional<String> bwRace, Optional<String> sc2Race, Map<String, Integer> ratings, int vetoes) {

    static final List<String> REGIONS = List.of("NAW", "NAC", "NAE", "CAM", "SAM", "EUW", "EUE", "AFR", "MEA", "SEA",
            "KRJ", "CHN", "THM", "OCE", "USB", "FER");
    static final List<String> COUNTRIES = List.of("US", "CA", "BR", "AR", "FR", "DE", "GB", "PL", "SE", "ES", "UA", "KR",
            "CN", "TW", "JP", "AU", "NZ", "ZA", "EG", "TH", "RU", "ZZ");
    private static final List<String> RACES = List.of("Terran", "Zerg", "Protoss");
    private static final List<String> SYLLABLES = List.of("ka", "zer", "lo", "mi", "tor", "ven", "ra", "sul", "dex",
            "no", "pha", "gri", "bel", "ion", "qua", "rex", "sa", "tis", "um", "vor");
    /** Ratings spread like a ladder's: around the starting 1500 (docs/reference-ladder.md), sd 250. */
    private static final int MEAN_RATING = 1500;
    private static final int RATING_SD = 250;

    Persona {
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(ladderId, "ladderId");
        Objects.requireNonNull(battleTag, "battleTag");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(bwRace, "bwRace");
        Objects.requireNonNull(sc2Race, "sc2Race");
        ratings = Map.copyOf(ratings);
        if (bwRace.isEmpty() && sc2Race.isEmpty()) {
            throw new IllegalArgumentException("persona " + index + " needs at least one race");
        }
        if (!ladderId.matches("[A-Za-z]{3,12}")) {
            throw new IllegalArgumentException("ladderId must be 3 to 12 English letters, got '" + ladderId + "'");
        }
        if (vetoes < 0 || vetoes > 4) {
            throw new IllegalArgumentException("vetoes must be 0 to 4, got " + vetoes);
        }
    }

    /** The crowd of a seed: {@code count} players, each from his own stream of the seed. */
    static List<Persona> crowd(long seed, int count) {
        List<Persona> crowd = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            crowd.add(draw(seed, i));
        }
        return crowd;
    }

    static Persona draw(long seed, int index) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + index);
        String name = SYLLABLES.get(random.nextInt(SYLLABLES.size())) + SYLLABLES.get(random.nextInt(SYLLABLES.size()));
        // Three letters from the index keep every ladder id unique (26^3 > the most players).
        String ladderId = capitalize(name) + letters(index);
        String tag = capitalize(name) + "#" + (1000 + random.nextInt(99_000));
        double kind = random.nextDouble();
        Optional<String> bw = kind < 0.8 ? Optional.of("BW " + RACES.get(random.nextInt(3))) : Optional.empty();
        Optional<String> sc2 = kind >= 0.4 ? Optional.of("SC2 " + RACES.get(random.nextInt(3))) : Optional.empty();
        Map<String, Integer> ratings = new LinkedHashMap<>();
        int base = (int) Math.round(MEAN_RATING + RATING_SD * random.nextGaussian());
        for (Optional<String> race : List.of(bw, sc2)) {
            // A player's two races are near each other: one skill, two games.
            race.ifPresent(label -> ratings.put(value(label),
                    clamp(base + (int) Math.round(80 * random.nextGaussian()), 600, 2600)));
        }
        return new Persona(index, "player" + String.format("%04d", index), ladderId, tag,
                COUNTRIES.get(random.nextInt(COUNTRIES.size())), REGIONS.get(random.nextInt(REGIONS.size())), bw, sc2,
                ratings, random.nextInt(5));
    }

    /** "BW Zerg" -> "bw_zerg", the race's value in the commands. */
    static String value(String label) {
        return label.toLowerCase(java.util.Locale.ROOT).replace(' ', '_');
    }

    private static String letters(int index) {
        char[] out = new char[3];
        int rest = index;
        for (int i = 2; i >= 0; i--) {
            out[i] = (char) ('a' + rest % 26);
            rest /= 26;
        }
        return new String(out);
    }

    private static String capitalize(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static int clamp(int value, int low, int high) {
        return Math.max(low, Math.min(high, value));
    }
}
