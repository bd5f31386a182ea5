package dev.matchwave.notification.ratelimit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The rate-limit headers of one Discord response (developers/topics/rate-limits): the state
 * of the route's bucket right after the request.
 *
 * @param bucket     {@code X-RateLimit-Bucket}: an id shared by routes that share a bucket
 * @param limit      {@code X-RateLimit-Limit}: requests allowed per window, at least 1
 * @param remaining  {@code X-RateLimit-Remaining}: requests left in the current window, 0 to limit
 * @param resetAfter {@code X-RateLimit-Reset-After}: time until the window resets, not negative
 */
public record RateLimitHeaders(Optional<String> bucket, int limit, int remaining, Duration resetAfter) {

    public RateLimitHeaders {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(resetAfter, "resetAfter");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        if (remaining < 0 || remaining > limit) {
            throw new IllegalArgumentException("remaining must be between 0 and limit " + limit + ", got " + remaining);
        }
        if (resetAfter.isNegative()) {
            throw new IllegalArgumentException("resetAfter must not be negative, got " + resetAfter);
        }
    }

    /**
     * Reads the headers of a response.
     *
     * @param header looks a header up by its name (as Discord spells it; case is the caller's
     *               business), null when absent
     * @return empty when the response carries no {@code X-RateLimit-Limit} (routes without limits)
     * @throws IllegalArgumentException naming the header when a value is present but malformed
     */
    public static Optional<RateLimitHeaders> parse(Function<String, @Nullable String> header) {
        String limit = header.apply("X-RateLimit-Limit");
        if (limit == null) {
            return Optional.empty();
        }
        String bucket = header.apply("X-RateLimit-Bucket");
        return Optional.of(new RateLimitHeaders(
                Optional.ofNullable(bucket).filter(b -> !b.isBlank()),
                integer("X-RateLimit-Limit", limit),
                integer("X-RateLimit-Remaining", required(header, "X-RateLimit-Remaining")),
                seconds("X-RateLimit-Reset-After", required(header, "X-RateLimit-Reset-After"))));
    }

    /** Seconds with decimals, as in {@code Reset-After} and a 429's {@code retry_after}, to a Duration. */
    public static Duration seconds(String name, String value) {
        try {
            BigDecimal nanos = new BigDecimal(value.trim()).movePointRight(9);
            if (nanos.signum() < 0) {
                throw new IllegalArgumentException(name + " must not be negative, got '" + value + "'");
            }
            return Duration.ofNanos(nanos.setScale(0, RoundingMode.CEILING).longValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(name + " must be a number of seconds, got '" + value + "'", e);
        }
    }

    private static String required(Function<String, @Nullable String> header, String name) {
        String value = header.apply(name);
        if (value == null) {
            throw new IllegalArgumentException(name + " is missing although X-RateLimit-Limit is present");
        }
        return value;
    }

    private static int integer(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'", e);
        }
    }
}
