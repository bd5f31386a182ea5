package dev.matchwave.notification.dispatch;

import java.time.Duration;
import java.util.Objects;

/**
 * When phase 2 may start for each match of a wave, at the earliest. The default,
 * {@link #none()}, releases every match's details as soon as its players' confirmations are
 * answered and lets the rate limiter do the pacing; {@link #fixed} is the policy first
 * proposed for the old bot (docs/notifications.md), kept for comparison.
 */
@FunctionalInterface
public interface Batching {

    /**
     * @param matchIndex the match's position in the wave, from 0
     * @return how long after the wave's start its details may go, zero or positive
     */
    Duration releaseDelay(int matchIndex);

    /** No batching: the limiter alone paces phase 2. */
    static Batching none() {
        return matchIndex -> Duration.ZERO;
    }

    /**
     * Batches of {@code matchesPerBatch} matches, {@code gap} apart: batch b goes at b x gap
     * (the first proposal's 10 matches per batch, 1 s apart).
     */
    static Batching fixed(int matchesPerBatch, Duration gap) {
        if (matchesPerBatch < 1) {
            throw new IllegalArgumentException("matchesPerBatch must be at least 1, got " + matchesPerBatch);
        }
        Objects.requireNonNull(gap, "gap");
        if (gap.isNegative()) {
            throw new IllegalArgumentException("gap must not be negative, got " + gap);
        }
        return matchIndex -> gap.multipliedBy(matchIndex / matchesPerBatch);
    }
}
