package dev.matchwave.matchmaking.ladder.match;

/**
 * The result of a closed match. Numeric codes: {@link ResultCodes}. An invalidated match has
 * result {@link #ABORT} and state {@link MatchState#INVALIDATED}.
 */
public enum MatchResult {
    /** Reference code 0. */
    DRAW,
    /** Player 1 won; reference code 1. */
    PLAYER1,
    /** Player 2 won; reference code 2. */
    PLAYER2,
    /** Aborted by a player or the system, or invalidated; reference code -1. */
    ABORT,
    /** The reports differ; reference code -2. */
    CONFLICT
}
