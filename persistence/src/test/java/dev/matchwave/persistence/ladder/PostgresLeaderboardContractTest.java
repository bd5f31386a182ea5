package dev.matchwave.persistence.ladder;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.matchwave.matchmaking.ladder.rank.LeaderboardRules;
import dev.matchwave.matchmaking.ladder.rank.LeaderboardSource;
import dev.matchwave.matchmaking.ladder.store.LadderStore;
import dev.matchwave.matchmaking.ladder.store.LeaderboardSourceContract;
import dev.matchwave.persistence.TestDatabases;
import java.time.Duration;
import java.time.InstantSource;

/**
 * The PostgreSQL leaderboard under the leaderboard contract, with its caches on: writes through
 * the store drop them, so it has always caught up.
 */
class PostgresLeaderboardContractTest extends LeaderboardSourceContract {

    @Override
    protected LadderStore newStore() {
        return TestDatabases.emptyStore();
    }

    @Override
    protected LeaderboardSource sourceOf(LadderStore store, LeaderboardRules rules, InstantSource clock) {
        return new PostgresLeaderboard((PostgresLadderStore) store, rules, clock, Duration.ofSeconds(30),
                Ticker.systemTicker());
    }
}
