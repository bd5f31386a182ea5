package dev.matchwave.notification.ratelimit;

import dev.matchwave.matchmaking.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A fake clock and a log of what a limiter decided, in the style of Guava's RateLimiterTest:
 * "R0.25" is a reservation that said "wait 0.25 s", "S1.00" a sleep of one second.
 */
final class EventLog {

    /** A whole second, so that fixed windows start with the test. */
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    final ManualClock clock = new ManualClock(START);
    private final List<String> events = new ArrayList<>();
    private final List<Instant> admissions = new ArrayList<>();

    /** Reserves and waits as told, like a caller that sleeps. */
    Duration acquire(RateLimiter limiter, Route route) {
        Duration delay = reserve(limiter, route);
        clock.advance(delay);
        return delay;
    }

    /** Reserves without waiting: the admission lies {@code delay} in the future. */
    Duration reserve(RateLimiter limiter, Route route) {
        Duration delay = limiter.reserve(route).delay();
        events.add("R" + seconds(delay));
        admissions.add(clock.instant().plus(delay));
        return delay;
    }

    void sleep(Duration duration) {
        events.add("S" + seconds(duration));
        clock.advance(duration);
    }

    List<String> events() {
        return List.copyOf(events);
    }

    /** When each reservation may act, in reservation order. */
    List<Instant> admissions() {
        return List.copyOf(admissions);
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.2f", duration.toNanos() / 1e9);
    }

    /** The most admissions in any half-open window [t, t + window). */
    static int densestWindow(List<Instant> admissions, Duration window) {
        List<Instant> sorted = new ArrayList<>(admissions);
        sorted.sort(null);
        int best = 0;
        int end = 0;
        for (int start = 0; start < sorted.size(); start++) {
            Instant limit = sorted.get(start).plus(window);
            while (end < sorted.size() && sorted.get(end).isBefore(limit)) {
                end++;
            }
            best = Math.max(best, end - start);
        }
        return best;
    }

    /** The most admissions in any window aligned on multiples of {@code window} since the epoch. */
    static int densestAlignedWindow(List<Instant> admissions, Duration window) {
        java.util.Map<Long, Integer> counts = new java.util.HashMap<>();
        long size = window.toNanos();
        for (Instant at : admissions) {
            long nanos = at.getEpochSecond() * 1_000_000_000L + at.getNano();
            counts.merge(Math.floorDiv(nanos, size), 1, Integer::sum);
        }
        return counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }
}
