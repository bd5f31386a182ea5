package dev.matchwave.notification.dispatch;

import java.time.Duration;
import java.util.Objects;

/**
 * How failed sends are retried. A 429 is retried after its {@code retry_after} (the server
 * said when; but never sooner than {@code firstBackoff}, so that "retry after 0" does not turn
 * into a busy loop); any other retryable failure after an exponential backoff, or after its
 * retry-after hint when that is longer. A notification whose next try would start later than
 * {@code giveUpAfter} after its first try fails for good. No jitter: the rate limiter, not
 * chance, spreads the retries.
 *
 * @param firstBackoff the backoff after the first failure, positive
 * @param multiplier   the growth of the backoff per failure, at least 1
 * @param maxBackoff   the longest backoff, at least {@code firstBackoff}
 * @param giveUpAfter  the deadline, counted from the first try, positive
 */
public record RetryPolicy(Duration firstBackoff, double multiplier, Duration maxBackoff, Duration giveUpAfter) {

    public RetryPolicy {
        positive(firstBackoff, "firstBackoff");
        positive(maxBackoff, "maxBackoff");
        positive(giveUpAfter, "giveUpAfter");
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("multiplier must be a number of at least 1, got " + multiplier);
        }
        if (maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff must be at least firstBackoff " + firstBackoff + ", got "
                    + maxBackoff);
        }
    }

    /** 250 ms doubling up to 10 s; give up two minutes after the first try. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(Duration.ofMillis(250), 2.0, Duration.ofSeconds(10), Duration.ofMinutes(2));
    }

    /** The backoff after the {@code failures}-th failure (1 for the first). */
    public Duration backoff(int failures) {
        double nanos = firstBackoff.toNanos() * Math.pow(multiplier, Math.max(0, failures - 1));
        return nanos >= maxBackoff.toNanos() ? maxBackoff : Duration.ofNanos((long) nanos);
    }

    private static void positive(Duration value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + " must be positive, got " + value);
        }
    }
}
