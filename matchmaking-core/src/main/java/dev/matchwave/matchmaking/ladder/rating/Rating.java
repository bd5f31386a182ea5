package dev.matchwave.matchmaking.ladder.rating;

/**
 * A rating as a rating system sees it. Immutable.
 *
 * <p>Elo uses only {@code value} (a whole number of points; deviation and volatility are 0).
 * Glicko-2 uses all three on the Glicko scale (rating points, deviation in rating points,
 * volatility dimensionless), as in Glickman's "Example of the Glicko-2 system".
 *
 * @param value      the rating, in rating points
 * @param deviation  the rating deviation (uncertainty), in rating points, not negative
 * @param volatility the expected fluctuation of the rating, not negative
 */
public record Rating(double value, double deviation, double volatility) {

    public Rating {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("rating value must be finite, got " + value);
        }
        if (!Double.isFinite(deviation) || deviation < 0) {
            throw new IllegalArgumentException("rating deviation must be finite and not negative, got " + deviation);
        }
        if (!Double.isFinite(volatility) || volatility < 0) {
            throw new IllegalArgumentException("rating volatility must be finite and not negative, got " + volatility);
        }
    }

    /** An Elo rating of whole points. */
    public static Rating points(int points) {
        return new Rating(points, 0, 0);
    }

    /** The rating rounded to whole points, as shown to players and used for pairing. */
    public int rounded() {
        return Math.toIntExact(Math.round(value));
    }

    /** A copy with another value, same deviation and volatility. */
    public Rating withValue(double newValue) {
        return new Rating(newValue, deviation, volatility);
    }
}
