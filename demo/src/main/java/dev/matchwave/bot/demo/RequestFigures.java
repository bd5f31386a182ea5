package dev.matchwave.bot.demo;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The requests the bot made to Discord (the emulator) over the run. Immutable.
 *
 * @param total             every request, 429s included
 * @param perRouteClass     requests by route class (e.g. {@code interaction}, {@code channel message},
 *                          {@code dm}), sorted by name; they add up to {@code total}
 * @param globalRateLimited 429 answers with the global flag
 * @param routeRateLimited  429 answers of a per-route bucket
 * @param invalid           invalid requests as Discord counts them (401, 403, and 429 unless its scope is
 *                          {@code shared})
 */
public record RequestFigures(long total, Map<String, Long> perRouteClass, long globalRateLimited,
                             long routeRateLimited, long invalid) {

    /** No requests. */
    public static final RequestFigures NONE = new RequestFigures(0, Map.of(), 0, 0, 0);

    public RequestFigures {
        requireCount("total", total);
        Objects.requireNonNull(perRouteClass, "perRouteClass");
        TreeMap<String, Long> copy = new TreeMap<>();
        long sum = 0;
        for (Map.Entry<String, Long> e : perRouteClass.entrySet()) {
            Objects.requireNonNull(e.getKey(), "route class");
            Objects.requireNonNull(e.getValue(), "count of route class " + e.getKey());
            requireCount("requests of route class " + e.getKey(), e.getValue());
            copy.put(e.getKey(), e.getValue());
            sum += e.getValue();
        }
        if (sum != total) {
            throw new IllegalArgumentException("perRouteClass adds up to " + sum + " requests, total is " + total);
        }
        perRouteClass = Collections.unmodifiableMap(copy);
        requireCount("globalRateLimited", globalRateLimited);
        requireCount("routeRateLimited", routeRateLimited);
        requireCount("invalid", invalid);
        if (globalRateLimited + routeRateLimited > total) {
            throw new IllegalArgumentException("more 429s (" + (globalRateLimited + routeRateLimited)
                    + ") than requests (" + total + ")");
        }
    }

    /** Every 429 answer. */
    public long rateLimited() {
        return globalRateLimited + routeRateLimited;
    }

    private static void requireCount(String name, long count) {
        if (count < 0) {
            throw new IllegalArgumentException(name + " must not be negative, got " + count);
        }
    }
}
