package dev.matchwave.matchmaking.ladder.rating;

import dev.matchwave.matchmaking.ladder.rating.Glicko2.Game;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Glicko-2 against the worked example of Mark E. Glickman, "Example of the Glicko-2 system"
 * (2013, http://www.glicko.net/glicko/glicko2.pdf).
 */
class Glicko2Test {

    private static final Glicko2 SYSTEM = new Glicko2(1500, 350, 0.06, 0.5, Duration.ofDays(7), 0.000001);

    @Test
    void reproducesGlickmansWorkedExample() {
        Rating player = new Rating(1500, 200, 0.06);
        List<Game> period = List.of(
                new Game(new Rating(1400, 30, 0.06), 1),
                new Game(new Rating(1550, 100, 0.06), 0),
                new Game(new Rating(1700, 300, 0.06), 0));

        Rating after = SYSTEM.ratePeriod(player, period);

        // The paper works on the Glicko-2 scale with four decimals: mu' = -0.2069, phi' = 0.8722.
        assertThat(round((after.value() - 1500) / Glicko2.SCALE, 4)).isEqualTo(-0.2069);
        assertThat(round(after.deviation() / Glicko2.SCALE, 4)).isEqualTo(0.8722);
        // and converts back to r' = 1464.06, RD' = 151.52, sigma' = 0.05999. Full precision gives
        // r' = 1464.0507: the paper's 1464.06 is 1500 + 173.7178 * (-0.2069), from the rounded mu'.
        assertThat(round(1500 + Glicko2.SCALE * round((after.value() - 1500) / Glicko2.SCALE, 4), 2))
                .isEqualTo(1464.06);
        assertThat(after.value()).isCloseTo(1464.06, within(0.01));
        assertThat(after.deviation()).isCloseTo(151.52, within(0.005));
        // sigma' = 0.0599960...; the paper prints its first five decimals.
        assertThat(java.math.BigDecimal.valueOf(after.volatility()).setScale(5, java.math.RoundingMode.DOWN)
                .doubleValue()).isEqualTo(0.05999);
        assertThat(after.volatility()).isCloseTo(0.05999, within(0.00001));
    }

    private static double round(double value, int decimals) {
        return java.math.BigDecimal.valueOf(value).setScale(decimals, java.math.RoundingMode.HALF_UP).doubleValue();
    }

    @Test
    void aPeriodWithoutGamesOnlyGrowsTheDeviation() {
        Rating player = new Rating(1500, 200, 0.06);

        Rating after = SYSTEM.ratePeriod(player, List.of());

        // Step 6 alone: phi' = sqrt(phi^2 + sigma^2) on the Glicko-2 scale.
        double phi = 200 / Glicko2.SCALE;
        assertThat(after.deviation()).isCloseTo(Math.sqrt(phi * phi + 0.06 * 0.06) * Glicko2.SCALE, within(1e-9));
        assertThat(after.value()).isEqualTo(1500);
        assertThat(after.volatility()).isEqualTo(0.06);
    }

    @Test
    void deviationGrowsWithInactivityUpToTheInitialDeviation() {
        Instant last = Instant.parse("2026-01-01T00:00:00Z");
        Rating settled = new Rating(1600, 60, 0.06);

        assertThat(SYSTEM.idlePeriods(Optional.of(last), last.plus(Duration.ofDays(6)))).isZero();
        assertThat(SYSTEM.idlePeriods(Optional.of(last), last.plus(Duration.ofDays(15)))).isEqualTo(2);
        assertThat(SYSTEM.idlePeriods(Optional.empty(), last)).isZero();

        double previous = settled.deviation();
        for (long periods = 1; periods <= 200; periods *= 2) {
            double grown = SYSTEM.idle(settled, periods).deviation();
            assertThat(grown).isGreaterThan(previous).isLessThanOrEqualTo(350);
            previous = grown;
        }
        assertThat(SYSTEM.idle(settled, 1_000_000).deviation()).isEqualTo(350);
    }

    @Test
    void aLongAbsenceMakesTheNextGameMoveTheRatingMore() {
        Instant now = Instant.parse("2026-06-01T00:00:00Z");
        Rating settled = new Rating(1600, 60, 0.06);
        RatingSystem.Contestant opponent = new RatingSystem.Contestant(new Rating(1600, 60, 0.06), Optional.of(now));

        Rating afterActive = SYSTEM.rate(new RatingSystem.Contestant(settled, Optional.of(now.minusSeconds(60))),
                opponent, 1, now).first();
        Rating afterAbsent = SYSTEM.rate(new RatingSystem.Contestant(settled, Optional.of(now.minus(Duration.ofDays(
                365)))), opponent, 1, now).first();

        assertThat(afterAbsent.value() - 1600).isGreaterThan(afterActive.value() - 1600).isPositive();
    }

    @Test
    void badOptionsFailNamingTheOption() {
        assertThatThrownBy(() -> new Glicko2(1500, 350, 0.06, 0, Duration.ofDays(7), 1e-6)).hasMessageContaining("tau");
        assertThatThrownBy(() -> new Glicko2(1500, 350, 0.06, 0.5, Duration.ZERO, 1e-6))
                .hasMessageContaining("ratingPeriod");
        assertThatThrownBy(() -> new Elo(1500, -1, 500)).hasMessageContaining("k");
    }
}
