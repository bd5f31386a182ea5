package dev.matchwave.persistence.ladder;

import dev.matchwave.matchmaking.ladder.store.LadderStore;
import dev.matchwave.matchmaking.ladder.store.AdminAuditRepositoryContract;
import dev.matchwave.persistence.TestDatabases;

/** Runs matchmaking-core's {@link AdminAuditRepositoryContract} against PostgreSQL. */
class PostgresAdminAuditRepositoryTest extends AdminAuditRepositoryContract {

    @Override
    protected LadderStore newStore() {
        return TestDatabases.emptyStore();
    }
}
