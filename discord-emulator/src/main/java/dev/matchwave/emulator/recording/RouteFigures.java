package dev.matchwave.emulator.recording;

/**
 * One route's share of a run. Immutable.
 *
 * @param requests    requests on the route
 * @param rateLimited of which answered 429
 * @param failed      of which answered 4xx other than 429, or 5xx
 */
public record RouteFigures(long requests, long rateLimited, long failed) {

    public RouteFigures {
        if (requests < 0 || rateLimited < 0 || failed < 0 || rateLimited + failed > requests) {
            throw new IllegalArgumentException("figures must be counts within requests, got requests=" + requests
                    + " rateLimited=" + rateLimited + " failed=" + failed);
        }
    }

    RouteFigures plus(RequestRecord record) {
        boolean limited = record.rateLimited();
        boolean failure = !limited && record.status() >= 400;
        return new RouteFigures(requests + 1, rateLimited + (limited ? 1 : 0), failed + (failure ? 1 : 0));
    }
}
