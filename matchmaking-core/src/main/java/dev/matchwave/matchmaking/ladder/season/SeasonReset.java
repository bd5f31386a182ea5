package dev.matchwave.matchmaking.ladder.season;

import dev.matchwave.matchmaking.ladder.rating.Rating;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a rating starts the new season. Immutable and thread-safe.
 *
 * <p>For a rating system of whole points (Elo: deviation and volatility 0 in the initial
 * rating) the moved value is rounded to whole points, so ratings stay what Elo keeps.
 */
public sealed interface SeasonReset {

    /** The rating of the new season, from the closing season's and the system's initial one. */
    Rating apply(Rating current, Rating initial);

    /** The form {@link #parse} reads. */
    String spec();

    /** Ratings carry over unchanged (the records still start again). */
    record CarryOver() implements SeasonReset {
        @Override
        public Rating apply(Rating current, Rating initial) {
            return current;
        }

        @Override
        public String spec() {
            return "carry";
        }
    }

    /** Every rating goes back to the initial rating. */
    record Initial() implements SeasonReset {
        @Override
        public Rating apply(Rating current, Rating initial) {
            return initial;
        }

        @Override
        public String spec() {
            return "initial";
        }
    }

    /**
     * Each rating moves {@code fraction} of the way to the initial rating (value, deviation and
     * volatility alike): 0 carries over, 1 resets.
     *
     * @param fraction from 0 to 1
     */
    record Toward(double fraction) implements SeasonReset {
        public Toward {
            if (!(fraction >= 0.0 && fraction <= 1.0)) {
                throw new IllegalArgumentException("the fraction toward the initial rating must be from 0 to 1, got "
                        + fraction);
            }
        }

        @Override
        public Rating apply(Rating current, Rating initial) {
            double value = current.value() + fraction * (initial.value() - current.value());
            boolean wholePoints = initial.deviation() == 0 && initial.volatility() == 0;
            return new Rating(wholePoints ? Math.round(value) : value,
                    current.deviation() + fraction * (initial.deviation() - current.deviation()),
                    current.volatility() + fraction * (initial.volatility() - current.volatility()));
        }

        @Override
        public String spec() {
            return "toward:" + fraction;
        }
    }

    /**
     * Reads {@code carry}, {@code initial} or {@code toward:F} (F from 0 to 1, e.g.
     * {@code toward:0.5}).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    static SeasonReset parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("carry")) {
            return new CarryOver();
        }
        if (t.equals("initial")) {
            return new Initial();
        }
        if (t.startsWith("toward:")) {
            try {
                return new Toward(Double.parseDouble(t.substring("toward:".length())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the fraction after toward: is not a number from 0 to 1");
            }
        }
        throw new IllegalArgumentException("a season reset is carry, initial or toward:F with F from 0 to 1");
    }
}
