package dev.matchwave.matchmaking.ladder.rating;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Glicko-2, after Mark E. Glickman, "Example of the Glicko-2 system" (Boston University,
 * 2013, http://www.glicko.net/glicko/glicko2.pdf); the step numbers in the code are the
 * paper's. A rating has a value, a deviation (RD) and a volatility; both are on the Glicko
 * scale (1500 / 350) outside and on the Glicko-2 scale (divided by 173.7178) inside.
 *
 * <p>The paper updates ratings once per rating period from all the period's games
 * ({@link #ratePeriod}). A ladder rates each match when it ends, so {@link #rate} treats the
 * match as a period of one game, after first growing each player's deviation for the whole
 * periods he spent without a game of this race: {@code phi = sqrt(phi^2 + t * sigma^2)} (step 6
 * of the paper, applied t times), capped at the initial deviation. Immutable and thread-safe.
 *
 * @param initialRating     the rating of a new player (paper: 1500)
 * @param initialDeviation  his deviation (paper: 350); also the cap for inactivity growth
 * @param initialVolatility his volatility (paper: 0.06)
 * @param tau               the system constant that limits volatility changes (paper: 0.3 to 1.2; example 0.5)
 * @param ratingPeriod      how long without a game counts as one idle period, positive
 * @param convergence       the tolerance of the volatility iteration (paper: 0.000001)
 */
public record Glicko2(double initialRating, double initialDeviation, double initialVolatility, double tau,
                      Duration ratingPeriod, double convergence) implements RatingSystem {

    /** 1500 / 350 / 0.06, tau 0.5, 7-day periods, convergence 0.000001. */
    public static final Glicko2 DEFAULT = new Glicko2(1500, 350, 0.06, 0.5, Duration.ofDays(7), 0.000001);

    /** The factor between the Glicko and Glicko-2 scales (paper, step 2). */
    public static final double SCALE = 173.7178;

    public Glicko2 {
        Objects.requireNonNull(ratingPeriod, "ratingPeriod");
        requirePositive(initialDeviation, "initialDeviation");
        requirePositive(initialVolatility, "initialVolatility");
        requirePositive(tau, "tau");
        requirePositive(convergence, "convergence");
        if (!Double.isFinite(initialRating)) {
            throw new IllegalArgumentException("glicko2 initialRating must be finite, got " + initialRating);
        }
        if (ratingPeriod.isNegative() || ratingPeriod.isZero()) {
            throw new IllegalArgumentException("glicko2 ratingPeriod must be positive, got " + ratingPeriod);
        }
    }

    private static void requirePositive(double value, String name) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException("glicko2 " + name + " must be positive and finite, got " + value);
        }
    }

    /** One game of a rating period: the opponent's rating before the period and the score against him. */
    public record Game(Rating opponent, double score) {
        public Game {
            Objects.requireNonNull(opponent, "opponent");
            if (score < 0 || score > 1) {
                throw new IllegalArgumentException("score must be between 0 and 1, got " + score);
            }
        }
    }

    @Override
    public String name() {
        return "glicko2";
    }

    @Override
    public Rating initial() {
        return new Rating(initialRating, initialDeviation, initialVolatility);
    }

    @Override
    public Outcome rate(Contestant first, Contestant second, double scoreOfFirst, Instant at) {
        Rating a = idle(first.rating(), idlePeriods(first.lastPlayed(), at));
        Rating b = idle(second.rating(), idlePeriods(second.lastPlayed(), at));
        return new Outcome(ratePeriod(a, List.of(new Game(b, scoreOfFirst))),
                ratePeriod(b, List.of(new Game(a, 1.0 - scoreOfFirst))));
    }

    /** Whole rating periods from {@code lastPlayed} to {@code at}; 0 if never played or not later. */
    public long idlePeriods(Optional<Instant> lastPlayed, Instant at) {
        if (lastPlayed.isEmpty() || !at.isAfter(lastPlayed.get())) {
            return 0;
        }
        return Duration.between(lastPlayed.get(), at).dividedBy(ratingPeriod);
    }

    /**
     * The rating after {@code periods} rating periods without games: the deviation grows as in
     * step 6 of the paper, {@code phi' = sqrt(phi^2 + periods * sigma^2)}, capped at the initial
     * deviation; value and volatility stay.
     */
    public Rating idle(Rating rating, long periods) {
        if (periods <= 0) {
            return rating;
        }
        double phi = rating.deviation() / SCALE;
        double sigma = rating.volatility();
        double grown = Math.sqrt(phi * phi + periods * sigma * sigma) * SCALE;
        return new Rating(rating.value(), Math.min(grown, Math.max(initialDeviation, rating.deviation())),
                rating.volatility());
    }

    /**
     * The rating after one rating period with {@code games} (Glickman's steps 2 to 8). With no
     * games only the deviation grows (step 6 applied once).
     */
    public Rating ratePeriod(Rating player, List<Game> games) {
        if (games.isEmpty()) {
            return idle(player, 1);
        }
        // Step 2: convert to the Glicko-2 scale.
        double mu = (player.value() - 1500) / SCALE;
        double phi = player.deviation() / SCALE;
        double sigma = player.volatility();

        // Steps 3 and 4: the estimated variance v and the estimated improvement delta.
        double vInverse = 0;
        double improvement = 0;
        for (Game game : games) {
            double muJ = (game.opponent().value() - 1500) / SCALE;
            double phiJ = game.opponent().deviation() / SCALE;
            double g = g(phiJ);
            double e = 1.0 / (1.0 + Math.exp(-g * (mu - muJ)));
            vInverse += g * g * e * (1 - e);
            improvement += g * (game.score() - e);
        }
        double v = 1.0 / vInverse;
        double delta = v * improvement;

        // Step 5: the new volatility, by the Illinois variant of regula falsi.
        double newSigma = newVolatility(phi, sigma, v, delta);

        // Step 6: the pre-period deviation; step 7: the new deviation and rating.
        double phiStar = Math.sqrt(phi * phi + newSigma * newSigma);
        double newPhi = 1.0 / Math.sqrt(1.0 / (phiStar * phiStar) + 1.0 / v);
        double newMu = mu + newPhi * newPhi * improvement;

        // Step 8: back to the Glicko scale.
        return new Rating(SCALE * newMu + 1500, SCALE * newPhi, newSigma);
    }

    private static double g(double phi) {
        return 1.0 / Math.sqrt(1.0 + 3.0 * phi * phi / (Math.PI * Math.PI));
    }

    private double newVolatility(double phi, double sigma, double v, double delta) {
        double a = Math.log(sigma * sigma);
        double phi2 = phi * phi;
        double delta2 = delta * delta;
        java.util.function.DoubleUnaryOperator f = x -> {
            double ex = Math.exp(x);
            double d = phi2 + v + ex;
            return ex * (delta2 - phi2 - v - ex) / (2.0 * d * d) - (x - a) / (tau * tau);
        };
        double bigA = a;
        double bigB;
        if (delta2 > phi2 + v) {
            bigB = Math.log(delta2 - phi2 - v);
        } else {
            int k = 1;
            while (f.applyAsDouble(a - k * tau) < 0) {
                k++;
            }
            bigB = a - k * tau;
        }
        double fA = f.applyAsDouble(bigA);
        double fB = f.applyAsDouble(bigB);
        while (Math.abs(bigB - bigA) > convergence) {
            double bigC = bigA + (bigA - bigB) * fA / (fB - fA);
            double fC = f.applyAsDouble(bigC);
            if (fC * fB <= 0) {
                bigA = bigB;
                fA = fB;
            } else {
                fA = fA / 2.0;
            }
            bigB = bigC;
            fB = fC;
        }
        return Math.exp(bigA / 2.0);
    }
}
