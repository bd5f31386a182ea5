package dev.matchwave.matchmaking.ladder.match;

import java.util.Optional;

/**
 * What stands in a participant's report slot: a result he claimed, or how the match ended for
 * him when it did not end by reports. Numeric codes: {@link ResultCodes}.
 */
public enum Report {
    /** He reported a draw (reference code 0). */
    DRAW,
    /** He reported that player 1 won (reference code 1). */
    PLAYER1,
    /** He reported that player 2 won (reference code 2). */
    PLAYER2,
    /** The match was aborted by his opponent or by the system while he had confirmed (reference code -1). */
    ABORT,
    /** He aborted the match (reference code -3). */
    ABORTER,
    /** He did not confirm in time (reference code -4). */
    UNCONFIRMED;

    /** The verdict this report claims, if it is a result report. */
    public Optional<Verdict> verdict() {
        return switch (this) {
            case DRAW -> Optional.of(Verdict.DRAW);
            case PLAYER1 -> Optional.of(Verdict.PLAYER1);
            case PLAYER2 -> Optional.of(Verdict.PLAYER2);
            case ABORT, ABORTER, UNCONFIRMED -> Optional.empty();
        };
    }
}
