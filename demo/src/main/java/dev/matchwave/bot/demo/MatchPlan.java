package dev.matchwave.bot.demo;

/**
 * What the two players of one match do, decided once per match from the demo's seed, so both
 * act on the same plan. Immutable.
 */
sealed interface MatchPlan {

    /** One player aborts (two clicks) instead of confirming; the other confirms. */
    record Abort(long aborterUserId) implements MatchPlan {
    }

    /**
     * Both confirm and report; {@code player1Says} and {@code player2Says} are the reference
     * ladder's result codes (docs/reference-ladder.md: 1 player 1 won, 2 player 2 won, 0 draw):
     * equal, or a conflict.
     */
    record Play(long player1UserId, int player1Says, int player2Says) implements MatchPlan {
        public Play {
            if (player1Says < 0 || player1Says > 2 || player2Says < 0 || player2Says > 2) {
                throw new IllegalArgumentException("result codes are 0, 1 or 2");
            }
        }

        int says(long userId) {
            return userId == player1UserId ? player1Says : player2Says;
        }

        boolean conflict() {
            return player1Says != player2Says;
        }
    }
}
