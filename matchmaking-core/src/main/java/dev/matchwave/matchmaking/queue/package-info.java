/**
 * The queue and its waves: {@link dev.matchwave.matchmaking.queue.QueueService} is the single
 * source of truth for who is queued and who is in a match; at every wave it pairs the queue
 * with a {@link dev.matchwave.matchmaking.Pairer} and hands the new pairs to a
 * {@link dev.matchwave.matchmaking.queue.WaveListener}, all at once.
 *
 * <p>Null is not a value anywhere in this package: absent values are {@link java.util.Optional}.
 * See docs/queue-and-waves.md for the rules and guarantees.
 */
@NullMarked
package dev.matchwave.matchmaking.queue;

import org.jspecify.annotations.NullMarked;
