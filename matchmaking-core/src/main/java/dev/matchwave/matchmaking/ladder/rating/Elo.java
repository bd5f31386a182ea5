package dev.matchwave.matchmaking.ladder.rating;

import java.time.Instant;

/**
 * Elo as the reference ladder computes it, per (player, race):
 * {@code E1 = 1 / (1 + 10^((R2 - R1) / divisor))}, {@code R1' = round(R1 + K * (S1 - E1))}, and
 * the same for the second player with {@code S2 = 1 - S1}, {@code E2 = 1 - E1}; a draw scores
 * 0.5. The formula is Elo's logistic expectation (A. Elo, "The Rating of Chessplayers, Past and
 * Present", 1978) with the reference ladder's constants: start 1500, K 40, divisor 500 (chess
 * uses 400). Each side is rounded on its own, so a match's two changes sum to zero up to one
 * point of rounding.
 *
 * <p>Rounding is half-to-even, as the reference ladder's Python {@code round} does. Immutable
 * and thread-safe.
 *
 * @param start   the rating of a new (player, race), in points
 * @param k       the most points one game can move a rating, positive
 * @param divisor the rating gap at which the stronger player is expected to score 10:1, positive
 */
public record Elo(int start, double k, double divisor) implements RatingSystem {

    /** The reference ladder: 1500, K 40, divisor 500. */
    public static final Elo REFERENCE = new Elo(1500, 40, 500);

    public Elo {
        if (!(k > 0) || !Double.isFinite(k)) {
            throw new IllegalArgumentException("elo k must be positive and finite, got " + k);
        }
        if (!(divisor > 0) || !Double.isFinite(divisor)) {
            throw new IllegalArgumentException("elo divisor must be positive and finite, got " + divisor);
        }
    }

    @Override
    public String name() {
        return "elo";
    }

    @Override
    public Rating initial() {
        return Rating.points(start);
    }

    /** The first player's expected score against the second, between 0 and 1. */
    public double expected(double first, double second) {
        return 1.0 / (1.0 + Math.pow(10.0, (second - first) / divisor));
    }

    @Override
    public Outcome rate(Contestant first, Contestant second, double scoreOfFirst, Instant at) {
        if (scoreOfFirst != 0.0 && scoreOfFirst != 0.5 && scoreOfFirst != 1.0) {
            throw new IllegalArgumentException("score must be 0, 0.5 or 1, got " + scoreOfFirst);
        }
        double r1 = first.rating().value();
        double r2 = second.rating().value();
        double e1 = expected(r1, r2);
        double new1 = Math.rint(r1 + k * (scoreOfFirst - e1));
        double new2 = Math.rint(r2 + k * ((1.0 - scoreOfFirst) - (1.0 - e1)));
        return new Outcome(Rating.points((int) new1), Rating.points((int) new2));
    }
}
