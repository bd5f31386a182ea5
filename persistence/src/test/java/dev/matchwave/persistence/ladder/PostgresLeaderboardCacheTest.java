package dev.matchwave.persistence.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.player.PlayerProfile;
import dev.matchwave.matchmaking.ladder.rank.LeaderboardPage;
import dev.matchwave.matchmaking.ladder.rank.LeaderboardQuery;
import dev.matchwave.matchmaking.ladder.rank.LeaderboardRules;
import dev.matchwave.matchmaking.ladder.rating.LedgerCause;
import dev.matchwave.matchmaking.ladder.rating.PlayerRating;
import dev.matchwave.matchmaking.ladder.rating.Rating;
import dev.matchwave.matchmaking.ladder.rating.RatingChange;
import dev.matchwave.persistence.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cached pages and ranks live for the expiry, and a rating or profile change drops them at once. */
class PostgresLeaderboardCacheTest {

    private static final Instant NOW = Instant.parse("2026-03-20T12:00:00Z");
    private final AtomicLong nanos = new AtomicLong();
    private PostgresLadderStore store;
    private PostgresLeaderboard leaderboard;

    @BeforeEach
    void twoRankedPlayers() {
        store = TestDatabases.emptyStore();
        store.players().register(PlayerId.of(1), 3, NOW);
        store.players().register(PlayerId.of(2), 3, NOW);
        store.ratings().record(List.of(set(1, 1600), set(2, 1400)), Optional.empty());
        leaderboard = new PostgresLeaderboard(store, LeaderboardRules.REFERENCE, InstantSource.fixed(NOW),
                Duration.ofSeconds(30), nanos::get);
    }

    @Test
    void aCachedPageLivesForTheExpiryEvenWhenAnotherProcessChangesTheData() {
        LeaderboardPage first = leaderboard.page(LeaderboardQuery.ALL);
        assertThat(names(first)).containsExactly("1", "2");
        assertThat(leaderboard.rankOf(PlayerId.of(2), "bw_zerg")).isEqualTo("D");

        // Another process (not through this store) swaps the order.
        store.database().dsl().execute("UPDATE ratings SET rating = 1700 WHERE player_id = 2");
        assertThat(leaderboard.page(LeaderboardQuery.ALL)).isSameAs(first);

        nanos.addAndGet(Duration.ofSeconds(31).toNanos());
        assertThat(names(leaderboard.page(LeaderboardQuery.ALL))).containsExactly("2", "1");
    }

    @Test
    void aRatingChangeThroughTheStoreDropsTheCaches() {
        leaderboard.page(LeaderboardQuery.ALL);
        assertThat(leaderboard.rankOf(PlayerId.of(1), "bw_zerg")).isEqualTo("C");
        PlayerRating two = store.ratings().find(PlayerId.of(2), "bw_zerg").orElseThrow();

        store.ratings().record(List.of(new RatingChange(Optional.empty(), LedgerCause.ADJUSTMENT, two,
                two.withRating(Rating.points(1800)), NOW)), Optional.empty());

        assertThat(names(leaderboard.page(LeaderboardQuery.ALL))).containsExactly("2", "1");
        assertThat(leaderboard.rankOf(PlayerId.of(1), "bw_zerg")).isEqualTo("D");
    }

    @Test
    void aProfileChangeThroughTheStoreDropsTheCaches() {
        assertThat(leaderboard.page(LeaderboardQuery.ALL.withCountry("KR")).rows()).isEmpty();

        store.players().saveProfile(PlayerId.of(1), new PlayerProfile("Flash", "F#123", List.of(), "KR", "KRJ"));

        assertThat(names(leaderboard.page(LeaderboardQuery.ALL.withCountry("KR")))).containsExactly("Flash");
    }

    private static List<String> names(LeaderboardPage page) {
        return page.rows().stream().map(r -> r.name()).toList();
    }

    private static RatingChange set(long player, int rating) {
        PlayerRating fresh = PlayerRating.fresh(PlayerId.of(player), "bw_zerg", Rating.points(1500));
        return new RatingChange(Optional.empty(), LedgerCause.ADJUSTMENT, fresh,
                new PlayerRating(PlayerId.of(player), "bw_zerg", Rating.points(rating), 1, 1, 0, 0,
                        Optional.of(NOW.minusSeconds(60))), NOW);
    }
}
