package dev.matchwave.matchmaking.ladder.match;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The numeric codes of results and reports, as a ladder shows and stores them. Immutable.
 * {@link #REFERENCE} holds the reference ladder's codes; a ladder with other codes builds its
 * own. The seven codes must differ.
 *
 * @param draw        a draw (result and report); reference 0
 * @param player1     player 1 won (result and report); reference 1
 * @param player2     player 2 won (result and report); reference 2
 * @param abort       an aborted match, and the report of the player who did not abort; reference -1
 * @param conflict    the result of different reports; reference -2
 * @param aborter     the report of the player who aborted; reference -3
 * @param unconfirmed the report of a player who did not confirm in time; reference -4
 */
public record ResultCodes(int draw, int player1, int player2, int abort, int conflict, int aborter,
                          int unconfirmed) {

    /** The reference ladder: 0 draw, 1, 2, -1 abort, -2 conflict, -3 aborter, -4 unconfirmed. */
    public static final ResultCodes REFERENCE = new ResultCodes(0, 1, 2, -1, -2, -3, -4);

    public ResultCodes {
        List<Integer> all = List.of(draw, player1, player2, abort, conflict, aborter, unconfirmed);
        Set<Integer> seen = new HashSet<>();
        for (int code : all) {
            if (!seen.add(code)) {
                throw new IllegalArgumentException("result codes must differ, " + code + " is used twice in " + all);
            }
        }
    }

    public int of(MatchResult result) {
        return switch (result) {
            case DRAW -> draw;
            case PLAYER1 -> player1;
            case PLAYER2 -> player2;
            case ABORT -> abort;
            case CONFLICT -> conflict;
        };
    }

    public int of(Report report) {
        return switch (report) {
            case DRAW -> draw;
            case PLAYER1 -> player1;
            case PLAYER2 -> player2;
            case ABORT -> abort;
            case ABORTER -> aborter;
            case UNCONFIRMED -> unconfirmed;
        };
    }

    /** The result with this code, empty for an unknown code. */
    public Optional<MatchResult> result(int code) {
        for (MatchResult result : MatchResult.values()) {
            if (of(result) == code) {
                return Optional.of(result);
            }
        }
        return Optional.empty();
    }

    /** The report with this code, empty for an unknown code. */
    public Optional<Report> report(int code) {
        for (Report report : Report.values()) {
            if (of(report) == code) {
                return Optional.of(report);
            }
        }
        return Optional.empty();
    }
}
