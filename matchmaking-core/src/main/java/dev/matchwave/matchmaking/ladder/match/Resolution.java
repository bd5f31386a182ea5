package dev.matchwave.matchmaking.ladder.match;

import java.util.Optional;

/** An admin's decision on a match. */
public enum Resolution {
    PLAYER1,
    PLAYER2,
    DRAW,
    /** The match counts for nothing: no rating change, and any earlier one is taken back. */
    INVALIDATE;

    /** The verdict this resolution decides, empty for {@link #INVALIDATE}. */
    public Optional<Verdict> verdict() {
        return switch (this) {
            case PLAYER1 -> Optional.of(Verdict.PLAYER1);
            case PLAYER2 -> Optional.of(Verdict.PLAYER2);
            case DRAW -> Optional.of(Verdict.DRAW);
            case INVALIDATE -> Optional.empty();
        };
    }
}
