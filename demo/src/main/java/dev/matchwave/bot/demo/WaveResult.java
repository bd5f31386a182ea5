package dev.matchwave.bot.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one wave of the demo did. Immutable.
 *
 * @param wave       the wave's number, from 1
 * @param at         when the wave ran (its pairing started)
 * @param queued     players in the queue when the wave ran
 * @param matches    matches the wave made
 * @param maxPairs   the most pairs the rules allowed on the same queue (see
 *                   {@link DemoFigures#maxPairs}); at least {@code matches}
 * @param ratingGaps the rating gap of each match, one per match, not negative
 * @param waits      how long each matched player had waited, from joining the queue to the wave;
 *               at most two per match (a player the driver lost track of is left out)
 * @param phase1     latency of the "match found" messages, from the wave to delivery
 * @param phase2     latency of the first message that names the opponent, from the wave to delivery
 * @param start      from a match's second Confirm to both players seeing the map, the server and the channel
 */
public record WaveResult(int wave, Instant at, int queued, int matches, int maxPairs, List<Integer> ratingGaps,
                         List<Duration> waits, Spread phase1, Spread phase2, Spread start) {

    /** Without start figures. */
    public WaveResult(int wave, Instant at, int queued, int matches, int maxPairs, List<Integer> ratingGaps,
                      List<Duration> waits, Spread phase1, Spread phase2) {
        this(wave, at, queued, matches, maxPairs, ratingGaps, waits, phase1, phase2, Spread.NONE);
    }

    public WaveResult {
        if (wave < 1) {
            throw new IllegalArgumentException("wave numbers start at 1, got " + wave);
        }
        Objects.requireNonNull(at, "at");
        if (queued < 0) {
            throw new IllegalArgumentException("queued must not be negative, got " + queued + " (wave " + wave + ")");
        }
        if (matches < 0) {
            throw new IllegalArgumentException("matches must not be negative, got " + matches + " (wave " + wave + ")");
        }
        if (maxPairs < matches) {
            throw new IllegalArgumentException("maxPairs " + maxPairs + " is less than the matches made, " + matches
                    + " (wave " + wave + ")");
        }
        if (2L * maxPairs > queued) {
            throw new IllegalArgumentException("maxPairs " + maxPairs + " needs more than the " + queued
                    + " queued players (wave " + wave + ")");
        }
        ratingGaps = List.copyOf(Objects.requireNonNull(ratingGaps, "ratingGaps"));
        if (ratingGaps.size() != matches) {
            throw new IllegalArgumentException("ratingGaps has " + ratingGaps.size() + " entries for " + matches
                    + " matches (wave " + wave + "): one per match");
        }
        for (int gap : ratingGaps) {
            if (gap < 0) {
                throw new IllegalArgumentException("a rating gap must not be negative, got " + gap + " (wave " + wave + ")");
            }
        }
        waits = List.copyOf(Objects.requireNonNull(waits, "waits"));
        if (waits.size() > 2 * matches) {
            throw new IllegalArgumentException("waits has " + waits.size() + " entries for " + matches
                    + " matches (wave " + wave + "): at most two per match");
        }
        waits.forEach(w -> Spread.requireNotNegative("a wait (wave " + wave + ")", w));
        Objects.requireNonNull(phase1, "phase1");
        Objects.requireNonNull(phase2, "phase2");
        Objects.requireNonNull(start, "start");
    }

    /**
     * A wave from raw latencies: the spreads are computed here.
     *
     * @param phase1Latencies every delivered "match found", in any order
     * @param phase2Latencies every delivered match details, in any order
     */
    public static WaveResult of(int wave, Instant at, int queued, int maxPairs, List<Integer> ratingGaps,
                                List<Duration> waits, List<Duration> phase1Latencies, List<Duration> phase2Latencies) {
        return of(wave, at, queued, maxPairs, ratingGaps, waits, phase1Latencies, phase2Latencies, List.of());
    }

    /** As {@link #of(int, Instant, int, int, List, List, List, List)}, with each started match's start latency. */
    public static WaveResult of(int wave, Instant at, int queued, int maxPairs, List<Integer> ratingGaps,
                                List<Duration> waits, List<Duration> phase1Latencies, List<Duration> phase2Latencies,
                                List<Duration> startLatencies) {
        return new WaveResult(wave, at, queued, ratingGaps.size(), maxPairs, ratingGaps, waits,
                Spread.of(phase1Latencies), Spread.of(phase2Latencies), Spread.of(startLatencies));
    }

    /** The spread of the matched players' waits. */
    public Spread waitSpread() {
        return Spread.of(waits);
    }

    /** Whether the wave made fewer matches than the rules allowed. */
    public boolean belowMaximum() {
        return matches < maxPairs;
    }
}
