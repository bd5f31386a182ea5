package dev.matchwave.persistence.ladder;

import dev.matchwave.matchmaking.ladder.store.LadderStore;
import dev.matchwave.matchmaking.ladder.store.MatchRepositoryContract;
import dev.matchwave.persistence.TestDatabases;

/** Runs matchmaking-core's {@link MatchRepositoryContract} against PostgreSQL. */
class PostgresMatchRepositoryTest extends MatchRepositoryContract {

    @Override
    protected LadderStore newStore() {
        return TestDatabases.emptyStore();
    }
}
