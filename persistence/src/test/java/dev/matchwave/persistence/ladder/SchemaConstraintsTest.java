package dev.matchwave.persistence.ladder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.StoreException;
import dev.matchwave.matchmaking.ladder.StoreException.Kind;
import dev.matchwave.matchmaking.ladder.match.Match;
import dev.matchwave.matchmaking.ladder.match.MatchResult;
import dev.matchwave.matchmaking.ladder.match.MatchState;
import dev.matchwave.matchmaking.ladder.match.MatchTransition;
import dev.matchwave.matchmaking.ladder.player.PlayerProfile;
import dev.matchwave.matchmaking.ladder.rating.LedgerCause;
import dev.matchwave.matchmaking.ladder.rating.PlayerRating;
import dev.matchwave.matchmaking.ladder.rating.Rating;
import dev.matchwave.matchmaking.ladder.rating.RatingChange;
import dev.matchwave.matchmaking.ladder.store.ContractFixtures;
import dev.matchwave.persistence.Database;
import dev.matchwave.persistence.TestDatabases;
import dev.matchwave.persistence.internal.Sql;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The schema itself makes bad states impossible, even for SQL that bypasses the repositories,
 * and what it refuses comes back as a domain error with a sentence, never as an SQL exception.
 */
class SchemaConstraintsTest {

    private PostgresLadderStore store;
    private Database db;

    @BeforeEach
    void emptyStore() {
        store = TestDatabases.emptyStore();
        db = store.database();
        ContractFixtures.register(store, 1, 2, 3, 4);
    }

    @Test
    void aPlayerCannotBeInTwoOpenMatchesOnEitherSide() {
        Match first = store.matches().createAll(List.of(ContractFixtures.draft(1, 2))).get(0);

        // Player 2 played the second seat; a new open match with him in the first seat is refused too.
        assertDomainError(Kind.DUPLICATE, "player 2 is already in an open match", () -> raw(
                "INSERT INTO matches (id, version, state, is_open, map, server, found_at, confirm_deadline)"
                        + " VALUES (100, 1, 'found', true, 'm', 's', now(), now())",
                "INSERT INTO match_participants (match_id, slot, player_id, is_open, side, race, rating_before)"
                        + " VALUES (100, 1, 2, true, 'bw', 'bw_zerg', 1500), (100, 2, 3, true, 'sc2', 'sc2_zerg', 1500)"));
        assertDomainError(Kind.DUPLICATE, "player 1 is already in an open match",
                () -> store.matches().createAll(List.of(ContractFixtures.draft(3, 1))));

        // Closing the match frees both players: the open flag follows the match state.
        store.matches().commit(MatchTransition.of(first.nextVersion()
                .withClosed(MatchState.ABORTED, MatchResult.ABORT, ContractFixtures.at(30))));
        assertThat(store.matches().createAll(List.of(ContractFixtures.draft(2, 1)))).hasSize(1);
    }

    @Test
    void aMatchIsOpenExactlyWhileItsStateSaysSo() {
        store.matches().createAll(List.of(ContractFixtures.draft(1, 2)));

        assertDomainError(Kind.INVALID, "a match is open exactly in state found or in_progress",
                () -> raw("UPDATE matches SET state = 'completed'"));
        assertDomainError(Kind.INVALID, "a match has a result exactly when it is closed",
                () -> raw("UPDATE matches SET result = 1"));
    }

    @Test
    void reportAndResultCodesOutsideTheKnownSetAreRefused() {
        store.matches().createAll(List.of(ContractFixtures.draft(1, 2)));

        assertDomainError(Kind.INVALID, "report code outside the known set (-4, -3, -1, 0, 1, 2)",
                () -> raw("UPDATE match_participants SET report = 5"));
        // -2 is a result (conflict), never a report.
        assertDomainError(Kind.INVALID, "report code outside the known set",
                () -> raw("UPDATE match_participants SET report = -2"));
        assertDomainError(Kind.INVALID, "result code outside the known set (-2, -1, 0, 1, 2)",
                () -> raw("UPDATE matches SET state = 'aborted', is_open = false, ended_at = now(), result = -3"));
        raw("UPDATE match_participants SET report = -4");
    }

    @Test
    void aRatingRowNeedsAPlayer() {
        assertDomainError(Kind.NOT_FOUND, "player 77 is not registered", () -> raw(
                "INSERT INTO ratings (player_id, race, rating, deviation, volatility, games, wins, losses, draws)"
                        + " VALUES (77, 'bw_zerg', 1500, 0, 0, 0, 0, 0, 0)"));
        PlayerRating fresh = PlayerRating.fresh(PlayerId.of(77), "bw_zerg", Rating.points(1500));
        RatingChange adjustment = new RatingChange(Optional.empty(), LedgerCause.ADJUSTMENT, fresh,
                fresh.withRating(Rating.points(1600)), ContractFixtures.at(1));
        assertDomainError(Kind.NOT_FOUND, "player 77 is not registered",
                () -> store.ratings().record(List.of(adjustment), Optional.empty()));
        assertThat(store.ratings().all()).isEmpty();
    }

    @Test
    void aRecordMustAddUp() {
        assertDomainError(Kind.INVALID, "games must equal wins + losses + draws", () -> raw(
                "INSERT INTO ratings (player_id, race, rating, deviation, volatility, games, wins, losses, draws)"
                        + " VALUES (1, 'bw_zerg', 1500, 0, 0, 3, 1, 0, 0)"));
    }

    @Test
    void aUserIdBelongsToOnePlayerIgnoringCase() {
        store.players().saveProfile(PlayerId.of(1), new PlayerProfile("Jaedong", "JD#123", List.of(), "KR", "KRJ"));

        assertDomainError(Kind.DUPLICATE, "user id jaedong is taken", () -> store.players().saveProfile(
                PlayerId.of(2), new PlayerProfile("JAEDONG", "JD#456", List.of(), "KR", "KRJ")));
    }

    private void raw(String... statements) {
        Sql.write(db.dsl(), "raw SQL", tx -> {
            for (String sql : statements) {
                tx.execute(sql);
            }
            return null;
        });
    }

    private static void assertDomainError(Kind kind, String message, ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((StoreException) e).kind()).isEqualTo(kind));
    }
}
