package dev.matchwave.notification.dispatch;

import dev.matchwave.notification.ratelimit.RateLimitHeaders;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** How one request ended. Immutable values. */
public sealed interface SendResult {

    /** Accepted, with no rate-limit headers to learn from. */
    static SendResult sent() {
        return Sent.WITHOUT_HEADERS;
    }

    /** Accepted; the headers go to the rate limiter. */
    static SendResult sent(RateLimitHeaders headers) {
        return new Sent(Optional.of(headers));
    }

    /**
     * Refused with a 429 (developers/topics/rate-limits).
     *
     * @param retryAfter the body's {@code retry_after}
     * @param global     the body's {@code global} flag
     */
    static SendResult rateLimited(Duration retryAfter, boolean global) {
        return new RateLimited(retryAfter, global);
    }

    /** A failure worth another try (a 5xx, a timeout), after at least {@code retryAfter} if present. */
    static SendResult retryableFailure(String reason, Optional<Duration> retryAfter) {
        return new Failed(reason, true, retryAfter);
    }

    /** A failure that another try will not fix (the player blocks DMs, the token expired). */
    static SendResult permanentFailure(String reason) {
        return new Failed(reason, false, Optional.empty());
    }

    /** Accepted. */
    record Sent(Optional<RateLimitHeaders> headers) implements SendResult {
        static final Sent WITHOUT_HEADERS = new Sent(Optional.empty());

        public Sent {
            Objects.requireNonNull(headers, "headers");
        }
    }

    /** Refused by a rate limit; the dispatcher tells its limiter and retries after {@code retryAfter}. */
    record RateLimited(Duration retryAfter, boolean global) implements SendResult {
        public RateLimited {
            Objects.requireNonNull(retryAfter, "retryAfter");
            if (retryAfter.isNegative()) {
                throw new IllegalArgumentException("retryAfter must not be negative, got " + retryAfter);
            }
        }
    }

    /** Failed for another reason. */
    record Failed(String reason, boolean retryable, Optional<Duration> retryAfter) implements SendResult {
        public Failed {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(retryAfter, "retryAfter");
            retryAfter.ifPresent(d -> {
                if (d.isNegative()) {
                    throw new IllegalArgumentException("retryAfter must not be negative, got " + d);
                }
            });
        }
    }
}
