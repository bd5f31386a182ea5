package dev.matchwave.matchmaking;

/**
 * How close a {@link Pairing} is proven to be to the closest possible one, on the third part of
 * the optimal pairer's objective (the sum of squared rating gaps; the first two parts, the
 * number of pairs and the matched players' total wait, are always exact). Immutable.
 *
 * @param exact                 whether the pairing is proven to have the smallest sum of squared
 *                              gaps among all pairings with the most pairs and then the largest
 *                              matched wait
 * @param lowerBoundSumSqGap    a proven lower bound on that smallest sum, in squared rating
 *                              points; equal to the pairing's own sum when {@code exact}
 */
public record Optimality(boolean exact, long lowerBoundSumSqGap) {

    /** Nothing proven: the bound is zero. What pairers that do not certify report. */
    public static final Optimality UNKNOWN = new Optimality(false, 0);

    public Optimality {
        if (lowerBoundSumSqGap < 0) {
            throw new IllegalArgumentException("lowerBoundSumSqGap must not be negative: " + lowerBoundSumSqGap);
        }
    }
}
