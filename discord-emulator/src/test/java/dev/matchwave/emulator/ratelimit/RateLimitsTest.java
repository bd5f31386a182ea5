package dev.matchwave.emulator.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimitsTest {

    @Test
    void discordsFigures() {
        RateLimits discord = RateLimits.discord();
        assertThat(discord.globalPerSecond()).isEqualTo(50);
        assertThat(discord.invalidRequestLimit()).isEqualTo(10_000);
        assertThat(discord.invalidRequestWindow()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void whichBucketARequestFallsIn() {
        RateLimits limits = RateLimits.discord().withRoute("GET /users/@me", BucketLimit.of(1, 1));
        assertThat(limits.bucketOf(new LimitedRoute("POST /channels/{channel_id}/messages", "channel_id=1", false)))
                .hasValue(BucketLimit.of(5, 5));
        assertThat(limits.bucketOf(new LimitedRoute("POST /users/@me/channels", "", false))).isEmpty();
        assertThat(limits.bucketOf(new LimitedRoute("GET /users/@me", "", false))).hasValue(BucketLimit.of(1, 1));
        assertThat(limits.bucketOf(new LimitedRoute("POST /webhooks/{application_id}/{interaction_token}",
                "interaction_token=x", true))).hasValue(BucketLimit.of(5, 2));
    }

    @Test
    void badOptionsFailNamingTheOption() {
        assertThatThrownBy(() -> RateLimits.discord().withGlobalPerSecond(0))
                .hasMessage("globalPerSecond must be at least 1, got 0");
        assertThatThrownBy(() -> new BucketLimit(0, Duration.ofSeconds(1))).hasMessage("requests must be at least 1, got 0");
        assertThatThrownBy(() -> new BucketLimit(1, Duration.ZERO)).hasMessageContaining("window must be at least 1 ms");
        assertThatThrownBy(() -> RateLimits.discord().withRoute("channels/{channel_id}/messages", BucketLimit.of(1, 1)))
                .hasMessageContaining("routes: a key must look like 'POST /channels/{channel_id}/messages'");
        assertThatThrownBy(() -> RateLimits.discord().withRoute("GET /users/@me", BucketLimit.of(1, 1))
                .withRoute("GET /users/@me", BucketLimit.of(2, 1))).hasMessage("routes: GET /users/@me is set twice");
        assertThatThrownBy(() -> RateLimits.discord().withInvalidRequests(10, Duration.ZERO, Duration.ofSeconds(1)))
                .hasMessageContaining("invalidRequestWindow must be positive");
        assertThat(new RateLimits(1, BucketLimit.of(1, 1), BucketLimit.of(1, 1), Map.of(), 1, Duration.ofSeconds(1),
                Duration.ofSeconds(1)).routes()).isEmpty();
    }
}
