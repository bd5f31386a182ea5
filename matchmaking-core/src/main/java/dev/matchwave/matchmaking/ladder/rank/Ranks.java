package dev.matchwave.matchmaking.ladder.rank;

import dev.matchwave.matchmaking.ladder.rating.PlayerRating;
import dev.matchwave.matchmaking.ladder.rating.RatingKey;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Gives letter ranks to a population of (player, race) ratings under a {@link RankScheme}.
 * Immutable result; the computation is pure and thread-safe.
 *
 * @param ranked  the ranked entries, best first (rating, then the more recent last game, then
 *                player id, then race)
 * @param letters the letter of every entry, ranked or not, by (player, race)
 * @param counts  how many ranked entries each band got, in band order
 */
public record Ranks(List<PlayerRating> ranked, Map<RatingKey, String> letters, Map<String, Integer> counts) {

    /** Best first: higher rating, then the more recent last game, then player id, then race. */
    public static final Comparator<PlayerRating> BEST_FIRST = Comparator
            .comparingDouble((PlayerRating r) -> r.rating().value()).reversed()
            .thenComparing((PlayerRating r) -> r.lastPlayed().orElse(Instant.MIN), Comparator.reverseOrder())
            .thenComparing(RatingKey::of);

    public Ranks {
        ranked = List.copyOf(ranked);
        letters = Map.copyOf(letters);
        counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    /**
     * Ranks {@code population} as of {@code now}.
     */
    public static Ranks of(RankScheme scheme, Collection<PlayerRating> population, Instant now) {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(now, "now");
        Instant activeSince = now.minus(scheme.activeWindow());
        List<PlayerRating> ranked = new ArrayList<>();
        Map<RatingKey, String> letters = new HashMap<>();
        for (PlayerRating rating : population) {
            boolean active = rating.games() >= scheme.minGames()
                    && rating.lastPlayed().map(last -> !last.isBefore(activeSince)).orElse(false);
            if (active) {
                ranked.add(rating);
            } else {
                letters.put(RatingKey.of(rating), scheme.unranked());
            }
        }
        ranked.sort(BEST_FIRST);
        Map<String, Integer> counts = counts(scheme, ranked.size());
        int index = 0;
        for (Map.Entry<String, Integer> band : counts.entrySet()) {
            for (int i = 0; i < band.getValue(); i++) {
                letters.put(RatingKey.of(ranked.get(index++)), band.getKey());
            }
        }
        return new Ranks(ranked, letters, counts);
    }

    /**
     * How many of {@code n} ranked entries each band gets, in band order: {@code floor(n * share)}
     * plus the leftovers in the scheme's order.
     */
    public static Map<String, Integer> counts(RankScheme scheme, int n) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, BigDecimal> remainders = new HashMap<>();
        Map<String, Integer> bandOrder = new HashMap<>();
        int assigned = 0;
        for (RankScheme.Band band : scheme.bands()) {
            BigDecimal exact = band.share().multiply(BigDecimal.valueOf(n));
            BigDecimal floor = exact.setScale(0, RoundingMode.FLOOR);
            counts.put(band.letter(), floor.intValueExact());
            remainders.put(band.letter(), exact.subtract(floor));
            bandOrder.put(band.letter(), bandOrder.size());
            assigned += floor.intValueExact();
        }
        int leftover = n - assigned;
        while (leftover > 0) {
            for (List<String> group : scheme.leftoverOrder()) {
                List<String> byRemainder = new ArrayList<>(group);
                byRemainder.sort(Comparator.comparing((String l) -> remainders.get(l)).reversed()
                        .thenComparing(bandOrder::get));
                for (String letter : byRemainder) {
                    if (leftover == 0) {
                        return counts;
                    }
                    counts.merge(letter, 1, Integer::sum);
                    leftover--;
                }
            }
        }
        return counts;
    }

    /** The letter of one (player, race); the unranked letter for entries not in the population. */
    public String letterOf(RatingKey key, RankScheme scheme) {
        return letters.getOrDefault(key, scheme.unranked());
    }
}
