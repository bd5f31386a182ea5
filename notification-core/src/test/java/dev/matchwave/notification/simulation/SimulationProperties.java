package dev.matchwave.notification.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The targets of the limiter policy, over wave sizes and global limits. */
class SimulationProperties {

    @Property(tries = 150)
    void theLimiterPolicyNeverHitsA429AndStaysWithinFivePercentOfTheBound(
            @ForAll @IntRange(min = 1, max = 2_000) int matches) {
        SimulationReport report = Simulation.run(SimulationConfig.of(matches, Policy.LIMITER, 50));

        assertThat(report.rateLimited429()).isZero();
        assertThat(report.figures().phase1().max()).isLessThan(Duration.ofMillis(100));
        assertThat(report.phase2OverLowerBound()).isLessThanOrEqualTo(1.05);
    }

    @Property(tries = 100)
    void theLimiterPolicyAdaptsToAnyGlobalLimit(@ForAll @IntRange(min = 1, max = 300) int matches,
                                               @ForAll @IntRange(min = 1, max = 120) int globalLimit) {
        SimulationReport report = Simulation.run(SimulationConfig.of(matches, Policy.LIMITER, globalLimit));

        assertThat(report.rateLimited429()).isZero();
        assertThat(report.figures().failures()).isZero();
        // 25 ms of headroom per window: at most 2.5 % over the bound for 1-second windows.
        assertThat(report.phase2OverLowerBound()).isLessThanOrEqualTo(1.05);
    }
}
