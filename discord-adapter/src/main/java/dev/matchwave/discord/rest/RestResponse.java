package dev.matchwave.discord.rest;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What Discord answered, as far as rate limits go: the status and the X-RateLimit headers
 * (docs/discord.md, Rate limits).
 *
 * @param status     the HTTP status
 * @param bucket     {@code X-RateLimit-Bucket}
 * @param limit      {@code X-RateLimit-Limit}
 * @param remaining  {@code X-RateLimit-Remaining}
 * @param resetAfter {@code X-RateLimit-Reset-After} (seconds with decimals)
 * @param retryAfter on a 429: {@code Retry-After} (whole seconds)
 * @param global     {@code X-RateLimit-Global: true}
 * @param scope      {@code X-RateLimit-Scope}: {@code user}, {@code global} or {@code shared}
 * @param via        whether a {@code Via} header came: a 429 without it is Cloudflare's, not
 *                   Discord's (JDA then pauses every bucket)
 */
public record RestResponse(
        int status,
        Optional<String> bucket,
        OptionalInt limit,
        OptionalInt remaining,
        Optional<Duration> resetAfter,
        Optional<Duration> retryAfter,
        boolean global,
        Optional<String> scope,
        boolean via) {

    public RestResponse {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(remaining, "remaining");
        Objects.requireNonNull(resetAfter, "resetAfter");
        Objects.requireNonNull(retryAfter, "retryAfter");
        Objects.requireNonNull(scope, "scope");
    }

    /** Whether Discord (or Cloudflare) refused the request for its rate: status 429. */
    public boolean rateLimited() {
        return status == 429;
    }
}
