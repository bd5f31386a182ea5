package dev.matchwave.matchmaking.ladder.rank;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.player.Player;
import dev.matchwave.matchmaking.ladder.player.PlayerProfile;
import dev.matchwave.matchmaking.ladder.rating.LedgerCause;
import dev.matchwave.matchmaking.ladder.rating.PlayerRating;
import dev.matchwave.matchmaking.ladder.rating.Rating;
import dev.matchwave.matchmaking.ladder.rating.RatingChange;
import dev.matchwave.matchmaking.ladder.store.InMemoryLadderStore;
import dev.matchwave.matchmaking.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LeaderboardTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private static PlayerRating rating(long player, String race, int points, int daysAgo) {
        return new PlayerRating(PlayerId.of(player), race, Rating.points(points), 1, 1, 0, 0,
                Optional.of(NOW.minus(Duration.ofDays(daysAgo))));
    }

    private static Player player(long id, String name, String country) {
        return Player.registered(PlayerId.of(id), 3, NOW)
                .withProfile(new PlayerProfile(name, name + "#123", List.of(), country, "EUW"));
    }

    @Test
    void filtersByCountryRaceRankAndBestRace() {
        List<PlayerRating> ratings = List.of(
                rating(1, "bw_zerg", 1700, 1), rating(1, "sc2_terran", 1650, 1),
                rating(2, "bw_zerg", 1600, 1), rating(3, "sc2_terran", 1800, 2),
                rating(4, "bw_protoss", 1900, 20));
        Map<PlayerId, Player> players = Map.of(PlayerId.of(1), player(1, "Flash", "KR"),
                PlayerId.of(2), player(2, "Stork", "KR"), PlayerId.of(3), player(3, "Serral", "FI"));

        LeaderboardSnapshot board = LeaderboardSnapshot.of(LeaderboardRules.REFERENCE, ratings, players, NOW);

        assertThat(names(board.page(LeaderboardQuery.ALL))).containsExactly(
                "Serral sc2_terran", "Flash bw_zerg", "Flash sc2_terran", "Stork bw_zerg");
        assertThat(names(board.page(LeaderboardQuery.ALL.withBestRaceOnly()))).containsExactly(
                "Serral sc2_terran", "Flash bw_zerg", "Stork bw_zerg");
        assertThat(names(board.page(LeaderboardQuery.ALL.withCountry("kr")))).containsExactly(
                "Flash bw_zerg", "Flash sc2_terran", "Stork bw_zerg");
        assertThat(names(board.page(LeaderboardQuery.ALL.withRace("sc2_terran").withBestRaceOnly()))).containsExactly(
                "Serral sc2_terran");
        String topRank = board.rankOf(PlayerId.of(3), "sc2_terran");
        assertThat(names(board.page(LeaderboardQuery.ALL.withRank(topRank)))).contains("Serral sc2_terran");
        assertThat(board.rankOf(PlayerId.of(4), "bw_protoss")).isEqualTo("U");
        assertThat(board.page(LeaderboardQuery.ALL).rows()).extracting(LeaderboardRow::position)
                .containsExactly(1, 2, 3, 4);
    }

    @Test
    void pagesHoldFortyRowsAndStopAtTwentyFive() {
        List<PlayerRating> ratings = new ArrayList<>();
        Map<PlayerId, Player> players = new HashMap<>();
        for (int i = 1; i <= 1100; i++) {
            ratings.add(rating(i, "bw_zerg", 1000 + i, 1));
        }

        LeaderboardSnapshot board = LeaderboardSnapshot.of(LeaderboardRules.REFERENCE, ratings, players, NOW);

        LeaderboardPage first = board.page(LeaderboardQuery.ALL);
        assertThat(first.rows()).hasSize(40);
        assertThat(first.pages()).isEqualTo(25);
        assertThat(first.totalRows()).isEqualTo(1100);
        assertThat(first.rows().get(0).name()).isEqualTo("1100");
        assertThat(first.rows().get(0).country()).isEqualTo("ZZ");
        LeaderboardPage beyond = board.page(LeaderboardQuery.ALL.withPage(26));
        assertThat(beyond.page()).isEqualTo(25);
        assertThat(beyond.rows()).extracting(LeaderboardRow::position).startsWith(961).endsWith(1000);
        assertThat(board.page(LeaderboardQuery.ALL.withPage(2))).isEqualTo(board.page(LeaderboardQuery.ALL.withPage(2)));
        assertThat(LeaderboardSnapshot.empty(LeaderboardRules.REFERENCE, NOW).page(LeaderboardQuery.ALL))
                .isEqualTo(new LeaderboardPage(List.of(), 1, 1, 0));
    }

    @Test
    void aRefreshPublishesANewSnapshotAndOldOnesStayAsTheyWere() {
        InMemoryLadderStore store = new InMemoryLadderStore();
        ManualClock clock = new ManualClock(NOW);
        store.players().register(PlayerId.of(1), 3, NOW);
        Leaderboard leaderboard = new Leaderboard(store, LeaderboardRules.REFERENCE, clock);
        LeaderboardSnapshot before = leaderboard.snapshot();

        PlayerRating fresh = PlayerRating.fresh(PlayerId.of(1), "bw_zerg", Rating.points(1500));
        store.ratings().record(List.of(new RatingChange(Optional.of(dev.matchwave.matchmaking.ladder.MatchId.of(1)),
                LedgerCause.MATCH, fresh, fresh.afterGame(Rating.points(1520), 1, NOW), NOW)), Optional.empty());
        LeaderboardSnapshot after = leaderboard.refresh();

        assertThat(before.page(LeaderboardQuery.ALL).totalRows()).isZero();
        assertThat(after.page(LeaderboardQuery.ALL).totalRows()).isEqualTo(1);
        assertThat(leaderboard.page(LeaderboardQuery.ALL).rows().get(0).rank()).isEqualTo("D");
    }

    private static List<String> names(LeaderboardPage page) {
        return page.rows().stream().map(r -> r.name() + " " + r.race()).toList();
    }
}
