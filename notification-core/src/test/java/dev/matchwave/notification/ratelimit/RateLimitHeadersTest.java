package dev.matchwave.notification.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RateLimitHeadersTest {

    @Test
    void readsDiscordsHeaders() {
        Map<String, String> response = Map.of("X-RateLimit-Limit", "5", "X-RateLimit-Remaining", "1",
                "X-RateLimit-Reset", "1470173023.123", "X-RateLimit-Reset-After", "1.337",
                "X-RateLimit-Bucket", "abcd1234");

        assertThat(RateLimitHeaders.parse(response::get)).contains(
                new RateLimitHeaders(Optional.of("abcd1234"), 5, 1, Duration.ofMillis(1_337)));
    }

    @Test
    void aResponseWithoutLimitsHasNoHeaders() {
        assertThat(RateLimitHeaders.parse(Map.<String, String>of()::get)).isEmpty();
    }

    @Test
    void malformedValuesAreNamed() {
        assertThatThrownBy(() -> RateLimitHeaders.parse(Map.of("X-RateLimit-Limit", "5",
                "X-RateLimit-Remaining", "many", "X-RateLimit-Reset-After", "1")::get))
                .hasMessage("X-RateLimit-Remaining must be a whole number, got 'many'");
        assertThatThrownBy(() -> RateLimitHeaders.parse(Map.of("X-RateLimit-Limit", "5",
                "X-RateLimit-Remaining", "1")::get))
                .hasMessage("X-RateLimit-Reset-After is missing although X-RateLimit-Limit is present");
        assertThatThrownBy(() -> RateLimitHeaders.seconds("retry_after", "-1"))
                .hasMessage("retry_after must not be negative, got '-1'");
    }

    @Test
    void secondsRoundUpToTheNanosecond() {
        assertThat(RateLimitHeaders.seconds("retry_after", "0.0000000001")).isEqualTo(Duration.ofNanos(1));
        assertThat(RateLimitHeaders.seconds("retry_after", "64.57")).isEqualTo(Duration.ofMillis(64_570));
    }
}
