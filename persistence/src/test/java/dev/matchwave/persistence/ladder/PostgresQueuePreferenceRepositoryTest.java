package dev.matchwave.persistence.ladder;

import dev.matchwave.matchmaking.ladder.store.LadderStore;
import dev.matchwave.matchmaking.ladder.store.QueuePreferenceRepositoryContract;
import dev.matchwave.persistence.TestDatabases;

/** Runs matchmaking-core's {@link QueuePreferenceRepositoryContract} against PostgreSQL. */
class PostgresQueuePreferenceRepositoryTest extends QueuePreferenceRepositoryContract {

    @Override
    protected LadderStore newStore() {
        return TestDatabases.emptyStore();
    }
}
