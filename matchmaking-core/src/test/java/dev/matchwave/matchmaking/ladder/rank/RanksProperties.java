package dev.matchwave.matchmaking.ladder.rank;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.rating.PlayerRating;
import dev.matchwave.matchmaking.ladder.rating.Rating;
import dev.matchwave.matchmaking.ladder.rating.RatingKey;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

class RanksProperties {

    private static final RankScheme SCHEME = RankScheme.REFERENCE;
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final List<String> ORDER = List.of("D", "C", "E", "B", "A", "F", "S");

    private static int floor(String letter, int n) {
        BigDecimal share = SCHEME.bands().stream().filter(b -> b.letter().equals(letter)).findFirst().orElseThrow()
                .share();
        return share.multiply(BigDecimal.valueOf(n)).setScale(0, RoundingMode.FLOOR).intValueExact();
    }

    private static BigDecimal remainder(String letter, int n) {
        BigDecimal share = SCHEME.bands().stream().filter(b -> b.letter().equals(letter)).findFirst().orElseThrow()
                .share();
        BigDecimal exact = share.multiply(BigDecimal.valueOf(n));
        return exact.subtract(exact.setScale(0, RoundingMode.FLOOR));
    }

    @Property
    void countsPerLetterFollowTheRuleWithinRounding(@ForAll @IntRange(min = 0, max = 100_000) int n) {
        Map<String, Integer> counts = Ranks.counts(SCHEME, n);

        assertThat(counts.keySet()).containsExactly("S", "A", "B", "C", "D", "E", "F");
        assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(n);
        List<String> extra = new ArrayList<>();
        for (String letter : counts.keySet()) {
            int count = counts.get(letter);
            assertThat(count).isBetween(floor(letter, n), floor(letter, n) + 1);
            if (count > floor(letter, n)) {
                extra.add(letter);
            }
        }
        // The leftovers go to D, C, E, B, then A or F (larger remainder first), then S.
        List<String> expectedOrder = new ArrayList<>(List.of("D", "C", "E", "B"));
        boolean aFirst = remainder("A", n).compareTo(remainder("F", n)) >= 0;
        expectedOrder.addAll(aFirst ? List.of("A", "F") : List.of("F", "A"));
        expectedOrder.add("S");
        assertThat(extra).containsExactlyInAnyOrderElementsOf(expectedOrder.subList(0, extra.size()));
    }

    record Entry(int player, int rating, int games, int daysAgo) {
    }

    @Provide
    Arbitrary<List<Entry>> populations() {
        return Combinators.combine(
                        Arbitraries.integers().between(1, 400),
                        Arbitraries.integers().between(1400, 1600),
                        Arbitraries.integers().between(0, 3),
                        Arbitraries.integers().between(0, 30))
                .as(Entry::new)
                .list().ofMaxSize(300)
                .uniqueElements(Entry::player);
    }

    private static PlayerRating rating(Entry e) {
        Optional<Instant> last = e.games() == 0 ? Optional.empty()
                : Optional.of(NOW.minus(Duration.ofDays(e.daysAgo())).minusSeconds(e.player()));
        return new PlayerRating(PlayerId.of(e.player()), "bw_zerg", Rating.points(e.rating()), e.games(), e.games(), 0,
                0, last);
    }

    @Property(tries = 300)
    void everyPopulationIsRankedByTheRule(@ForAll("populations") List<Entry> entries) {
        List<PlayerRating> population = entries.stream().map(RanksProperties::rating).toList();

        Ranks ranks = Ranks.of(SCHEME, population, NOW);

        List<PlayerRating> active = population.stream()
                .filter(r -> r.games() >= 1 && !r.lastPlayed().orElseThrow().isBefore(NOW.minus(Duration.ofDays(14))))
                .toList();
        assertThat(ranks.ranked()).containsExactlyInAnyOrderElementsOf(active);
        assertThat(ranks.counts()).isEqualTo(Ranks.counts(SCHEME, active.size()));
        for (PlayerRating r : population) {
            String letter = ranks.letters().get(RatingKey.of(r));
            assertThat(letter).isEqualTo(active.contains(r) ? letter : "U").isNotNull();
        }
        List<String> letters = SCHEME.letters();
        for (int i = 1; i < ranks.ranked().size(); i++) {
            PlayerRating better = ranks.ranked().get(i - 1);
            PlayerRating worse = ranks.ranked().get(i);
            assertThat(better.rating().value()).isGreaterThanOrEqualTo(worse.rating().value());
            assertThat(letters.indexOf(ranks.letters().get(RatingKey.of(better))))
                    .isLessThanOrEqualTo(letters.indexOf(ranks.letters().get(RatingKey.of(worse))));
        }
        for (String letter : letters) {
            long count = ranks.letters().values().stream().filter(letter::equals).count();
            assertThat(count).isEqualTo(ranks.counts().get(letter).longValue());
        }
    }

