package dev.matchwave.matchmaking.queue;

/** Where a player stands with a {@link QueueService}: exactly one of these at any time. */
public enum PlayerState {
    /** Neither queued nor in a match. */
    FREE,
    /** In the queue. */
    QUEUED,
    /** In a match, from the wave that paired him until {@link QueueService#release}. */
    IN_MATCH
}
