package dev.matchwave.emulator.recording;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One REST request and its answer. Immutable.
 *
 * @param position    its place in the recording, from 0
 * @param at          when it arrived, on the emulator's clock
 * @param method      GET, POST ...
 * @param route       the method and route template, e.g. {@code POST /channels/{channel_id}/messages};
 *                    for an unknown route the method and the raw path
 * @param path        the path as requested, below {@code /api/v10}
 * @param bucket      the rate-limit bucket ({@code hash:major}), if the route has one
 * @param status      the HTTP status sent
 * @param interaction whether the route is an interaction route (exempt from the global limit)
 * @param known       false for a route the emulator does not know (answered 404)
 * @param headers     the rate-limit headers sent: X-RateLimit-*, Retry-After, Via
 */
public record RequestRecord(long position, Instant at, String method, String route, String path, Optional<String> bucket,
                            int status, boolean interaction, boolean known, Map<String, String> headers) {

    public RequestRecord {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(bucket, "bucket");
        headers = Map.copyOf(headers);
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be an HTTP status, got " + status);
        }
    }

    /** A header sent with the answer, by its exact name (e.g. {@code X-RateLimit-Scope}). */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    /** Whether the answer was 429 Too Many Requests. */
    public boolean rateLimited() {
        return status == 429;
    }

    /** 401, 403 or 429: what Discord counts toward its invalid-request limit. */
    public boolean invalid() {
        return status == 401 || status == 403 || status == 429;
    }

    @Override
    public String toString() {
        return at + " " + route + " -> " + status + bucket.map(b -> " [" + b + "]").orElse("");
    }
}
