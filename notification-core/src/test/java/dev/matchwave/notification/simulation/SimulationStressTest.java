package dev.matchwave.notification.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Every wave size from 1 to 2,000 under the limiter policy: the targets, exhaustively. */
@Tag("stress")
class SimulationStressTest {

    @Test
    void everyWaveSizeUpTo2000MeetsTheTargets() {
        List<String> misses = new ArrayList<>();
        double worst = 0;
        for (int matches = 1; matches <= 2_000; matches++) {
            SimulationReport report = Simulation.run(SimulationConfig.of(matches, Policy.LIMITER, 50));
            worst = Math.max(worst, report.phase2OverLowerBound());
            if (report.rateLimited429() > 0 || report.figures().phase1().max().compareTo(Duration.ofMillis(100)) >= 0
                    || report.phase2OverLowerBound() > 1.05) {
                misses.add(matches + ": " + report);
            }
        }

        assertThat(misses).isEmpty();
        assertThat(worst).isLessThanOrEqualTo(1.05);
    }
}
