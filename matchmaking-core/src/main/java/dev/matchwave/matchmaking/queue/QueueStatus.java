package dev.matchwave.matchmaking.queue;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a ladder UI shows while a player searches. Immutable; taken atomically.
 *
 * @param at                when it was taken, on the service's clock
 * @param nextWave          when the next wave falls (aligned to the wave interval)
 * @param lastWave          the number of the last wave run, 0 before the first
 * @param queued            how many players are queued
 * @param queuedBySides     queued players by the sides they offered, the sides sorted and joined
 *                          with {@code +}: for the reference ladder {@code bw}, {@code sc2} and
 *                          {@code bw+sc2} (BW only, SC2 only, both)
 * @param queuedByRace      queued players by race offered; a player with two seats counts once
 *                          under each of his two races
 * @param matchesInProgress matches in progress: players in a match, halved
 * @param activePopulation  players seen (joined, left, waited through a wave, matched, released)
 *                          within the active window, 15 minutes by default
 * @param estimatedWait     the viewer's estimated wait, when a viewer was given, is queued, and
 *                          recent waves say enough; see {@link QueueService#status(dev.matchwave.matchmaking.PlayerId)}
 */
public record QueueStatus(Instant at, Instant nextWave, long lastWave, int queued,
                          SortedMap<String, Integer> queuedBySides, SortedMap<String, Integer> queuedByRace,
                          int matchesInProgress, int activePopulation, Optional<WaitEstimate> estimatedWait) {

    public QueueStatus {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(nextWave, "nextWave");
        queuedBySides = frozen(queuedBySides, "queuedBySides");
        queuedByRace = frozen(queuedByRace, "queuedByRace");
        Objects.requireNonNull(estimatedWait, "estimatedWait");
        if (queued < 0 || matchesInProgress < 0 || activePopulation < 0 || lastWave < 0) {
            throw new IllegalArgumentException("status counts must not be negative");
        }
    }

    private static SortedMap<String, Integer> frozen(Map<String, Integer> counts, String name) {
        Objects.requireNonNull(counts, name);
        return Collections.unmodifiableSortedMap(new TreeMap<>(counts));
    }
}
