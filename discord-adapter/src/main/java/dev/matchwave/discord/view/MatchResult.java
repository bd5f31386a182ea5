package dev.matchwave.discord.view;

import java.util.Arrays;
import java.util.Optional;

/** A result a player can report, with its reference ladder code (0 draw, 1 player 1 won, 2 player 2 won). */
public enum MatchResult {
    PLAYER_1_WON(1),
    PLAYER_2_WON(2),
    DRAW(0);

    private final int code;

    MatchResult(int code) {
        this.code = code;
    }

    /** The reference ladder's report code. */
    public int code() {
        return code;
    }

    /** The result with this code, if any: select values come back as codes. */
    public static Optional<MatchResult> byCode(int code) {
        return Arrays.stream(values()).filter(r -> r.code == code).findFirst();
    }
}
