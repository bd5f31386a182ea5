package dev.matchwave.persistence.ladder;

import dev.matchwave.matchmaking.ladder.store.LadderStore;
import dev.matchwave.matchmaking.ladder.store.ResultPickRepositoryContract;
import dev.matchwave.persistence.TestDatabases;

class PostgresResultPickRepositoryTest extends ResultPickRepositoryContract {

    @Override
    protected LadderStore newStore() {
        return TestDatabases.emptyStore();
    }

    /** A new store object on the same database: nothing cached, everything read from the table. */
    @Override
    protected LadderStore reopened(LadderStore store) {
        return new PostgresLadderStore(((PostgresLadderStore) store).database());
    }
}
