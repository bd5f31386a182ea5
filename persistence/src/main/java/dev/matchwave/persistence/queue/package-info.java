/**
 * The queue on PostgreSQL: {@link dev.matchwave.persistence.queue.PostgresQueueStore}, the
 * {@link dev.matchwave.matchmaking.queue.store.QueueStore} whose wave commit shares its
 * transaction with the matches the wave creates.
 */
@NullMarked
package dev.matchwave.persistence.queue;

import org.jspecify.annotations.NullMarked;
