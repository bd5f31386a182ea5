package dev.matchwave.persistence.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.player.Player;
import dev.matchwave.matchmaking.ladder.player.PlayerProfile;
import dev.matchwave.matchmaking.ladder.rank.LeaderboardQuery;
import dev.matchwave.matchmaking.ladder.rank.LeaderboardRules;
import dev.matchwave.matchmaking.ladder.rank.LeaderboardSnapshot;
import dev.matchwave.matchmaking.ladder.rank.RankScheme;
import dev.matchwave.matchmaking.ladder.rating.LedgerCause;
import dev.matchwave.matchmaking.ladder.rating.PlayerRating;
import dev.matchwave.matchmaking.ladder.rating.Rating;
import dev.matchwave.matchmaking.ladder.rating.RatingChange;
import dev.matchwave.persistence.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * The leaderboard computed by PostgreSQL equals the core's {@link LeaderboardSnapshot} over the
 * same data, for any population and any query: same rows, order, positions, letters and page
 * counts.
 */
class PostgresLeaderboardProperties {

    private static final Instant NOW = Instant.parse("2026-03-20T12:00:00Z");
    private static final List<String> RACES = List.of("bw_zerg", "bw_terran", "sc2_protoss");
    /** Small pages so that paging, clamping and page limits all show up. */
    private static final LeaderboardRules RULES = new LeaderboardRules(5, 4, RankScheme.REFERENCE);

    record Entry(int player, int race, int rating, int games, int daysAgo, int country) {
    }

    @Property(tries = 25)
    void pagesAndRanksMatchTheSnapshot(@ForAll("populations") @Size(min = 40, max = 90) List<Entry> population,
                                       @ForAll("queries") @Size(min = 6, max = 6) List<LeaderboardQuery> queries) {
        PostgresLadderStore store = TestDatabases.emptyStore();
        List<RatingChange> changes = new ArrayList<>();
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (Entry e : population) {
            String race = RACES.get(e.race());
            if (!keys.add(e.player() + race)) {
                continue;
            }
            PlayerId id = PlayerId.of(e.player());
            if (store.players().find(id).isEmpty()) {
                store.players().register(id, 3, NOW);
                if (e.country() < 2) {
                    store.players().saveProfile(id, new PlayerProfile("p" + e.player(), "P#123", List.of(),
                            e.country() == 0 ? "DE" : "KR", "EUW"));
                }
            }
            PlayerRating fresh = PlayerRating.fresh(id, race, Rating.points(1500));
            int wins = e.games();
            PlayerRating after = new PlayerRating(id, race, new Rating(e.rating() / 2.0, 0, 0), wins, wins, 0, 0,
                    e.games() == 0 ? Optional.empty() : Optional.of(NOW.minus(Duration.ofDays(e.daysAgo()))));
            changes.add(new RatingChange(Optional.empty(), LedgerCause.ADJUSTMENT, fresh, after, NOW));
        }
        store.ratings().record(changes, Optional.empty());
        List<PlayerRating> ratings = store.ratings().all();
        Map<PlayerId, Player> players = store.players().findAll(ratings.stream().map(PlayerRating::player).toList());
        LeaderboardSnapshot snapshot = LeaderboardSnapshot.of(RULES, ratings, players, NOW);
        PostgresLeaderboard leaderboard = new PostgresLeaderboard(store, RULES, InstantSource.fixed(NOW),
                Duration.ZERO, Ticker.systemTicker());

        for (LeaderboardQuery query : queries) {
            assertThat(leaderboard.pageUncached(query)).as("%s", query).isEqualTo(snapshot.page(query));
        }
        for (int player = 1; player <= 31; player += 3) {
            for (String race : RACES) {
                assertThat(leaderboard.rankOf(PlayerId.of(player), race)).as("rank of %s %s", player, race)
                        .isEqualTo(snapshot.rankOf(PlayerId.of(player), race));
            }
        }
    }

    @Provide
    Arbitrary<List<Entry>> populations() {
        // Few players and few rating values: ties in rating and last game are common.
        Arbitrary<Entry> entry = Combinators.combine(
                Arbitraries.integers().between(1, 31),
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(2999, 3001),
                Arbitraries.integers().between(0, 3),
                Arbitraries.of(0, 1, 2, 30),
                Arbitraries.integers().between(0, 2)).as(Entry::new);
        return entry.list();
    }

    @Provide
    Arbitrary<List<LeaderboardQuery>> queries() {
        Arbitrary<LeaderboardQuery> query = Combinators.combine(
                Arbitraries.of("DE", "kr", "ZZ", "FR").optional(0.3),
                Arbitraries.of(RACES).optional(0.3),
                Arbitraries.of("S", "A", "B", "C", "D", "E", "F", "U").optional(0.3),
                Arbitraries.of(true, false),
                Arbitraries.integers().between(1, 6)).as(LeaderboardQuery::new);
        return query.list();
    }
}
