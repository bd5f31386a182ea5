package dev.matchwave.matchmaking.ladder.match;

/** Why the lifecycle refused an action. The action changed nothing. */
public enum Rejection {
    /** No match has this id. */
    UNKNOWN_MATCH,
    /** The acting player is not one of the match's two players. */
    NOT_IN_MATCH,
    /** The match is over (completed, conflict, aborted, timed out, resolved, invalidated). */
    MATCH_CLOSED,
    /** The confirmation window closed before both players confirmed. */
    CONFIRM_WINDOW_CLOSED,
    /** A report before both players confirmed. */
    NOT_STARTED,
    /** The player has no abort left. */
    NO_ABORTS_LEFT,
    /** The player already reported a different result. */
    ALREADY_REPORTED,
    /** An admin resolution of a match that was never played (still waiting for confirmation, aborted, timed out). */
    NOT_RESOLVABLE,
    /** The match kept changing under concurrent actions; try again. */
    CONCURRENT_CHANGE,
    /** The store is unavailable; nothing was changed, try again later. */
    STORE_UNAVAILABLE
}
