package dev.matchwave.persistence.queue;

import dev.matchwave.matchmaking.queue.store.QueueStore;
import dev.matchwave.matchmaking.queue.store.QueueStoreContract;
import dev.matchwave.persistence.TestDatabases;

/** Runs matchmaking-core's {@link QueueStoreContract} against PostgreSQL; a reopen is a new store on the same database. */
class PostgresQueueStoreTest extends QueueStoreContract {

    @Override
    protected QueueStore newStore() {
        TestDatabases.emptyStore();
        return new PostgresQueueStore(TestDatabases.shared());
    }

    @Override
    protected QueueStore reopen(QueueStore store) {
        return new PostgresQueueStore(TestDatabases.shared());
    }
}
