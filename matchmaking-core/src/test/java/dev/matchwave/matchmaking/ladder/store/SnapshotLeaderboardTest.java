package dev.matchwave.matchmaking.ladder.store;

import dev.matchwave.matchmaking.ladder.rank.Leaderboard;
import dev.matchwave.matchmaking.ladder.rank.LeaderboardRules;
import dev.matchwave.matchmaking.ladder.rank.LeaderboardSource;
import java.time.InstantSource;

/** The core's snapshot leaderboard on the in-memory store, under the leaderboard contract. */
class SnapshotLeaderboardTest extends LeaderboardSourceContract {

    @Override
    protected LadderStore newStore() {
        return new InMemoryLadderStore();
    }

    @Override
    protected LeaderboardSource sourceOf(LadderStore store, LeaderboardRules rules, InstantSource clock) {
        return new Leaderboard(store, rules, clock);
    }

    /** A snapshot source shows what its owner last refreshed. */
    @Override
    protected void caughtUp(LeaderboardSource source) {
        ((Leaderboard) source).refresh();
    }
}
