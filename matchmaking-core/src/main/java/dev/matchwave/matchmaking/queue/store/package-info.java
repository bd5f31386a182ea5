/**
 * Where a {@link dev.matchwave.matchmaking.queue.QueueService} keeps its state so that a restart
 * loses nobody: the {@link dev.matchwave.matchmaking.queue.store.QueueStore} SPI, its value
 * types and an in-memory implementation. PostgreSQL (module {@code persistence}) and Redis
 * (module {@code queue-redis}) implement it too; all pass {@code QueueStoreContract} from
 * matchmaking-core's test-jar. No database type appears here.
 */
@NullMarked
package dev.matchwave.matchmaking.queue.store;

import org.jspecify.annotations.NullMarked;
