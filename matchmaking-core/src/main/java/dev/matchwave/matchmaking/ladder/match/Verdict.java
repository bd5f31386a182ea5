package dev.matchwave.matchmaking.ladder.match;

/** A game's result as a player reports it or an admin decides it. */
public enum Verdict {
    PLAYER1,
    PLAYER2,
    DRAW;

    /** Player 1's score: 1 for a win, 0.5 for a draw, 0 for a loss. */
    public double scoreOfPlayer1() {
        return switch (this) {
            case PLAYER1 -> 1.0;
            case PLAYER2 -> 0.0;
            case DRAW -> 0.5;
        };
    }

    /** The report code a player who claims this verdict gets. */
    public Report report() {
        return switch (this) {
            case PLAYER1 -> Report.PLAYER1;
            case PLAYER2 -> Report.PLAYER2;
            case DRAW -> Report.DRAW;
        };
    }

    /** The match result this verdict gives. */
    public MatchResult result() {
        return switch (this) {
            case PLAYER1 -> MatchResult.PLAYER1;
            case PLAYER2 -> MatchResult.PLAYER2;
            case DRAW -> MatchResult.DRAW;
        };
    }
}
