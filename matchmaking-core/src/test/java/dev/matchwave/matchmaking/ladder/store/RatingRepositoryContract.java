package dev.matchwave.matchmaking.ladder.store;

import dev.matchwave.matchmaking.ladder.StoreException.Kind;
import dev.matchwave.matchmaking.ladder.audit.AdminAction;
import dev.matchwave.matchmaking.ladder.audit.AdminActionKind;
import dev.matchwave.matchmaking.ladder.rating.LedgerEntry;
import dev.matchwave.matchmaking.ladder.rating.PlayerRating;
import dev.matchwave.matchmaking.ladder.rating.Rating;
import dev.matchwave.matchmaking.ladder.rating.RatingChange;
import dev.matchwave.matchmaking.ladder.rating.RatingRepository;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.matchwave.matchmaking.ladder.store.ContractFixtures.action;
import static dev.matchwave.matchmaking.ladder.store.ContractFixtures.adjustment;
import static dev.matchwave.matchmaking.ladder.store.ContractFixtures.assertStoreError;
import static dev.matchwave.matchmaking.ladder.store.ContractFixtures.at;
import static dev.matchwave.matchmaking.ladder.store.ContractFixtures.fresh;
import static dev.matchwave.matchmaking.ladder.store.ContractFixtures.player;
import static dev.matchwave.matchmaking.ladder.store.ContractFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of {@link RatingRepository} for changes without a match; changes from matches
 * are covered by {@link MatchRepositoryContract}. {@link #newStore} returns an empty store.
 */
public abstract class RatingRepositoryContract {

    protected abstract LadderStore newStore();

    private LadderStore store;
    private RatingRepository ratings;

    @BeforeEach
    void setUpStore() {
        store = newStore();
        register(store, 1, 2);
        ratings = store.ratings();
    }

    @Test
    void aRatingNeverWrittenIsAbsent() {
        assertThat(ratings.find(player(1), "bw_zerg")).isEmpty();
        assertThat(ratings.ratingsOf(player(1))).isEmpty();
        assertThat(ratings.all()).isEmpty();
        assertThat(ratings.ledger(0, 10)).isEmpty();
    }

    @Test
    void aRecordedChangeTellsTheStoresListenersOnceItIsStored() {
        List<Optional<PlayerRating>> seen = new java.util.ArrayList<>();
        store.onRatingsOrProfilesChanged(() -> seen.add(ratings.find(player(1), "bw_zerg")));
        RatingChange change = adjustment(fresh(1, "bw_zerg"), 1620, 5);

        ratings.record(List.of(change), Optional.empty());
        assertThat(seen).containsExactly(Optional.of(change.after()));

        ratings.record(List.of(), Optional.empty());
        assertThat(seen).as("nothing written, nobody told").hasSize(1);
    }

    @Test
    void recordStoresTheAfterStateAndTheLedgerEntry() {
        RatingChange change = adjustment(fresh(1, "bw_zerg"), 1620, 5);
        assertThat(ratings.find(player(1), "bw_zerg")).isEmpty(); // a cache, if any, holds "none" now

        List<LedgerEntry> written = ratings.record(List.of(change), Optional.empty());

        assertThat(written).hasSize(1);
        assertThat(written.get(0).change()).isEqualTo(change);
        assertThat(ratings.find(player(1), "bw_zerg")).contains(change.after());
        assertThat(ratings.ledger(0, 10)).containsExactlyElementsOf(written);
        assertThat(ratings.ledgerOf(player(1), "bw_zerg")).containsExactlyElementsOf(written);
        assertThat(ratings.ledgerOf(player(1), "sc2_zerg")).isEmpty();
    }

    @Test
    void ratingsOfReturnsEveryRaceOfOnePlayer() {
        PlayerRating zerg = adjustment(fresh(1, "bw_zerg"), 1600, 1).after();
        PlayerRating terran = adjustment(fresh(1, "sc2_terran"), 1400, 1).after();
        ratings.record(List.of(adjustment(fresh(1, "bw_zerg"), 1600, 1), adjustment(fresh(1, "sc2_terran"), 1400, 1),
                adjustment(fresh(2, "bw_zerg"), 1700, 1)), Optional.empty());

        assertThat(ratings.ratingsOf(player(1)))
                .containsOnlyKeys("bw_zerg", "sc2_terran")
                .containsEntry("bw_zerg", zerg)
                .containsEntry("sc2_terran", terran);
        assertThat(ratings.all()).hasSize(3);
    }

    @Test
    void glickoValuesAndTimesRoundTripExactly() {
        PlayerRating before = PlayerRating.fresh(player(1), "sc2_protoss", new Rating(1500, 350, 0.06));
        PlayerRating after = before.afterGame(new Rating(1464.0506705393013, 151.51652412385727, 0.059995984286488495),
                0.0, at(77));
        RatingChange change = new RatingChange(Optional.of(dev.matchwave.matchmaking.ladder.MatchId.of(1)),
                dev.matchwave.matchmaking.ladder.rating.LedgerCause.MATCH, before, after, at(77));
        store.matches().createAll(List.of(ContractFixtures.draft(1, 2)));

        ratings.record(List.of(change), Optional.empty());

        assertThat(ratings.find(player(1), "sc2_protoss")).contains(after);
        assertThat(ratings.ledgerOf(dev.matchwave.matchmaking.ladder.MatchId.of(1)))
                .extracting(LedgerEntry::change).containsExactly(change);
    }

    @Test
    void aStaleBeforeIsRefusedAndNothingChanges() {
        ratings.record(List.of(adjustment(fresh(1, "bw_zerg"), 1600, 1)), Optional.empty());
        RatingChange stale = adjustment(fresh(1, "bw_zerg"), 1700, 2);
        PlayerRating otherBefore = fresh(2, "bw_zerg");

        assertStoreError(Kind.STALE,
                () -> ratings.record(List.of(adjustment(otherBefore, 1550, 2), stale), Optional.empty()));

        assertThat(ratings.find(player(1), "bw_zerg").orElseThrow().rating().value()).isEqualTo(1600);
        assertThat(ratings.find(player(2), "bw_zerg")).isEmpty();
        assertThat(ratings.ledger(0, 10)).hasSize(1);
    }

    @Test
    void aMissingRowMustBeReadAsFresh() {
        PlayerRating notFresh = fresh(1, "bw_zerg").afterGame(Rating.points(1520), 1.0, at(1));
        assertStoreError(Kind.STALE,
                () -> ratings.record(List.of(adjustment(notFresh, 1600, 2)), Optional.empty()));
        assertThat(ratings.all()).isEmpty();
    }

    @Test
    void laterChangesOfTheSameRatingChainInOneCall() {
        RatingChange first = adjustment(fresh(1, "bw_zerg"), 1600, 1);
        RatingChange second = adjustment(first.after(), 1650, 1);

        List<LedgerEntry> written = ratings.record(List.of(first, second), Optional.empty());

        assertThat(written.get(0).sequence()).isLessThan(written.get(1).sequence());
        assertThat(ratings.find(player(1), "bw_zerg")).contains(second.after());

        RatingChange brokenChain = adjustment(fresh(2, "bw_zerg"), 1600, 1);
        RatingChange notFromIt = adjustment(fresh(2, "bw_zerg"), 1650, 1);
        assertStoreError(Kind.STALE, () -> ratings.record(List.of(brokenChain, notFromIt), Optional.empty()));
        assertThat(ratings.find(player(2), "bw_zerg")).isEmpty();
    }

    @Test
    void anUnregisteredPlayerHasNoRating() {
        assertStoreError(Kind.NOT_FOUND,
                () -> ratings.record(List.of(adjustment(fresh(9, "bw_zerg"), 1600, 1)), Optional.empty()));
        assertThat(ratings.all()).isEmpty();
    }

    @Test
    void theAuditEntryIsStoredWithTheChange() {
        AdminAction adjust = action(AdminActionKind.ADJUST_RATING, "player:1", 3);
        ratings.record(List.of(adjustment(fresh(1, "bw_zerg"), 1600, 3)), Optional.of(adjust));
        assertThat(store.audit().recent(5)).extracting(e -> e.action()).containsExactly(adjust);

        assertStoreError(Kind.STALE, () -> ratings.record(List.of(adjustment(fresh(1, "bw_zerg"), 1600, 4)),
                Optional.of(action(AdminActionKind.ADJUST_RATING, "player:1", 4))));
        assertThat(store.audit().recent(5)).hasSize(1);
    }

    @Test
    void theLedgerPagesBySequence() {
        PlayerRating current = fresh(1, "bw_zerg");
        for (int i = 1; i <= 5; i++) {
            RatingChange change = adjustment(current, 1500 + i, i);
            ratings.record(List.of(change), Optional.empty());
            current = change.after();
        }

        List<LedgerEntry> all = ratings.ledger(0, 100);
        assertThat(all).hasSize(5).isSortedAccordingTo((a, b) -> Long.compare(a.sequence(), b.sequence()));
        assertThat(ratings.ledger(0, 2)).containsExactlyElementsOf(all.subList(0, 2));
        assertThat(ratings.ledger(all.get(1).sequence(), 2)).containsExactlyElementsOf(all.subList(2, 4));
        assertThat(ratings.ledger(all.get(4).sequence(), 2)).isEmpty();
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).before()).isEqualTo(all.get(i - 1).after());
        }
    }
}
