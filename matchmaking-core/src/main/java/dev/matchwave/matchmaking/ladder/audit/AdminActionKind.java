package dev.matchwave.matchmaking.ladder.audit;

/** What an admin did; the admin commands of the reference ladder. */
public enum AdminActionKind {
    /** Took a snapshot of the queue and matches (read only, still audited). */
    SNAPSHOT,
    /** Looked up a player (read only). */
    PLAYER,
    /** Looked up a match (read only). */
    MATCH,
    /** Resolved a match: player 1, player 2, draw or invalidate; possibly a redo. */
    RESOLVE,
    /** Set, added to or subtracted from a rating. */
    ADJUST_RATING,
    /** Removed a player from the queue. */
    REMOVE_QUEUE,
    /** Cleared a player's stuck queue or match block. */
    UNBLOCK_QUEUE,
    /** Banned or unbanned a player. */
    BAN,
    /** Restored a player's aborts. */
    RESET_ABORTS,
    /** Emptied the queue. */
    CLEAR_QUEUE,
    /** Lifted a player's queue bar for not confirming matches (the no-show penalty). */
    LIFT_COOLDOWN,
    /** Closed the season and started the next one. */
    NEW_SEASON
}
