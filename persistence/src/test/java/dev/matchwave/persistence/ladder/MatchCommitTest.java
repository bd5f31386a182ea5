package dev.matchwave.persistence.ladder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.StoreException;
import dev.matchwave.matchmaking.ladder.StoreException.Kind;
import dev.matchwave.matchmaking.ladder.match.Committed;
import dev.matchwave.matchmaking.ladder.match.Match;
import dev.matchwave.matchmaking.ladder.match.MatchResult;
import dev.matchwave.matchmaking.ladder.match.MatchState;
import dev.matchwave.matchmaking.ladder.match.MatchTransition;
import dev.matchwave.matchmaking.ladder.match.Report;
import dev.matchwave.matchmaking.ladder.rating.LedgerCause;
import dev.matchwave.matchmaking.ladder.rating.PlayerRating;
import dev.matchwave.matchmaking.ladder.rating.Rating;
import dev.matchwave.matchmaking.ladder.rating.RatingChange;
import dev.matchwave.matchmaking.ladder.store.ContractFixtures;
import dev.matchwave.persistence.TestDatabases;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Completing a match, changing both ratings and writing the ledger is one transaction: a failure
 * at its last statement leaves nothing of it, and committing it twice changes nothing.
 */
class MatchCommitTest {

    private static final Instant END = ContractFixtures.at(600);

    private PostgresLadderStore store;
    private Match started;

    @BeforeEach
    void aMatchInProgress() {
        store = TestDatabases.emptyStore();
        ContractFixtures.register(store, 1, 2);
        Match found = store.matches().createAll(List.of(ContractFixtures.draft(1, 2))).get(0);
        Match confirmed = found.nextVersion()
                .withParticipant(found.player1().withConfirmedAt(ContractFixtures.at(5)))
                .withParticipant(found.player2().withConfirmedAt(ContractFixtures.at(6)))
                .withStarted(ContractFixtures.at(6));
        started = store.matches().commit(MatchTransition.of(confirmed)).match();
    }

    @AfterEach
    void dropTrigger() {
        store.database().dsl().execute("DROP TRIGGER IF EXISTS test_fail_ledger ON rating_ledger");
    }

    @Test
    void aTransitionFromTheCachedVersionIsStaleWhenTheRowMovedOnElsewhere() {
        // A second process on the same database (a leader that took over while this one paused).
        PostgresLadderStore other = new PostgresLadderStore(store.database());
        Match theirs = other.matches().find(started.id()).orElseThrow();
        Match reported = theirs.nextVersion().withParticipant(theirs.player1().withReport(Report.PLAYER1));
        other.matches().commit(MatchTransition.of(reported));

        // This store still caches the version before: its transition from it must not win.
        Match mine = started.nextVersion().withParticipant(started.player2().withReport(Report.PLAYER2));
        assertThatThrownBy(() -> store.matches().commit(MatchTransition.of(mine)))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.STALE));
        // The failed commit dropped the cached match: the next read is the database's.
        assertThat(store.matches().find(started.id())).contains(reported);
        assertThat(store.database().dsl().fetchValue("SELECT report FROM match_participants WHERE match_id = "
                + started.id().value() + " AND slot = 2")).isNull();
    }

    @Test
    void committingACompletionTwiceChangesNothingTheSecondTime() {
        MatchTransition completion = completion();

        Committed first = store.matches().commit(completion);
        var ratings = store.ratings().all();
        var ledger = store.ratings().ledger(0, 100);

        assertThat(first.match().state()).isEqualTo(MatchState.COMPLETED);
        assertThat(first.ledger()).hasSize(2);
        assertThatThrownBy(() -> store.matches().commit(completion))
                .isInstanceOf(StoreException.class)
                .satisfies(e -> assertThat(((StoreException) e).kind()).isEqualTo(Kind.STALE));
        assertThat(store.ratings().all()).isEqualTo(ratings);
        assertThat(store.ratings().ledger(0, 100)).isEqualTo(ledger);
        assertThat(store.matches().find(started.id())).contains(first.match());
    }

    @Test
    void aFailureAtTheLastStatementLeavesNothingOfTheCompletion() {
        // The ledger insert comes after the match, participants and ratings were written.
        store.database().dsl().execute("CREATE OR REPLACE FUNCTION test_fail_ledger() RETURNS trigger"
                + " LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full' USING ERRCODE = '53100'; END $$");
        store.database().dsl().execute("CREATE TRIGGER test_fail_ledger BEFORE INSERT ON rating_ledger"
                + " FOR EACH STATEMENT EXECUTE FUNCTION test_fail_ledger()");

        assertThatThrownBy(() -> store.matches().commit(completion()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("commit version 3 of match 1 failed, nothing was stored")
                .satisfies(e -> assertThat(((StoreException) e).kind()).isEqualTo(Kind.UNAVAILABLE));

        assertThat(store.matches().find(started.id())).contains(started);
        assertThat(store.ratings().all()).isEmpty();
        assertThat(store.ratings().ledger(0, 100)).isEmpty();
        assertThat(store.matches().openMatchOf(PlayerId.of(1))).isPresent();

        dropTrigger();
        assertThat(store.matches().commit(completion()).ledger()).hasSize(2);
    }

    @Test
    void aStaleRatingRefusesTheWholeTransition() {
        PlayerRating fresh2 = ContractFixtures.fresh(2, "sc2_terran");
        store.ratings().record(List.of(ContractFixtures.adjustment(fresh2, 1550, 100)), Optional.empty());

        assertThatThrownBy(() -> store.matches().commit(completion()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("rating of player 2 sc2_terran changed since it was read")
                .satisfies(e -> assertThat(((StoreException) e).kind()).isEqualTo(Kind.STALE));
        assertThat(store.matches().find(started.id())).contains(started);
        assertThat(store.ratings().find(PlayerId.of(1), "bw_zerg")).isEmpty();
        assertThat(store.ratings().ledger(0, 100)).hasSize(1);
    }

    /** Player 1 wins; both start fresh at 1500 (Elo: +20 / -20). */
    private MatchTransition completion() {
        Match completed = started.nextVersion()
                .withParticipant(started.player1().withReport(Report.PLAYER1))
                .withParticipant(started.player2().withReport(Report.PLAYER1))
                .withClosed(MatchState.COMPLETED, MatchResult.PLAYER1, END);
        PlayerRating p1 = ContractFixtures.fresh(1, "bw_zerg");
        PlayerRating p2 = ContractFixtures.fresh(2, "sc2_terran");
        List<RatingChange> changes = List.of(
                new RatingChange(Optional.of(started.id()), LedgerCause.MATCH, p1,
                        p1.afterGame(Rating.points(1520), 1.0, END), END),
                new RatingChange(Optional.of(started.id()), LedgerCause.MATCH, p2,
                        p2.afterGame(Rating.points(1480), 0.0, END), END));
        return new MatchTransition(completed, changes, Optional.empty(), Optional.empty());
    }
}
