package dev.matchwave.persistence.ladder;

import dev.matchwave.matchmaking.ladder.store.LadderStore;
import dev.matchwave.matchmaking.ladder.store.PlayerRepositoryContract;
import dev.matchwave.persistence.TestDatabases;

/** Runs matchmaking-core's {@link PlayerRepositoryContract} against PostgreSQL. */
class PostgresPlayerRepositoryTest extends PlayerRepositoryContract {

    @Override
    protected LadderStore newStore() {
        return TestDatabases.emptyStore();
    }
}
