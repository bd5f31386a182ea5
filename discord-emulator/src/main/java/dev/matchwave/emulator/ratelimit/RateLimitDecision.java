package dev.matchwave.emulator.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the limiter decided for one request, with the headers Discord sends for it.
 *
 * <p>Immutable.
 */
public sealed interface RateLimitDecision {

    /** The response headers that go with the decision (X-RateLimit-*, Retry-After, Via). */
    Map<String, String> headers();

    /** The bucket id the recording shows ({@code hash:major}), if the request fell in one. */
    Optional<String> bucket();

    /**
     * The request may go.
     *
     * @param state the bucket after counting the request; empty when only the global limit applies
     */
    record Allowed(Optional<BucketState> state) implements RateLimitDecision {
        public Allowed {
            Objects.requireNonNull(state, "state");
        }

        @Override
        public Map<String, String> headers() {
            return state.map(BucketState::headers).orElse(Map.of());
        }

        @Override
        public Optional<String> bucket() {
            return state.map(BucketState::id);
        }
    }

    /**
     * The request gets a 429 with a JSON body {@code {message, retry_after, global}}.
     *
     * @param scope      which limit
     * @param retryAfter how long until it may go again
     * @param state      the bucket (for a per-route limit); empty for the global limit
     */
    record Limited(RateLimitScope scope, Duration retryAfter, Optional<BucketState> state) implements RateLimitDecision {
        public Limited {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(retryAfter, "retryAfter");
            Objects.requireNonNull(state, "state");
        }

        /** Whether this is the global limit (the body's {@code global} and X-RateLimit-Global). */
        public boolean global() {
            return scope == RateLimitScope.GLOBAL;
        }

        /** {@code retry_after} of the body: seconds, with millisecond decimals. */
        public double retryAfterSeconds() {
            return retryAfter.toMillis() / 1000.0;
        }

        @Override
        public Map<String, String> headers() {
            Map<String, String> headers = new LinkedHashMap<>(state.map(BucketState::headers).orElse(Map.of()));
            // Retry-After is whole seconds, rounded up (JDA reads it with second precision).
            headers.put("Retry-After", Long.toString(Math.max(1, (retryAfter.toMillis() + 999) / 1000)));
            if (global()) {
                headers.put("X-RateLimit-Global", "true");
            }
            headers.put("X-RateLimit-Scope", scope.header());
            // Discord's own 429s pass its proxy; one without Via is Cloudflare's (JDA then pauses every bucket).
            headers.put("Via", "1.1 google");
            return Map.copyOf(headers);
        }

        @Override
        public Optional<String> bucket() {
            return state.map(BucketState::id);
        }
    }

    /**
     * Too many invalid requests: Cloudflare's temporary ban, a 429 with no Via header and no JSON.
     *
     * @param retryAfter until the ban lifts
     */
    record Banned(Duration retryAfter) implements RateLimitDecision {
        public Banned {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }

        @Override
        public Map<String, String> headers() {
            return Map.of("Retry-After", Long.toString(Math.max(1, (retryAfter.toMillis() + 999) / 1000)));
        }

        @Override
        public Optional<String> bucket() {
            return Optional.empty();
        }
    }

    /**
     * A bucket after a request was counted (or refused).
     *
     * @param hash      the X-RateLimit-Bucket value, one per route
     * @param major     the top-level resource, e.g. {@code channel_id=42}
     * @param limit     requests per window
     * @param remaining requests left in this window
     * @param resetAt   when the window ends
     * @param now       the time of the decision
     */
    record BucketState(String hash, String major, int limit, int remaining, Instant resetAt, Instant now) {
        public BucketState {
            Objects.requireNonNull(hash, "hash");
            Objects.requireNonNull(major, "major");
            Objects.requireNonNull(resetAt, "resetAt");
            Objects.requireNonNull(now, "now");
        }

        /** The id the recording shows. */
        public String id() {
            return major.isEmpty() ? hash : hash + ":" + major;
        }

        /** Until the window ends, never negative. */
        public Duration resetAfter() {
            Duration left = Duration.between(now, resetAt);
            return left.isNegative() ? Duration.ZERO : left;
        }

        /** X-RateLimit-Limit, -Remaining, -Reset (epoch seconds), -Reset-After (seconds), -Bucket. */
        public Map<String, String> headers() {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("X-RateLimit-Limit", Integer.toString(limit));
            headers.put("X-RateLimit-Remaining", Integer.toString(remaining));
            headers.put("X-RateLimit-Reset", seconds(resetAt.toEpochMilli()));
            headers.put("X-RateLimit-Reset-After", seconds(resetAfter().toMillis()));
            headers.put("X-RateLimit-Bucket", hash);
            return headers;
        }

        private static String seconds(long millis) {
            return String.format(Locale.ROOT, "%d.%03d", millis / 1000, millis % 1000);
        }
    }
}
