package dev.matchwave.persistence.ladder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.StoreException;
import dev.matchwave.matchmaking.ladder.lifecycle.MatchLifecycle;
import dev.matchwave.matchmaking.ladder.match.Match;
import dev.matchwave.matchmaking.ladder.match.MatchEvent;
import dev.matchwave.matchmaking.ladder.match.MatchListener;
import dev.matchwave.matchmaking.ladder.match.MatchState;
import dev.matchwave.matchmaking.ladder.match.Outcome;
import dev.matchwave.matchmaking.ladder.match.Verdict;
import dev.matchwave.matchmaking.time.ManualClock;
import dev.matchwave.persistence.LadderScenario;
import dev.matchwave.persistence.TestDatabases;
import dev.matchwave.persistence.internal.Sql;
import dev.matchwave.persistence.outbox.NotificationOutbox;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A match's change and what its listener owes the players (outbox rows) commit in one
 * transaction: both, or neither. A process that dies at any instant thus never leaves a started
 * match whose details nobody owes.
 */
class ChangeAndWhatItOwesTest {

    private PostgresLadderStore store;
    private NotificationOutbox outbox;
    private final ManualClock clock = new ManualClock(LadderScenario.START);
    private final List<String> seen = new ArrayList<>();
    /** Set by a test: the listener fails after it wrote its rows, before the change commits. */
    private boolean failAfterOwing;

    /** Owes one outbox row per player when a match starts, as the reference bot does. */
    private final MatchListener listener = new MatchListener() {
        @Override
        public void owe(MatchEvent event) {
            seen.add("owe " + event.getClass().getSimpleName() + " shared=" + Sql.inSharedTransaction(
                    store.database().dsl()));
            if (event instanceof MatchEvent.MatchStarted started) {
                for (PlayerId player : started.match().players()) {
                    outbox.add(player, "match_details", "", Optional.of(key(started.match(), player)), clock.instant());
                }
                if (failAfterOwing) {
                    throw StoreException.invalid("the listener failed after owing");
                }
            }
            if (event instanceof MatchEvent.ResultReported reported) {
                // As the reference bot does: the pick the report used is forgotten with it.
                store.resultPicks().clear(reported.match().id(), reported.reporter());
                if (failAfterOwing) {
                    throw StoreException.invalid("the listener failed after forgetting the pick");
                }
            }
        }

        @Override
        public void on(MatchEvent event) {
            seen.add("on " + event.getClass().getSimpleName());
        }
    };

    private MatchLifecycle lifecycle;
    private Match match;

    private static String key(Match match, PlayerId player) {
        return "started:" + match.id().value() + ":" + player.value();
    }

    @BeforeEach
    void oneMatchConfirmedByOnePlayer() {
        store = TestDatabases.emptyStore();
        outbox = new NotificationOutbox(store.database());
        lifecycle = MatchLifecycle.builder(store).clock(clock).scheduler(clock).listener(listener).build();
        for (long id : new long[] {1, 2}) {
            store.players().register(PlayerId.of(id), 3, LadderScenario.START);
        }
        match = lifecycle.create(List.of(LadderScenario.pair(1, 2, 1500, 2))).created().get(0);
        assertThat(lifecycle.confirm(match.id(), PlayerId.of(1))).isInstanceOf(Outcome.Accepted.class);
        seen.clear();
    }

    @Test
    void theStartAndItsOwedDetailsCommitTogetherAndPlayersHearOfItAfter() {
        assertThat(lifecycle.confirm(match.id(), PlayerId.of(2))).isInstanceOf(Outcome.Accepted.class);

        assertThat(store.matches().find(match.id()).orElseThrow().state()).isEqualTo(MatchState.IN_PROGRESS);
        assertThat(outbox.pending(10)).extracting(m -> m.dedupeKey().orElseThrow())
                .containsExactlyInAnyOrder(key(match, PlayerId.of(1)), key(match, PlayerId.of(2)));
        // Owed inside the change's transaction; the players hear of it once it is committed.
        assertThat(seen).containsExactly("owe MatchStarted shared=true", "on MatchStarted");
    }

    @Test
    void aFailureAfterOwingUndoesTheChangeAndTheRowsAndTellsNobody() {
        failAfterOwing = true;

        assertThatThrownBy(() -> lifecycle.confirm(match.id(), PlayerId.of(2)))
                .isInstanceOf(StoreException.class).hasMessageContaining("after owing");

        Match stored = store.matches().find(match.id()).orElseThrow();
        assertThat(stored.state()).isEqualTo(MatchState.FOUND);
        assertThat(stored.player2().confirmed()).isFalse();
        assertThat(outbox.pending(10)).isEmpty();
        assertThat(seen).noneMatch(line -> line.startsWith("on "));

        // Nothing half-done is left behind: the same confirm goes through once the fault is gone.
        failAfterOwing = false;
        assertThat(lifecycle.confirm(match.id(), PlayerId.of(2))).isInstanceOf(Outcome.Accepted.class);
        assertThat(outbox.pending(10)).hasSize(2);
    }

    @Test
    void aPickForgottenInsideAReportThatFailsIsKeptInMemoryAndInTheTable() {
        assertThat(lifecycle.confirm(match.id(), PlayerId.of(2))).isInstanceOf(Outcome.Accepted.class);
        store.resultPicks().pick(match.id(), PlayerId.of(1), Verdict.PLAYER1);
        failAfterOwing = true;

        assertThatThrownBy(() -> lifecycle.report(match.id(), PlayerId.of(1), Verdict.PLAYER1))
                .isInstanceOf(StoreException.class).hasMessageContaining("forgetting the pick");

        assertThat(store.resultPicks().picked(match.id(), PlayerId.of(1))).contains(Verdict.PLAYER1);
        assertThat(new PostgresLadderStore(store.database()).resultPicks().picked(match.id(), PlayerId.of(1)))
                .as("the table, read by a new store").contains(Verdict.PLAYER1);

        failAfterOwing = false;
        assertThat(lifecycle.report(match.id(), PlayerId.of(1), Verdict.PLAYER1)).isInstanceOf(Outcome.Accepted.class);
        assertThat(store.resultPicks().picked(match.id(), PlayerId.of(1))).isEmpty();
        assertThat(new PostgresLadderStore(store.database()).resultPicks().picked(match.id(), PlayerId.of(1)))
                .isEmpty();
    }
}
