package dev.matchwave.notification.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Discord model's own rules, beyond the contract every limiter keeps. */
class DiscordRateLimiterTest {

    private final EventLog log = new EventLog();

    /** Global 3 per second, 5 per 5 s per route until headers say otherwise, no headroom. */
    private final RateLimiter limiter = RateLimiter.discord(
            new DiscordLimits(3, Duration.ofSeconds(1), Duration.ZERO, 5, Duration.ofSeconds(5)), log.clock);

    private static Route channel(String id) {
        return Route.channelMessage(id);
    }

    private static RateLimitHeaders headers(String bucket, int limit, int remaining, double resetAfterSeconds) {
        return new RateLimitHeaders(Optional.of(bucket), limit, remaining,
                Duration.ofMillis(Math.round(resetAfterSeconds * 1000)));
    }

    @Test
    void channelMessagesShareTheGlobalBucketAndInteractionEditsDoNot() {
        log.reserve(limiter, channel("a"));
        log.reserve(limiter, channel("b"));
        log.reserve(limiter, channel("c"));
        for (int i = 0; i < 10; i++) {
            log.reserve(limiter, Route.interactionEdit("token-" + i));
        }
        log.reserve(limiter, channel("d"));
        log.reserve(limiter, Route.openDm());

        assertThat(log.events()).containsExactly("R0.00", "R0.00", "R0.00",
                "R0.00", "R0.00", "R0.00", "R0.00", "R0.00", "R0.00", "R0.00", "R0.00", "R0.00", "R0.00",
                "R1.00", "R1.00");
    }

    @Test
    void aRouteWithoutHeadersYetGetsTheAssumedLimit() {
        RateLimiter roomy = RateLimiter.discord(DiscordLimits.defaults().withHeadroom(Duration.ZERO), log.clock);
        for (int i = 0; i < 7; i++) {
            log.reserve(roomy, channel("dm"));
        }

        assertThat(log.events()).containsExactly("R0.00", "R0.00", "R0.00", "R0.00", "R0.00", "R5.00", "R5.00");
    }

    @Test
    void theHeadersReplaceTheAssumedLimit() {
        RateLimiter roomy = RateLimiter.discord(DiscordLimits.defaults().withHeadroom(Duration.ZERO), log.clock);
        log.acquire(roomy, channel("dm"));
        roomy.onResponse(channel("dm"), headers("bucket-1", 2, 1, 2.0));
        log.acquire(roomy, channel("dm"));
        log.acquire(roomy, channel("dm"));

        assertThat(log.events()).containsExactly("R0.00", "R0.00", "R2.00");
    }

    @Test
    void aRouteAnsweredWithoutHeadersHasTheGlobalLimitOnlyUntilHeadersCome() {
        RateLimiter roomy = RateLimiter.discord(DiscordLimits.defaults().withHeadroom(Duration.ZERO), log.clock);
        log.acquire(roomy, Route.openDm());
        roomy.onResponseWithoutLimit(Route.openDm());
        for (int i = 0; i < 7; i++) {
            log.reserve(roomy, Route.openDm());
        }
        roomy.onResponse(Route.openDm(), headers("dm-bucket", 1, 0, 2.0));
        log.reserve(roomy, Route.openDm());

        assertThat(log.events()).containsExactly("R0.00", "R0.00", "R0.00", "R0.00", "R0.00", "R0.00", "R0.00",
                "R0.00", "R2.00");
    }

    @Test
    void withoutRouteLimitTheGlobalLimitStillHolds() {
        limiter.onResponseWithoutLimit(Route.openDm());
        for (int i = 0; i < 4; i++) {
            log.reserve(limiter, Route.openDm());
        }

        assertThat(log.events()).containsExactly("R0.00", "R0.00", "R0.00", "R1.00");
    }

    @Test
    void routesThatDiscordPutsInOneBucketShareItPerMajorParameter() {
        RateLimiter roomy = RateLimiter.discord(DiscordLimits.defaults().withHeadroom(Duration.ZERO), log.clock);
        Route edit = new Route("PATCH /channels/{channel.id}/messages/{message.id}", "dm", true);
        roomy.onResponse(channel("dm"), headers("shared", 1, 0, 3.0));
        roomy.onResponse(edit, headers("shared", 1, 0, 3.0));
        log.reserve(roomy, edit);
        log.reserve(roomy, channel("other"));

        // Both said Remaining 0 with 3 s to go: the shared bucket for "dm" waits, "other" does not.
        assertThat(log.events()).containsExactly("R3.00", "R0.00");
    }

    @Test
    void aGlobal429HoldsBackTheGlobalRoutesOnly() {
        limiter.onRateLimited(channel("a"), Duration.ofMillis(1_500), true);
        log.reserve(limiter, channel("b"));
        log.reserve(limiter, Route.interactionEdit("token"));

        assertThat(log.events()).containsExactly("R1.50", "R0.00");
    }

    @Test
    void aRoute429HoldsBackThatRouteOnly() {
        limiter.onRateLimited(channel("a"), Duration.ofMillis(700), false);
        log.reserve(limiter, channel("a"));
        log.reserve(limiter, channel("b"));

        assertThat(log.events()).containsExactly("R0.70", "R0.00");
    }

    @Test
    void remainingZeroHoldsTheRouteUntilReset() {
        limiter.onResponse(channel("a"), headers("b1", 5, 0, 4.25));
        log.reserve(limiter, channel("a"));

        assertThat(log.events()).containsExactly("R4.25");
    }

    @Test
    void aRequestHeldBackByItsRouteDoesNotHoldBackOtherRoutes() {
        limiter.onRateLimited(channel("slow"), Duration.ofSeconds(10), false);
        log.reserve(limiter, channel("slow"));
        log.reserve(limiter, channel("b"));
        log.reserve(limiter, channel("c"));
        log.reserve(limiter, channel("d"));
        log.reserve(limiter, channel("e"));

        // The global bucket (3 per second) fills from now; "slow" took a slot 10 s later.
        assertThat(log.events()).containsExactly("R10.00", "R0.00", "R0.00", "R0.00", "R1.00");
    }

    @Test
    void headroomWidensEveryWindow() {
        RateLimiter careful = RateLimiter.discord(
                new DiscordLimits(1, Duration.ofSeconds(1), Duration.ofMillis(25), 5, Duration.ofSeconds(5)), log.clock);
        log.reserve(careful, channel("a"));
        log.reserve(careful, channel("b"));

        assertThat(log.events()).containsExactly("R0.00", "R1.03");
        assertThat(log.admissions().get(1)).isEqualTo(EventLog.START.plusMillis(1_025));
    }

    @Test
    void perRouteBucketsAreForgottenOnceIdle() {
        DiscordRateLimiter discord = new DiscordRateLimiter(DiscordLimits.defaults(), log.clock);
        for (int i = 0; i < 20_000; i++) {
            discord.reserve(channel("dm-" + i));
            discord.reserve(Route.interactionEdit("token-" + i));
            log.clock.advance(Duration.ofMillis(100));
        }

        // 5 s (plus headroom) of routes are live at 10 routes per second... plus the sweep's lag.
        assertThat(discord.bucketCount()).isLessThan(2_200);
    }
}
