package dev.matchwave.matchmaking.ladder.store;

import dev.matchwave.matchmaking.ladder.MatchId;
import dev.matchwave.matchmaking.ladder.StoreException.Kind;
import dev.matchwave.matchmaking.ladder.audit.AdminAction;
import dev.matchwave.matchmaking.ladder.audit.AdminActionKind;
import dev.matchwave.matchmaking.ladder.match.Committed;
import dev.matchwave.matchmaking.ladder.match.Match;
import dev.matchwave.matchmaking.ladder.match.MatchDraft;
import dev.matchwave.matchmaking.ladder.match.MatchRepository;
import dev.matchwave.matchmaking.ladder.match.MatchResult;
import dev.matchwave.matchmaking.ladder.match.MatchSetup;
import dev.matchwave.matchmaking.ladder.match.MatchState;
import dev.matchwave.matchmaking.ladder.match.MatchTransition;
import dev.matchwave.matchmaking.ladder.match.Report;
import dev.matchwave.matchmaking.ladder.match.Resolution;
import dev.matchwave.matchmaking.ladder.rating.LedgerCause;
import dev.matchwave.matchmaking.ladder.rating.Rating;
import dev.matchwave.matchmaking.ladder.rating.RatingChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.matchwave.matchmaking.ladder.store.ContractFixtures.action;
import static dev.matchwave.matchmaking.ladder.store.ContractFixtures.assertStoreError;
import static dev.matchwave.matchmaking.ladder.store.ContractFixtures.at;
import static dev.matchwave.matchmaking.ladder.store.ContractFixtures.draft;
import static dev.matchwave.matchmaking.ladder.store.ContractFixtures.fresh;
import static dev.matchwave.matchmaking.ladder.store.ContractFixtures.gameChange;
import static dev.matchwave.matchmaking.ladder.store.ContractFixtures.player;
import static dev.matchwave.matchmaking.ladder.store.ContractFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of {@link MatchRepository}, including its unit of work with ratings, the ledger,
 * aborts and the audit trail. {@link #newStore} returns an empty store.
 */
public abstract class MatchRepositoryContract {

    protected abstract LadderStore newStore();

    private LadderStore store;
    private MatchRepository matches;

    @BeforeEach
    void setUpStore() {
        store = newStore();
        register(store, 1, 2, 3, 4, 5, 6);
        matches = store.matches();
    }

    private Match started(Match found) {
        Match next = found.nextVersion()
                .withParticipant(found.player1().withConfirmedAt(at(5)))
                .withParticipant(found.player2().withConfirmedAt(at(6)))
                .withStarted(at(6));
        return matches.commit(MatchTransition.of(next)).match();
    }

    private static Match completed(Match inProgress, Report report) {
        return inProgress.nextVersion()
                .withParticipant(inProgress.player1().withReport(report))
                .withParticipant(inProgress.player2().withReport(report))
                .withClosed(MatchState.COMPLETED, report.verdict().orElseThrow().result(), at(600));
    }

    @Test
    void createsAWaveWithIncreasingIdsInDraftOrder() {
        List<MatchDraft> drafts = List.of(draft(1, 2), draft(3, 4), draft(5, 6));

        List<Match> created = matches.createAll(drafts);

        assertThat(created).hasSize(3);
        for (int i = 0; i < 3; i++) {
            Match match = created.get(i);
            assertThat(match).isEqualTo(drafts.get(i).toMatch(match.id()));
            assertThat(matches.find(match.id())).contains(match);
        }
        assertThat(created.get(0).id()).isLessThan(created.get(1).id());
        assertThat(created.get(1).id()).isLessThan(created.get(2).id());
        assertThat(matches.open()).containsExactlyElementsOf(created);
        assertThat(matches.openMatchOf(player(4))).contains(created.get(1));
        assertThat(matches.createAll(List.of())).isEmpty();
    }

    @Test
    void aPlayerIsInOneOpenMatchAtMost() {
        Match first = matches.createAll(List.of(draft(1, 2))).get(0);

        assertStoreError(Kind.DUPLICATE, () -> matches.createAll(List.of(draft(3, 4), draft(5, 2))));
        assertStoreError(Kind.DUPLICATE, () -> matches.createAll(List.of(draft(3, 4), draft(5, 3))));

        assertThat(matches.open()).containsExactly(first);
        assertThat(matches.openMatchOf(player(3))).isEmpty();
    }

    @Test
    void anUnregisteredPlayerCannotPlay() {
        assertStoreError(Kind.NOT_FOUND, () -> matches.createAll(List.of(draft(1, 2), draft(3, 99))));
        assertThat(matches.open()).isEmpty();
        assertThat(matches.find(MatchId.of(1))).isEmpty();
    }

    @Test
    void commitStoresTheNextVersionOnce() {
        Match found = matches.createAll(List.of(draft(1, 2))).get(0);
        Match next = found.nextVersion().withParticipant(found.player1().withConfirmedAt(at(3)));

        Committed committed = matches.commit(MatchTransition.of(next));

        assertThat(committed.match()).isEqualTo(next);
        assertThat(committed.ledger()).isEmpty();
        assertThat(matches.find(found.id())).contains(next);
        assertStoreError(Kind.STALE, () -> matches.commit(MatchTransition.of(next)));
        assertThat(matches.find(found.id())).contains(next);
    }

    @Test
    void anUnknownMatchCannotChange() {
        Match ghost = draft(1, 2).toMatch(MatchId.of(4242)).nextVersion();
        assertStoreError(Kind.NOT_FOUND, () -> matches.commit(MatchTransition.of(ghost)));
    }

    @Test
    void closingAMatchFreesItsPlayers() {
        Match match = started(matches.createAll(List.of(draft(1, 2))).get(0));
        Match aborted = match.nextVersion()
                .withParticipant(match.player1().withReport(Report.ABORTER))
                .withParticipant(match.player2().withReport(Report.ABORT))
                .withClosed(MatchState.ABORTED, MatchResult.ABORT, at(30));
        // Read before: a store that caches players must not answer from before the abort.
        assertThat(store.players().find(player(1)).orElseThrow().abortsLeft()).isEqualTo(3);

        matches.commit(new MatchTransition(aborted, List.of(), Optional.of(player(1)), Optional.empty()));

        assertThat(matches.openMatchOf(player(1))).isEmpty();
        assertThat(matches.open()).isEmpty();
        assertThat(store.players().find(player(1)).orElseThrow().abortsLeft()).isEqualTo(2);
        assertThat(store.players().find(player(2)).orElseThrow().abortsLeft()).isEqualTo(3);
        Match again = matches.createAll(List.of(draft(2, 1))).get(0);
        assertThat(matches.openMatchOf(player(1))).contains(again);
        assertThat(matches.withState(MatchState.ABORTED, 10)).containsExactly(aborted);
    }

    @Test
    void anAbortNeedsAnAbortLeft() {
        store.players().setAbortsLeft(player(1), 0, action(AdminActionKind.RESET_ABORTS, "player:1", 1));
        Match match = matches.createAll(List.of(draft(1, 2))).get(0);
        Match aborted = match.nextVersion()
                .withParticipant(match.player1().withReport(Report.ABORTER))
                .withParticipant(match.player2().withReport(Report.ABORT))
                .withClosed(MatchState.ABORTED, MatchResult.ABORT, at(30));

        assertStoreError(Kind.STALE, () -> matches.commit(
                new MatchTransition(aborted, List.of(), Optional.of(player(1)), Optional.empty())));

        assertThat(matches.find(match.id())).contains(match);
        assertThat(matches.openMatchOf(player(2))).contains(match);
        assertThat(store.players().find(player(1)).orElseThrow().abortsLeft()).isZero();
    }

    @Test
    void completingWritesMatchRatingsAndLedgerTogether() {
        Match match = started(matches.createAll(List.of(draft(1, 2))).get(0));
        Match done = completed(match, Report.PLAYER1);
        RatingChange winner = gameChange(match.id(), LedgerCause.MATCH, fresh(1, "bw_zerg"), Rating.points(1520), 1,
                600);
        RatingChange loser = gameChange(match.id(), LedgerCause.MATCH, fresh(2, "sc2_terran"), Rating.points(1480), 0,
                600);
        // Read before: a store that caches ratings must not answer from before the result.
        assertThat(store.ratings().ratingsOf(player(1))).isEmpty();
        assertThat(store.ratings().find(player(2), "sc2_terran")).isEmpty();

        Committed committed = matches.commit(new MatchTransition(done, List.of(winner, loser), Optional.empty(),
                Optional.empty()));

        assertThat(committed.ledger()).extracting(e -> e.change()).containsExactly(winner, loser);
        assertThat(store.ratings().find(player(1), "bw_zerg")).contains(winner.after());
        assertThat(store.ratings().find(player(2), "sc2_terran")).contains(loser.after());
        assertThat(store.ratings().ledgerOf(match.id())).containsExactlyElementsOf(committed.ledger());
        assertThat(matches.find(match.id())).contains(done);

        // Doing it twice changes nothing.
        assertStoreError(Kind.STALE, () -> matches.commit(new MatchTransition(done, List.of(winner, loser),
                Optional.empty(), Optional.empty())));
        assertThat(store.ratings().ledger(0, 10)).hasSize(2);
    }

    @Test
    void aStaleRatingLeavesTheMatchUnchanged() {
        Match match = started(matches.createAll(List.of(draft(1, 2))).get(0));
        store.ratings().record(List.of(ContractFixtures.adjustment(fresh(1, "bw_zerg"), 1600, 100)),
                Optional.empty());
        Match done = completed(match, Report.PLAYER1);
        RatingChange stale = gameChange(match.id(), LedgerCause.MATCH, fresh(1, "bw_zerg"), Rating.points(1520), 1,
                600);

        assertStoreError(Kind.STALE, () -> matches.commit(new MatchTransition(done, List.of(stale), Optional.empty(),
                Optional.empty())));

        assertThat(matches.find(match.id())).contains(match);
        assertThat(matches.openMatchOf(player(1))).contains(match);
        assertThat(store.ratings().ledger(0, 10)).hasSize(1);
    }

    @Test
    void anAdminTransitionIsAuditedWithIt() {
        Match match = started(matches.createAll(List.of(draft(1, 2))).get(0));
        Match conflict = match.nextVersion()
                .withParticipant(match.player1().withReport(Report.PLAYER1))
                .withParticipant(match.player2().withReport(Report.PLAYER2))
                .withClosed(MatchState.CONFLICT, MatchResult.CONFLICT, at(600));
        matches.commit(MatchTransition.of(conflict));
        assertThat(matches.withState(MatchState.CONFLICT, 10)).containsExactly(conflict);

        Match resolved = conflict.nextVersion().withResolution(Resolution.DRAW, at(700));
        RatingChange a = gameChange(match.id(), LedgerCause.RESOLUTION, fresh(1, "bw_zerg"), Rating.points(1500),
                0.5, 600);
        RatingChange b = gameChange(match.id(), LedgerCause.RESOLUTION, fresh(2, "sc2_terran"), Rating.points(1500),
                0.5, 600);
        AdminAction resolve = action(AdminActionKind.RESOLVE, AdminAction.match(match.id()), 700);
        matches.commit(new MatchTransition(resolved, List.of(a, b), Optional.empty(), Optional.of(resolve)));

        assertThat(matches.find(match.id())).contains(resolved);
        assertThat(store.audit().aboutTarget(AdminAction.match(match.id()), 5)).extracting(e -> e.action())
                .containsExactly(resolve);
        assertThat(store.ratings().find(player(1), "bw_zerg").orElseThrow().draws()).isEqualTo(1);
    }

    @Test
    void aTransitionKeepsWhoPlaysWhereAndCannotReopen() {
        Match match = matches.createAll(List.of(draft(1, 2))).get(0);
        Match otherMap = new Match(match.id(), 2, match.player1(), match.player2(), new MatchSetup("Other", "EUC"),
                match.state(), match.result(), match.foundAt(), match.confirmDeadline(), match.startedAt(),
                match.endedAt(), match.resolution());
        assertStoreError(Kind.INVALID, () -> matches.commit(MatchTransition.of(otherMap)));
        Match otherPlayer = match.nextVersion().withParticipant(match.player1()).withParticipant(match.player2());
        Match swapped = new Match(match.id(), 2, ContractFixtures.bw(3, 1500), otherPlayer.player2(), match.setup(),
                match.state(), match.result(), match.foundAt(), match.confirmDeadline(), match.startedAt(),
                match.endedAt(), match.resolution());
        assertStoreError(Kind.INVALID, () -> matches.commit(MatchTransition.of(swapped)));

        Match timedOut = match.nextVersion()
                .withParticipant(match.player1().withReport(Report.UNCONFIRMED))
                .withParticipant(match.player2().withReport(Report.UNCONFIRMED))
                .withClosed(MatchState.TIMED_OUT, MatchResult.ABORT, at(60));
        matches.commit(MatchTransition.of(timedOut));
        Match reopened = new Match(match.id(), 3, match.player1(), match.player2(), match.setup(), MatchState.FOUND,
                Optional.empty(), match.foundAt(), match.confirmDeadline(), Optional.empty(), Optional.empty(),
                Optional.empty());
        assertStoreError(Kind.INVALID, () -> matches.commit(MatchTransition.of(reopened)));
        assertThat(matches.find(match.id())).contains(timedOut);
        assertThat(matches.openMatchOf(player(1))).isEmpty();
    }

    @Test
    void recentMatchesComeNewestFirst() {
        List<Match> played = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Match match = matches.createAll(List.of(draft(1, 2 + i))).get(0);
            Match closed = match.nextVersion()
                    .withParticipant(match.player1().withReport(Report.UNCONFIRMED))
                    .withParticipant(match.player2().withReport(Report.UNCONFIRMED))
                    .withClosed(MatchState.TIMED_OUT, MatchResult.ABORT, at(60));
            played.add(matches.commit(MatchTransition.of(closed)).match());
        }

        assertThat(matches.recentOf(player(1), 2)).containsExactly(played.get(2), played.get(1));
        assertThat(matches.recentOf(player(3), 5)).containsExactly(played.get(1));
        assertThat(matches.recentOf(player(6), 5)).isEmpty();
    }
}
