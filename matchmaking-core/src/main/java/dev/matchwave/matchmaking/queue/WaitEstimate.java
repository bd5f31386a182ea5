package dev.matchwave.matchmaking.queue;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a queued player may still wait, learnt from recent waves (see
 * docs/queue-and-waves.md, "Estimated wait"). Immutable.
 *
 * @param remaining from now until the wave expected to match him
 * @param waves     how many waves that is, counting the next one as 1
 * @param samples   how many recent matches the estimate rests on
 */
public record WaitEstimate(Duration remaining, int waves, int samples) {

    public WaitEstimate {
        Objects.requireNonNull(remaining, "remaining");
        if (remaining.isNegative()) {
            throw new IllegalArgumentException("remaining must not be negative, got " + remaining);
        }
        if (waves < 1) {
            throw new IllegalArgumentException("waves must be at least 1, got " + waves);
        }
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be at least 1, got " + samples);
        }
    }
}
