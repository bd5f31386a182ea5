package dev.matchwave.notification.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SimulationTest {

    private static SimulationReport run(int matches, Policy policy) {
        return Simulation.run(SimulationConfig.of(matches, policy, 50));
    }

    @Test
    void theLowerBoundIsTwoRoundTripsPlusAWindowPerFullGlobalBucket() {
        assertThat(SimulationConfig.of(1, Policy.LIMITER, 50).lowerBound()).isEqualTo(Duration.ofMillis(100));
        assertThat(SimulationConfig.of(25, Policy.LIMITER, 50).lowerBound()).isEqualTo(Duration.ofMillis(100));
        assertThat(SimulationConfig.of(26, Policy.LIMITER, 50).lowerBound()).isEqualTo(Duration.ofMillis(1_100));
        assertThat(SimulationConfig.of(2_000, Policy.LIMITER, 50).lowerBound()).isEqualTo(Duration.ofMillis(79_100));
        assertThat(SimulationConfig.of(13, Policy.LIMITER, 10).lowerBound()).isEqualTo(Duration.ofMillis(2_100));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 13, 25, 26, 100, 500, 2_000})
    void theLimiterPolicyMeetsItsTargets(int matches) {
        SimulationReport report = run(matches, Policy.LIMITER);

        assertThat(report.rateLimited429()).isZero();
        assertThat(report.figures().phase1().max()).isLessThan(Duration.ofMillis(100));
        assertThat(report.phase2OverLowerBound()).isLessThanOrEqualTo(1.05);
        assertThat(report.requests()).isEqualTo(4L * matches);
        assertThat(report.figures().failures()).isZero();
    }

    /**
     * The worst case: the players waited longer than a token lives, so "match found" is a DM
     * too and the whole wave counts toward the global limit. The limiter still gets no 429, phase
     * 1 itself is paced, and phase 2 stays near its bound, which counts all 4N DMs.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 25, 26, 100, 500})
    void withEveryTokenExpiredTheLimiterStillMeetsTheBoundOfTheWholeWave(int matches) {
        SimulationConfig config = SimulationConfig.of(matches, Policy.LIMITER, 50).withTokensExpired();
        SimulationReport report = Simulation.run(config);

        assertThat(report.rateLimited429()).isZero();
        assertThat(report.requests()).isEqualTo(4L * matches);
        assertThat(report.figures().failures()).isZero();
        long details = 100 + 1_000L * ((2L * matches - 1) / 50);
        long whole = 50 + 1_000L * ((4L * matches - 1) / 50);
        assertThat(config.lowerBound()).isEqualTo(Duration.ofMillis(Math.max(details, whole)));
        assertThat(report.phase2OverLowerBound()).isBetween(1.0, 1.05);
        if (2 * matches > 50) { // more "match found" DMs than one second of the global limit
            assertThat(report.figures().phase1().max()).as("phase 1 itself is paced now")
                    .isGreaterThan(run(matches, Policy.LIMITER).figures().phase1().max());
        }
    }

    @Test
    void underTheDocumentedLimitsNaiveSendingHits429sOnceTheDetailsAloneExceedTheGlobalLimit() {
        // 2N DM messages at once; the 2N interaction edits are exempt.
        assertThat(run(25, Policy.NAIVE).rateLimited429()).isZero();
        SimulationReport report = run(26, Policy.NAIVE);
        assertThat(report.rateLimited429()).isEqualTo(2);
        assertThat(report.requests()).isEqualTo(4 * 26 + 2);
    }

    @Test
    void whereEditsCountGloballyAsFieldReportsSayNaiveSendingHits429sFrom13Matches() {
        DiscordModel.Limits reported = new DiscordModel.Limits(50, Duration.ofSeconds(1), 5, Duration.ofSeconds(5), true);

        assertThat(Simulation.run(SimulationConfig.of(12, Policy.NAIVE, 50).withLimits(reported)).rateLimited429()).isZero();
        assertThat(Simulation.run(SimulationConfig.of(13, Policy.NAIVE, 50).withLimits(reported)).rateLimited429())
                .isPositive();
    }

    @Test
    void naiveSendingAtScaleFloodsDiscordWith429s() {
        SimulationReport report = run(500, Policy.NAIVE);

        // Every round, all that is left retries together and 50 get through.
        assertThat(report.rateLimited429()).isEqualTo(9_500);
        assertThat(report.figures().failures()).isZero();
    }

    @Test
    void fixedBatchesStayUnderTheLimitButTakeTwoAndAHalfTimesLonger() {
        SimulationReport report = run(2_000, Policy.FIXED_BATCH);

        assertThat(report.rateLimited429()).isZero();
        assertThat(report.figures().phase2().max()).isEqualTo(Duration.ofMillis(199_050));
        assertThat(report.phase2OverLowerBound()).isGreaterThan(2.5);
    }

    @Test
    void theSameSettingsGiveTheSameFigures() {
        assertThat(run(321, Policy.NAIVE)).isEqualTo(run(321, Policy.NAIVE));
        assertThat(run(321, Policy.LIMITER)).isEqualTo(run(321, Policy.LIMITER));
    }

    @Test
    void badSettingsFailNamingTheField() {
        assertThatThrownBy(() -> SimulationConfig.of(0, Policy.LIMITER, 50))
                .hasMessage("matches must be between 1 and 10000, got 0");
        assertThatThrownBy(() -> SimulationConfig.of(5, Policy.LIMITER, 0))
                .hasMessage("globalLimit must be between 1 and 10000, got 0");
        assertThat(Policy.byCliName("fixed-batch")).contains(Policy.FIXED_BATCH);
        assertThat(Policy.byCliName("FIXED_BATCH")).isEmpty();
    }
}
