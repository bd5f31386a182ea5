package dev.matchwave.matchmaking.ladder.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.player.Player;
import dev.matchwave.matchmaking.ladder.player.PlayerProfile;
import dev.matchwave.matchmaking.ladder.rank.LeaderboardQuery;
import dev.matchwave.matchmaking.ladder.rank.LeaderboardRules;
import dev.matchwave.matchmaking.ladder.rank.LeaderboardSnapshot;
import dev.matchwave.matchmaking.ladder.rank.LeaderboardSource;
import dev.matchwave.matchmaking.ladder.rank.RankScheme;
import dev.matchwave.matchmaking.ladder.rating.LedgerCause;
import dev.matchwave.matchmaking.ladder.rating.PlayerRating;
import dev.matchwave.matchmaking.ladder.rating.Rating;
import dev.matchwave.matchmaking.ladder.rating.RatingChange;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link LeaderboardSource}: whatever the implementation, its pages and ranks
 * are those of a {@link LeaderboardSnapshot} of the store's data, once it has caught up with
 * the writes ({@link #caughtUp}).
 */
public abstract class LeaderboardSourceContract {

    private static final Instant NOW = Instant.parse("2026-03-20T12:00:00Z");
    private static final List<String> RACES = List.of("bw_zerg", "bw_terran", "sc2_protoss");
    /** Small pages: paging and page limits show up with a few dozen entries. */
    private static final LeaderboardRules RULES = new LeaderboardRules(5, 4, RankScheme.REFERENCE);

    protected abstract LadderStore newStore();

    /** The implementation under test, reading {@code store}, by these rules, at this clock's "now". */
    protected abstract LeaderboardSource sourceOf(LadderStore store, LeaderboardRules rules, InstantSource clock);

    /** Makes the store's writes so far visible to {@code source}; a source that reads live does nothing. */
    protected void caughtUp(LeaderboardSource source) {
    }

    private LadderStore store;

    @BeforeEach
    void aLadder() {
        store = newStore();
        List<RatingChange> changes = new ArrayList<>();
        for (int p = 1; p <= 24; p++) {
            PlayerId id = PlayerId.of(p);
            store.players().register(id, 3, NOW);
            if (p % 4 != 0) {
                store.players().saveProfile(id, new PlayerProfile("p" + p, "P#" + (100 + p), List.of(),
                        p % 3 == 0 ? "KR" : "DE", "EUW"));
            }
            for (int r = 0; r < (p % 3) + 1; r++) {
                String race = RACES.get(r);
                // Ties in rating and last game are common; a few entries are unranked (no game, or too old).
                int games = (p + r) % 7 == 0 ? 0 : 1 + (p + r) % 5;
                Optional<Instant> last = games == 0 ? Optional.empty()
                        : Optional.of(NOW.minus(Duration.ofDays((p * 3L + r) % 20)));
                PlayerRating after = new PlayerRating(id, race, Rating.points(1400 + (p * 37 + r * 11) % 300 / 10 * 10),
                        games, games, 0, 0, last);
                changes.add(new RatingChange(Optional.empty(), LedgerCause.ADJUSTMENT,
                        PlayerRating.fresh(id, race, Rating.points(1500)), after, NOW));
            }
        }
        store.ratings().record(changes, Optional.empty());
    }

    private LeaderboardSnapshot expected() {
        List<PlayerRating> ratings = store.ratings().all();
        Map<PlayerId, Player> players = store.players().findAll(
                ratings.stream().map(PlayerRating::player).distinct().toList());
        return LeaderboardSnapshot.of(RULES, ratings, players, NOW);
    }

    private static List<LeaderboardQuery> queries() {
        return List.of(LeaderboardQuery.ALL, LeaderboardQuery.ALL.withPage(2), LeaderboardQuery.ALL.withPage(9),
                LeaderboardQuery.ALL.withCountry("KR"), LeaderboardQuery.ALL.withCountry("ZZ"),
                LeaderboardQuery.ALL.withRace("bw_terran"), LeaderboardQuery.ALL.withRank("C"),
                LeaderboardQuery.ALL.withBestRaceOnly(), LeaderboardQuery.ALL.withBestRaceOnly().withPage(2),
                LeaderboardQuery.ALL.withRace("sc2_protoss").withCountry("DE"));
    }

    @Test
    void pagesAndRanksAreThoseOfASnapshotOfTheStoresData() {
        LeaderboardSource source = sourceOf(store, RULES, InstantSource.fixed(NOW));
        caughtUp(source);
        LeaderboardSnapshot expected = expected();
        assertThat(expected.page(LeaderboardQuery.ALL).rows()).as("the fixture ranks someone").isNotEmpty();
        for (LeaderboardQuery query : queries()) {
            assertThat(source.page(query)).as("%s", query).isEqualTo(expected.page(query));
        }
        for (int p = 1; p <= 24; p++) {
            for (String race : RACES) {
                assertThat(source.rankOf(PlayerId.of(p), race)).as("rank of %s %s", p, race)
                        .isEqualTo(expected.rankOf(PlayerId.of(p), race));
            }
        }
    }

    @Test
    void aRatingChangeShowsOnceTheSourceHasCaughtUp() {
        LeaderboardSource source = sourceOf(store, RULES, InstantSource.fixed(NOW));
        caughtUp(source);
        source.page(LeaderboardQuery.ALL);
        PlayerRating last = store.ratings().all().stream().filter(r -> r.games() > 0)
                .min(dev.matchwave.matchmaking.ladder.rank.Ranks.BEST_FIRST.reversed()).orElseThrow();
        store.ratings().record(List.of(new RatingChange(Optional.empty(), LedgerCause.ADJUSTMENT, last,
                last.withRating(Rating.points(2400)), NOW)), Optional.empty());

        caughtUp(source);
        assertThat(source.page(LeaderboardQuery.ALL).rows().get(0).rating().player()).isEqualTo(last.player());
        LeaderboardSnapshot now = expected();
        assertThat(source.rankOf(last.player(), last.race())).isEqualTo(now.rankOf(last.player(), last.race()))
                .isEqualTo(now.page(LeaderboardQuery.ALL).rows().get(0).rank());
        assertThat(source.page(LeaderboardQuery.ALL)).isEqualTo(now.page(LeaderboardQuery.ALL));
    }
}
