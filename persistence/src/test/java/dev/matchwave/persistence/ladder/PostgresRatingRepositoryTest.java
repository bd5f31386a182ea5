package dev.matchwave.persistence.ladder;

import dev.matchwave.matchmaking.ladder.store.LadderStore;
import dev.matchwave.matchmaking.ladder.store.RatingRepositoryContract;
import dev.matchwave.persistence.TestDatabases;

/** Runs matchmaking-core's {@link RatingRepositoryContract} against PostgreSQL. */
class PostgresRatingRepositoryTest extends RatingRepositoryContract {

    @Override
    protected LadderStore newStore() {
        return TestDatabases.emptyStore();
    }
}
