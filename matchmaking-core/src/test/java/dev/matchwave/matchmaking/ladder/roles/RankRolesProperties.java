package dev.matchwave.matchmaking.ladder.roles;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.rank.RankScheme;
import dev.matchwave.matchmaking.ladder.rank.Ranks;
import dev.matchwave.matchmaking.ladder.rating.PlayerRating;
import dev.matchwave.matchmaking.ladder.rating.Rating;
import dev.matchwave.matchmaking.ladder.rating.RatingKey;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RankRolesProperties {

    private static final RankScheme SCHEME = RankScheme.REFERENCE;
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final List<String> BEST_FIRST = List.of("S", "A", "B", "C", "D", "E", "F", "U");

    record Entry(int player, String race, int rating, int games, int daysAgo) {
    }

    @Provide
    Arbitrary<List<Entry>> populations() {
        return Combinators.combine(
                        Arbitraries.integers().between(1, 150),
                        Arbitraries.of("bw_zerg", "bw_terran", "sc2_protoss"),
                        Arbitraries.integers().between(1300, 1700),
                        Arbitraries.integers().between(0, 3),
                        Arbitraries.integers().between(0, 30))
                .as(Entry::new)
                .list().ofMaxSize(250)
                .uniqueElements(e -> e.player() + "/" + e.race());
    }

    /** Any subset of letters with roles; two letters may share one. */
    @Provide
    Arbitrary<Map<String, String>> mappings() {
        return Arbitraries.maps(Arbitraries.of(BEST_FIRST), Arbitraries.of("101", "102", "103", "104", "105"))
                .ofMinSize(1).ofMaxSize(8);
    }

    private static Ranks rank(List<Entry> population) {
        List<PlayerRating> ratings = new ArrayList<>();
        for (Entry e : population) {
            ratings.add(new PlayerRating(PlayerId.of(e.player()), e.race(), Rating.points(e.rating()), e.games(),
                    e.games(), 0, 0, e.games() == 0 ? Optional.empty()
                    : Optional.of(NOW.minus(Duration.ofDays(e.daysAgo())))));
        }
        return Ranks.of(SCHEME, ratings, NOW);
    }

    @Property
    void aPlayerWantsTheRoleOfHisBestRankAcrossRaces(@ForAll("populations") List<Entry> population,
                                                     @ForAll("mappings") Map<String, String> mapping) {
        RankRoles roles = RankRoles.of(SCHEME, mapping);
        Ranks ranks = rank(population);

        Map<PlayerId, Optional<String>> wanted = roles.wanted(ranks);

        for (Entry e : population) {
            PlayerId player = PlayerId.of(e.player());
            String best = population.stream().filter(o -> o.player() == e.player())
                    .map(o -> ranks.letters().get(new RatingKey(player, o.race())))
                    .min((a, b) -> BEST_FIRST.indexOf(a) - BEST_FIRST.indexOf(b)).orElseThrow();
            assertThat(wanted.get(player)).as("player %s, best %s", player, best)
                    .isEqualTo(Optional.ofNullable(mapping.get(best)));
        }
        assertThat(wanted.keySet()).hasSize((int) population.stream().mapToInt(Entry::player).distinct().count());
    }

    @Property
    void everyWantedRoleIsManaged(@ForAll("populations") List<Entry> population,
                                  @ForAll("mappings") Map<String, String> mapping) {
        RankRoles roles = RankRoles.of(SCHEME, mapping);

        roles.wanted(rank(population)).values().forEach(w -> w.ifPresent(r -> assertThat(roles.managed()).contains(r)));
    }

    @Example
    void parsesTheOperatorsMapping() {
        RankRoles roles = RankRoles.parse(SCHEME, " S=111, A = 222 ,U=333");

        assertThat(roles.roleByLetter()).containsExactly(Map.entry("S", "111"), Map.entry("A", "222"),
                Map.entry("U", "333"));
        assertThat(roles.wanted(List.of("B", "A"))).contains("222");
        assertThat(roles.wanted(List.of("B"))).isEmpty();
    }

    @Example
    void aBadMappingIsNamed() {
        assertThatThrownBy(() -> RankRoles.parse(SCHEME, "S=111,X=222")).hasMessage(
                "rank roles: 'X' is not a rank (ranks: S, A, B, C, D, E, F, U)");
        assertThatThrownBy(() -> RankRoles.parse(SCHEME, "S=111,S=222")).hasMessage("rank S is given a role twice");
        assertThatThrownBy(() -> RankRoles.parse(SCHEME, "S=gold")).hasMessage(
                "rank S: 'gold' is not a role id (a Discord id such as 123456789012345678)");
        assertThatThrownBy(() -> RankRoles.parse(SCHEME, "S=1,,A=2")).hasMessage("an empty entry between commas");
        assertThatThrownBy(() -> RankRoles.parse(SCHEME, "S")).hasMessage("'S' is not LETTER=ROLE_ID");
    }
}
