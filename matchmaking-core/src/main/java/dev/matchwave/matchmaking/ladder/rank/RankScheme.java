package dev.matchwave.matchmaking.ladder.rank;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How letter ranks are given. Immutable; validated when built.
 *
 * <p>Among the ranked entries (at least {@code minGames} games and one within
 * {@code activeWindow}), sorted best first, each band gets {@code floor(n * share)} entries; the
 * entries left over by rounding go one each to the bands in {@code leftoverOrder}, group by
 * group; within a group the band with the larger rounding remainder goes first (then band
 * order). Everyone else gets {@code unranked}.
 *
 * @param bands         best first, shares summing to 1
 * @param leftoverOrder groups of band letters, each band exactly once
 * @param activeWindow  how recent the last game must be (reference: 14 days), positive
 * @param minGames      games needed to be ranked (reference: 1), positive
 * @param unranked      the letter of unranked entries (reference: {@code U})
 */
public record RankScheme(List<Band> bands, List<List<String>> leftoverOrder, Duration activeWindow, int minGames,
                         String unranked) {

    /**
     * The reference ladder: S 1%, A 7%, B, C, D, E 21% each, F 8%; leftovers to D, C, E, B, then
     * A or F, then S; ranked with a game in the last 14 days; otherwise U.
     */
    public static final RankScheme REFERENCE = new RankScheme(
            List.of(new Band("S", "0.01"), new Band("A", "0.07"), new Band("B", "0.21"), new Band("C", "0.21"),
                    new Band("D", "0.21"), new Band("E", "0.21"), new Band("F", "0.08")),
            List.of(List.of("D"), List.of("C"), List.of("E"), List.of("B"), List.of("A", "F"), List.of("S")),
            Duration.ofDays(14), 1, "U");

    /**
     * A letter and its share of the ranked entries.
     *
     * @param letter e.g. {@code "S"}
     * @param share  between 0 and 1, as an exact decimal
     */
    public record Band(String letter, BigDecimal share) {
        public Band {
            Objects.requireNonNull(letter, "letter");
            Objects.requireNonNull(share, "share");
            if (letter.isBlank()) {
                throw new IllegalArgumentException("rank band letter must not be blank");
            }
            if (share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("rank band " + letter + " share must be between 0 and 1, got "
                        + share);
            }
        }

        /** A band with a share written as a decimal, e.g. {@code "0.21"}. */
        public Band(String letter, String share) {
            this(letter, new BigDecimal(share));
        }
    }

    public RankScheme {
        bands = List.copyOf(Objects.requireNonNull(bands, "bands"));
        List<List<String>> groups = new ArrayList<>();
        for (List<String> group : Objects.requireNonNull(leftoverOrder, "leftoverOrder")) {
            groups.add(List.copyOf(group));
        }
        leftoverOrder = List.copyOf(groups);
        Objects.requireNonNull(activeWindow, "activeWindow");
        Objects.requireNonNull(unranked, "unranked");
        if (bands.isEmpty()) {
            throw new IllegalArgumentException("rank bands must not be empty");
        }
        BigDecimal total = bands.stream().map(Band::share).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.compareTo(BigDecimal.ONE) != 0) {
            throw new IllegalArgumentException("rank band shares must sum to 1, got " + total);
        }
        Set<String> letters = new HashSet<>();
        for (Band band : bands) {
            if (!letters.add(band.letter())) {
                throw new IllegalArgumentException("rank bands: letter " + band.letter() + " appears twice");
            }
        }
        if (letters.contains(unranked)) {
            throw new IllegalArgumentException("unranked letter " + unranked + " is also a band");
        }
        List<String> inOrder = leftoverOrder.stream().flatMap(List::stream).toList();
        if (inOrder.size() != letters.size() || !letters.equals(new HashSet<>(inOrder))) {
            throw new IllegalArgumentException("leftoverOrder must name every band exactly once, got " + leftoverOrder);
        }
        if (activeWindow.isNegative() || activeWindow.isZero()) {
            throw new IllegalArgumentException("activeWindow must be positive, got " + activeWindow);
        }
        if (minGames < 1) {
            throw new IllegalArgumentException("minGames must be at least 1, got " + minGames);
        }
    }

    /** The band letters, best first. */
    public List<String> letters() {
        return bands.stream().map(Band::letter).toList();
    }
}
