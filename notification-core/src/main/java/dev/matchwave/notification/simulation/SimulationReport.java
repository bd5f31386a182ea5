package dev.matchwave.notification.simulation;

import dev.matchwave.notification.dispatch.WaveFigures;
import java.time.Duration;
import java.util.Objects;

/**
 * The outcome of one simulated wave.
 *
 * @param config         what was simulated
 * @param figures        the dispatcher's own figures for the wave
 * @param requests       requests the model received, refused ones included
 * @param rateLimited429 requests the model refused with a 429
 * @param lowerBound     {@link SimulationConfig#lowerBound()}
 */
public record SimulationReport(SimulationConfig config, WaveFigures figures, long requests, long rateLimited429,
                               Duration lowerBound) {

    public SimulationReport {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(figures, "figures");
        Objects.requireNonNull(lowerBound, "lowerBound");
    }

    /** How far phase 2 ended from the best the limits allow: 1.0 is the bound itself. */
    public double phase2OverLowerBound() {
        long took = figures.phase2().max().toNanos();
        if (lowerBound.isZero()) {
            return took == 0 ? 1.0 : Double.POSITIVE_INFINITY;
        }
        return (double) took / lowerBound.toNanos();
    }
}
