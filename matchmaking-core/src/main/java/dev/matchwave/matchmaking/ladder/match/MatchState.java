package dev.matchwave.matchmaking.ladder.match;

/**
 * Where a match stands. {@link #FOUND} and {@link #IN_PROGRESS} are open (the players are "in a
 * match" and may not queue); every other state is closed.
 *
 * <pre>
 * FOUND --both confirm--> IN_PROGRESS --same reports--> COMPLETED
 *   |                         |------different reports--> CONFLICT
 *   |--window passes--> TIMED_OUT                          |
 *   |--player aborts--> ABORTED &lt;--player aborts--|        |--admin--> RESOLVED / INVALIDATED
 * COMPLETED, RESOLVED --admin--> RESOLVED / INVALIDATED (a redo)
 * </pre>
 */
public enum MatchState {
    /** Created by a wave; waiting for both players to confirm. */
    FOUND,
    /** Both confirmed; waiting for both reports. */
    IN_PROGRESS,
    /** Both players reported the same result; ratings changed. */
    COMPLETED,
    /** The players reported different results; no rating change until an admin resolves it. */
    CONFLICT,
    /** A player aborted (using one of his aborts); no rating change. */
    ABORTED,
    /** Not both players confirmed in time: a system abort that uses no abort; no rating change. */
    TIMED_OUT,
    /** An admin decided the result (player 1, player 2 or draw); ratings follow his decision. */
    RESOLVED,
    /** An admin declared the match void; any rating change of it was taken back. */
    INVALIDATED;

    /** True while the players are in the match. */
    public boolean isOpen() {
        return this == FOUND || this == IN_PROGRESS;
    }
}
