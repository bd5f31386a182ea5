package dev.matchwave.notification.dispatch;

import java.time.Duration;
import java.util.Objects;

/**
 * What one wave's dispatch did; handed to {@link DispatchListener#waveDone} and returned by
 * {@link TwoPhaseDispatcher#dispatch}.
 *
 * @param matches     matches in the wave
 * @param players     players notified (two per match)
 * @param phase1      latencies of the "match found" sends
 * @param phase2      latencies of the details sends
 * @param total       from the wave's start until its last send was settled
 * @param sends       requests made, retries included
 * @param retries     requests that were retries
 * @param rateLimited 429 answers
 * @param failures    notifications that failed for good (reported and kept pending)
 * @param limiterWait the waits the rate limiter asked for, added up over all requests
 */
public record WaveFigures(int matches, int players, Latencies phase1, Latencies phase2, Duration total, int sends,
                          int retries, int rateLimited, int failures, Duration limiterWait) {

    public WaveFigures {
        Objects.requireNonNull(phase1, "phase1");
        Objects.requireNonNull(phase2, "phase2");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(limiterWait, "limiterWait");
    }
}
