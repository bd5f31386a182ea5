package dev.matchwave.emulator.recording;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The figures of a run (a list of recorded requests). Immutable.
 *
 * @param requests               every request
 * @param rateLimited            answered 429 (any scope, and bans)
 * @param invalid                answered 401, 403 or 429
 * @param unknownRoutes          on a route the emulator does not know (404)
 * @param interactionRequests    on interaction routes
 * @param peakGlobalPerSecond    the most non-interaction requests that got through within one
 *                               second (the global limit's fixed one-second windows)
 * @param byRoute                per route template, sorted by route
 */
public record RunFigures(long requests, long rateLimited, long invalid, long unknownRoutes, long interactionRequests,
                         long peakGlobalPerSecond, Map<String, RouteFigures> byRoute) {

    public RunFigures {
        Objects.requireNonNull(byRoute, "byRoute");
        byRoute = Collections.unmodifiableMap(new TreeMap<>(byRoute));
    }

    /** The figures of these records. */
    public static RunFigures of(List<RequestRecord> records) {
        long rateLimited = 0;
        long invalid = 0;
        long unknown = 0;
        long interaction = 0;
        Map<String, RouteFigures> byRoute = new TreeMap<>();
        Map<Long, Long> perSecond = new TreeMap<>();
        for (RequestRecord record : records) {
            rateLimited += record.rateLimited() ? 1 : 0;
            invalid += record.invalid() ? 1 : 0;
            unknown += record.known() ? 0 : 1;
            interaction += record.interaction() ? 1 : 0;
            byRoute.merge(record.route(), new RouteFigures(0, 0, 0).plus(record), (old, one) -> old.plus(record));
            if (!record.interaction() && !record.rateLimited()) {
                perSecond.merge(Math.floorDiv(record.at().toEpochMilli(), 1000), 1L, Long::sum);
            }
        }
        long peak = perSecond.values().stream().mapToLong(Long::longValue).max().orElse(0);
        return new RunFigures(records.size(), rateLimited, invalid, unknown, interaction, peak, byRoute);
    }

    /** A route's figures; zeros for a route never requested. */
    public RouteFigures route(String route) {
        return byRoute.getOrDefault(route, new RouteFigures(0, 0, 0));
    }

    /** A few lines for a log or a report. */
    public String summary() {
        StringBuilder text = new StringBuilder()
                .append(requests).append(" requests, ").append(rateLimited).append(" answered 429, ")
                .append(invalid).append(" invalid, ").append(unknownRoutes).append(" on unknown routes, ")
                .append(interactionRequests).append(" on interaction routes, peak ")
                .append(peakGlobalPerSecond).append("/s on the global budget");
        byRoute.forEach((route, figures) -> text.append(System.lineSeparator()).append("  ").append(route)
                .append(": ").append(figures.requests()).append(" (429: ").append(figures.rateLimited())
                .append(", failed: ").append(figures.failed()).append(')'));
        return text.toString();
    }
}