    @Example
    void smallPopulationsFillTheLeftoverOrder() {
        assertThat(Ranks.counts(SCHEME, 100)).containsExactlyEntriesOf(counts(1, 7, 21, 21, 21, 21, 8));
        assertThat(Ranks.counts(SCHEME, 3)).containsExactlyEntriesOf(counts(0, 0, 0, 1, 1, 1, 0));
        assertThat(Ranks.counts(SCHEME, 7)).containsExactlyEntriesOf(counts(0, 0, 1, 2, 2, 2, 0));
        // 47: floors 0, 3, 9, 9, 9, 9, 3 leave 5: D, C, E, B, then F (remainder .76 beats A's .29).
        assertThat(Ranks.counts(SCHEME, 47)).containsExactlyEntriesOf(counts(0, 3, 10, 10, 10, 10, 4));
        assertThat(Ranks.counts(SCHEME, 0)).containsExactlyEntriesOf(counts(0, 0, 0, 0, 0, 0, 0));
        assertThat(ORDER).hasSize(7);
    }

    private static Map<String, Integer> counts(int s, int a, int b, int c, int d, int e, int f) {
        java.util.LinkedHashMap<String, Integer> m = new java.util.LinkedHashMap<>();
        m.put("S", s);
        m.put("A", a);
        m.put("B", b);
        m.put("C", c);
        m.put("D", d);
        m.put("E", e);
        m.put("F", f);
        return m;
    }

    @Example
    void tiesGoToTheMoreRecentGameThenTheLowerId() {
        PlayerRating older = new PlayerRating(PlayerId.of(1), "bw_zerg", Rating.points(1500), 1, 1, 0, 0,
                Optional.of(NOW.minusSeconds(100)));
        PlayerRating recent = new PlayerRating(PlayerId.of(2), "bw_zerg", Rating.points(1500), 1, 1, 0, 0,
                Optional.of(NOW.minusSeconds(10)));
        PlayerRating sameTimeHigherId = new PlayerRating(PlayerId.of(3), "bw_zerg", Rating.points(1500), 1, 1, 0, 0,
                Optional.of(NOW.minusSeconds(10)));
        PlayerRating best = new PlayerRating(PlayerId.of(4), "bw_zerg", Rating.points(1501), 1, 0, 1, 0,
                Optional.of(NOW.minus(Duration.ofDays(14))));
        PlayerRating stale = new PlayerRating(PlayerId.of(5), "bw_zerg", Rating.points(1900), 1, 1, 0, 0,
                Optional.of(NOW.minus(Duration.ofDays(14)).minusSeconds(1)));

        Ranks ranks = Ranks.of(SCHEME, List.of(older, sameTimeHigherId, stale, recent, best), NOW);

        assertThat(ranks.ranked()).containsExactly(best, recent, sameTimeHigherId, older);
        assertThat(ranks.letters().get(RatingKey.of(stale))).isEqualTo("U");
    }

    @Example
    void aSchemeThatDoesNotAddUpFailsNamingTheProblem() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RankScheme(
                        List.of(new RankScheme.Band("S", "0.5"), new RankScheme.Band("A", "0.4")),
                        List.of(List.of("S", "A")), Duration.ofDays(14), 1, "U"))
                .hasMessageContaining("sum to 1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RankScheme(
                        List.of(new RankScheme.Band("S", "0.5"), new RankScheme.Band("A", "0.5")),
                        List.of(List.of("S")), Duration.ofDays(14), 1, "U"))
                .hasMessageContaining("leftoverOrder");
    }
}
