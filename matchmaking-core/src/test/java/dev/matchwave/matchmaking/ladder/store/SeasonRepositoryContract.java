package dev.matchwave.matchmaking.ladder.store;

import static dev.matchwave.matchmaking.ladder.store.ContractFixtures.at;
import static dev.matchwave.matchmaking.ladder.store.ContractFixtures.player;
import static dev.matchwave.matchmaking.ladder.store.ContractFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.matchwave.matchmaking.ladder.StoreException;
import dev.matchwave.matchmaking.ladder.audit.AdminActionKind;
import dev.matchwave.matchmaking.ladder.rating.LedgerCause;
import dev.matchwave.matchmaking.ladder.rating.LedgerReplay;
import dev.matchwave.matchmaking.ladder.rating.PlayerRating;
import dev.matchwave.matchmaking.ladder.rating.Rating;
import dev.matchwave.matchmaking.ladder.rating.RatingChange;
import dev.matchwave.matchmaking.ladder.season.PlannedSeason;
import dev.matchwave.matchmaking.ladder.season.Season;
import dev.matchwave.matchmaking.ladder.season.SeasonRepository;
import dev.matchwave.matchmaking.ladder.season.SeasonReset;
import dev.matchwave.matchmaking.ladder.season.Seasons;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link SeasonRepository}; {@link #newStore} returns an empty store. */
public abstract class SeasonRepositoryContract {

    protected abstract LadderStore newStore();

    private static final Rating INITIAL = Rating.points(1500);

    private LadderStore store;
    private SeasonRepository seasons;

    @BeforeEach
    void setUpStore() {
        store = newStore();
        seasons = store.seasons();
        register(store, 1, 2);
    }

    private PlayerRating played(long player, String race, int rating, long second) {
        PlayerRating before = store.ratings().find(player(player), race)
                .orElse(PlayerRating.fresh(player(player), race, INITIAL));
        PlayerRating after = before.afterGame(Rating.points(rating), 1.0, at(second));
        store.ratings().record(List.of(new RatingChange(Optional.empty(), LedgerCause.ADJUSTMENT, before, after,
                at(second))), Optional.empty());
        return after;
    }

    @Test
    void beforeAnyNewSeasonThereIsTheFirst() {
        assertThat(seasons.seasons()).containsExactly(Season.FIRST);
        assertThat(seasons.current()).isEqualTo(Season.FIRST);
        assertThat(seasons.records(1)).isEmpty();
    }

    @Test
    void aNewSeasonResetsThroughTheLedgerKeepsTheRecordsAndDefersAPlayerInAMatch() {
        PlayerRating one = played(1, "bw_zerg", 1540, 10);
        PlayerRating two = played(2, "sc2_terran", 1460, 20);
        Season second = new Season(2, at(100), new SeasonReset.Initial());
        List<RatingChange> resets = Seasons.plan(List.of(one), second.reset(), INITIAL, at(100));
        // Read before: a store that caches ratings, seasons or waiting resets must not answer from before the start.
        assertThat(store.ratings().find(player(1), "bw_zerg")).contains(one);
        assertThat(seasons.seasons()).containsExactly(Season.FIRST);
        assertThat(seasons.resetPending(2, player(2))).isFalse();

        seasons.start(second, resets, Set.of(player(2)),
                ContractFixtures.action(AdminActionKind.NEW_SEASON, "season:2", 100));

        assertThat(seasons.seasons()).containsExactly(Season.FIRST, second);
        assertThat(store.ratings().find(player(1), "bw_zerg").orElseThrow().rating()).isEqualTo(INITIAL);
        assertThat(seasons.records(1)).containsExactly(one);
        assertThat(seasons.recordsOf(1, player(1))).containsEntry("bw_zerg", one);
        assertThat(seasons.resetPending(2, player(2))).isTrue();
        assertThat(seasons.pendingResets(2)).containsExactly(player(2));
        assertThat(seasons.resetPending(2, player(1))).isFalse();
        assertThat(store.audit().recent(1).get(0).action().kind()).isEqualTo(AdminActionKind.NEW_SEASON);
        assertThat(LedgerReplay.verify(store.ratings())).isEmpty();

        // His spanning match ends (one more game of season 1), then his reset.
        PlayerRating twoFinal = played(2, "sc2_terran", 1470, 200);
        assertThat(store.ratings().find(player(2), "sc2_terran")).contains(twoFinal);
        assertThat(seasons.applyDeferred(2, player(2), Seasons.plan(List.of(twoFinal), second.reset(), INITIAL,
                at(201)))).hasSize(1);
        assertThat(seasons.resetPending(2, player(2))).isFalse();
        assertThat(seasons.pendingResets(2)).isEmpty();
        assertThat(seasons.recordsOf(1, player(2))).containsEntry("sc2_terran", twoFinal);
        assertThat(store.ratings().find(player(2), "sc2_terran").orElseThrow().rating()).isEqualTo(INITIAL);
        assertThat(seasons.applyDeferred(2, player(2), List.of())).as("not pending any more").isEmpty();
        assertThat(LedgerReplay.verify(store.ratings())).isEmpty();
        assertThat(two.games()).isEqualTo(1);
    }

    /** Each player's reset is applied on its own: the others keep waiting, also in a store's memory. */
    @Test
    void applyingOneWaitingResetLeavesTheOthersWaiting() {
        register(store, 3);
        Season second = new Season(2, at(100), new SeasonReset.Initial());
        seasons.start(second, List.of(), Set.of(player(1), player(2), player(3)),
                ContractFixtures.action(AdminActionKind.NEW_SEASON, "season:2", 100));
        // Asked before any is applied: a store that keeps the waiting resets in memory has them now.
        assertThat(seasons.resetPending(2, player(1))).isTrue();
        assertThat(seasons.seasons()).containsExactly(Season.FIRST, second);

        PlayerRating two = played(2, "sc2_terran", 1470, 200);
        assertThat(seasons.applyDeferred(2, player(2), Seasons.plan(List.of(two), second.reset(), INITIAL,
                at(201)))).hasSize(1);

        assertThat(seasons.resetPending(2, player(2))).isFalse();
        assertThat(seasons.resetPending(2, player(1))).isTrue();
        assertThat(seasons.resetPending(2, player(3))).isTrue();
        assertThat(seasons.pendingResets(2)).containsExactlyInAnyOrder(player(1), player(3));
        assertThat(seasons.seasons()).containsExactly(Season.FIRST, second);
        assertThat(seasons.applyDeferred(2, player(1), List.of())).as("nothing to change, but applied").isEmpty();
        assertThat(seasons.resetPending(2, player(1))).isFalse();
        assertThat(seasons.resetPending(2, player(3))).isTrue();
    }

    @Test
    void aPlannedSeasonIsKeptUntilItStarts() {
        Season second = new Season(2, at(500), new SeasonReset.CarryOver());
        PlannedSeason plan = new PlannedSeason(second, ContractFixtures.ADMIN, "calendar");
        assertThat(seasons.planned()).isEmpty();
        seasons.plan(plan, ContractFixtures.action(AdminActionKind.NEW_SEASON, "season:2", 100));
        assertThat(seasons.planned()).contains(plan);
        assertThat(store.audit().recent(10)).hasSize(1);

        PlannedSeason third = new PlannedSeason(new Season(3, at(900), new SeasonReset.Initial()),
                ContractFixtures.ADMIN, "too far");
        assertThatThrownBy(() -> seasons.plan(third, ContractFixtures.action(AdminActionKind.NEW_SEASON, "season:3",
                101))).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.STALE));
        assertThat(seasons.planned()).contains(plan);

        seasons.start(second, List.of(), Set.of(), ContractFixtures.action(AdminActionKind.NEW_SEASON, "season:2", 500));
        assertThat(seasons.planned()).as("done with once it started").isEmpty();
        assertThat(seasons.current()).isEqualTo(second);
    }

    @Test
    void eachSeasonKeepsItsOwnMapPoolAndSoDoesAPlan() {
        Season second = new Season(2, at(100), new SeasonReset.CarryOver(), List.of("Polypoid", "Eclipse"));
        seasons.start(second, List.of(), Set.of(), ContractFixtures.action(AdminActionKind.NEW_SEASON, "season:2", 100));
        PlannedSeason third = new PlannedSeason(new Season(3, at(900), new SeasonReset.Initial(),
                List.of("Vermeer", "Radeon", "Fighting Spirit")), ContractFixtures.ADMIN, "new maps");
        seasons.plan(third, ContractFixtures.action(AdminActionKind.NEW_SEASON, "season:3", 101));

        assertThat(seasons.seasons()).extracting(Season::mapPool)
                .containsExactly(List.of(), List.of("Polypoid", "Eclipse"));
        assertThat(seasons.planned().orElseThrow().season().mapPool()).as("in draw order")
                .containsExactly("Vermeer", "Radeon", "Fighting Spirit");
        seasons.start(third.season(), List.of(), Set.of(),
                ContractFixtures.action(AdminActionKind.NEW_SEASON, "season:3", 900));
        assertThat(seasons.current()).isEqualTo(third.season());
        assertThat(seasons.seasons().get(1).mapPool()).as("the closed season keeps its pool")
                .containsExactly("Polypoid", "Eclipse");
    }

    @Test
    void aSeasonOutOfTurnOrAResetFromAStaleRatingChangesNothing() {
        PlayerRating one = played(1, "bw_zerg", 1540, 10);
        Season third = new Season(3, at(100), new SeasonReset.Initial());
        assertThatThrownBy(() -> seasons.start(third, List.of(), Set.of(),
                ContractFixtures.action(AdminActionKind.NEW_SEASON, "season:3", 100)))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.STALE));

        Season second = new Season(2, at(100), new SeasonReset.Initial());
        List<RatingChange> stale = Seasons.plan(List.of(one), second.reset(), INITIAL, at(100));
        played(1, "bw_zerg", 1550, 50); // a match ended after the reset was planned
        assertThatThrownBy(() -> seasons.start(second, stale, Set.of(),
                ContractFixtures.action(AdminActionKind.NEW_SEASON, "season:2", 100)))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.STALE));
        assertThat(seasons.seasons()).containsExactly(Season.FIRST);
        assertThat(seasons.records(1)).isEmpty();
        assertThat(store.audit().recent(10)).isEmpty();
    }
}
