package dev.matchwave.matchmaking.ladder.store;

import static dev.matchwave.matchmaking.ladder.store.ContractFixtures.draft;
import static dev.matchwave.matchmaking.ladder.store.ContractFixtures.player;
import static dev.matchwave.matchmaking.ladder.store.ContractFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.matchmaking.ladder.MatchId;
import dev.matchwave.matchmaking.ladder.match.Match;
import dev.matchwave.matchmaking.ladder.match.ResultPickRepository;
import dev.matchwave.matchmaking.ladder.match.Verdict;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link ResultPickRepository}; {@link #newStore} returns an empty store. */
public abstract class ResultPickRepositoryContract {

    protected abstract LadderStore newStore();

    /** The same data through a second store object (a restarted process); a store without one returns {@code store}. */
    protected LadderStore reopened(LadderStore store) {
        return store;
    }

    private LadderStore store;
    private ResultPickRepository picks;
    private MatchId first;
    private MatchId second;

    @BeforeEach
    void twoMatches() {
        store = newStore();
        register(store, 1, 2, 3, 4);
        List<Match> created = store.matches().createAll(List.of(draft(1, 2), draft(3, 4)));
        first = created.get(0).id();
        second = created.get(1).id();
        picks = store.resultPicks();
    }

    @Test
    void aPickIsKeptPerMatchAndPlayerAndALaterOneReplacesIt() {
        assertThat(picks.picked(first, player(1))).as("read before any write").isEmpty();
        picks.pick(first, player(1), Verdict.PLAYER1);
        picks.pick(first, player(2), Verdict.DRAW);
        picks.pick(second, player(3), Verdict.PLAYER2);

        assertThat(picks.picked(first, player(1))).contains(Verdict.PLAYER1);
        assertThat(picks.picked(first, player(2))).contains(Verdict.DRAW);
        assertThat(picks.picked(second, player(3))).contains(Verdict.PLAYER2);
        assertThat(picks.picked(second, player(4))).isEmpty();

        picks.pick(first, player(1), Verdict.PLAYER2);
        assertThat(picks.picked(first, player(1))).contains(Verdict.PLAYER2);
    }

    @Test
    void aClearedPickIsGoneAndClearingNothingIsHarmless() {
        picks.pick(first, player(1), Verdict.PLAYER1);
        picks.picked(first, player(1));
        picks.clear(first, player(1));
        picks.clear(first, player(2));

        assertThat(picks.picked(first, player(1))).isEmpty();
        assertThat(picks.picked(first, player(2))).isEmpty();
    }

    @Test
    void aPickOutlivesTheProcessThatKeptIt() {
        picks.pick(first, player(2), Verdict.PLAYER2);
        picks.pick(second, player(3), Verdict.DRAW);
        picks.clear(second, player(3));

        ResultPickRepository afterRestart = reopened(store).resultPicks();
        assertThat(afterRestart.picked(first, player(2))).contains(Verdict.PLAYER2);
        assertThat(afterRestart.picked(second, player(3))).isEmpty();
    }
}
