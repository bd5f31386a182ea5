package dev.matchwave.discord.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.matchmaking.time.ManualClock;
import dev.matchwave.notification.ratelimit.DiscordLimits;
import dev.matchwave.notification.ratelimit.RateLimiter;
import dev.matchwave.notification.ratelimit.Route;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The Discord-model limiter behind JDA, on virtual time: waits are asserted in milliseconds. */
class RateLimiterGateTest {

    private final ManualClock clock = ManualClock.atEpochSecond(1_000);
    private final RestRequestGate gate = RestRequestGate.of(
            RateLimiter.discord(DiscordLimits.defaults().withHeadroom(Duration.ZERO), clock));

    private static RestRequest dm(String channel) {
        return GatedRestRateLimiter.describe(net.dv8tion.jda.api.requests.Route.Messages.SEND_MESSAGE.compile(channel));
    }

    private static RestRequest edit(String token) {
        return GatedRestRateLimiter.describe(
                net.dv8tion.jda.api.requests.Route.Interactions.EDIT_FOLLOWUP.compile("1", token, "@original"));
    }

    private long waitMillis(RestRequest request) {
        return Duration.ofNanos(gate.reserve(request, 0)).toMillis();
    }

    private static RestResponse ok(int limit, int remaining, Duration resetAfter) {
        return new RestResponse(200, Optional.of("b1"), OptionalInt.of(limit), OptionalInt.of(remaining),
                Optional.of(resetAfter), Optional.empty(), false, Optional.empty(), true);
    }

    private static RestResponse tooMany(Duration retryAfter, boolean global, boolean via) {
        return new RestResponse(429, Optional.empty(), OptionalInt.empty(), OptionalInt.empty(), Optional.empty(),
                Optional.of(retryAfter), global, Optional.of(global ? "global" : "user"), via);
    }

    @Test
    void mapsJdaRoutesToTheRoutesOfTheModel() {
        assertThat(RateLimiterGate.route(dm("555"))).isEqualTo(Route.channelMessage("555"));
        assertThat(RateLimiterGate.route(GatedRestRateLimiter.describe(
                net.dv8tion.jda.api.requests.Route.Self.CREATE_PRIVATE_CHANNEL.compile()))).isEqualTo(Route.openDm());
        Route edit = RateLimiterGate.route(edit("tok"));
        assertThat(edit.globallyLimited()).isFalse();
        assertThat(edit.majorParameter()).isNotEmpty();
        Route callback = RateLimiterGate.route(GatedRestRateLimiter.describe(
                net.dv8tion.jda.api.requests.Route.Interactions.CALLBACK.compile("9", "tok")));
        assertThat(callback.globallyLimited()).isFalse();
        Route commands = RateLimiterGate.route(GatedRestRateLimiter.describe(
                net.dv8tion.jda.api.requests.Route.Interactions.UPDATE_COMMANDS.compile("1")));
        assertThat(commands.globallyLimited()).isTrue();
    }

    @Test
    void theGlobalLimitHoldsBackTheFiftyFirstMessageButNoInteractionEdit() {
        for (int i = 0; i < 50; i++) {
            assertThat(waitMillis(dm("c" + i))).as("message %d", i).isZero();
        }
        assertThat(waitMillis(dm("c50"))).isEqualTo(1_000);
        assertThat(waitMillis(edit("t1"))).isZero();
        assertThat(waitMillis(edit("t2"))).isZero();
    }

    @Test
    void aRouteAnsweredWithoutRateLimitHeadersIsHeldByTheGlobalLimitOnly() {
        RestRequest open = GatedRestRateLimiter.describe(
                net.dv8tion.jda.api.requests.Route.Self.CREATE_PRIVATE_CHANNEL.compile());
        for (int i = 0; i < 5; i++) {
            assertThat(waitMillis(open)).isZero();
        }
        assertThat(waitMillis(open)).as("the assumed 5 per 5 s until an answer").isPositive();
        gate.observe(open, new RestResponse(200, Optional.empty(), OptionalInt.empty(), OptionalInt.empty(),
                Optional.empty(), Optional.empty(), false, Optional.empty(), true));
        for (int i = 0; i < 20; i++) {
            assertThat(waitMillis(open)).as("open %d after an answer without headers", i).isZero();
        }
    }

    @Test
    void anEmptiedBucketWaitsForItsResetOthersDoNot() {
        assertThat(waitMillis(dm("a"))).isZero();
        gate.observe(dm("a"), ok(5, 0, Duration.ofMillis(2_500)));
        assertThat(waitMillis(dm("a"))).isEqualTo(2_500);
        assertThat(waitMillis(dm("b"))).isZero();
    }

    @Test
    void aGlobal429HoldsBackEveryGlobalRouteButNotInteractions() {
        gate.observe(dm("a"), tooMany(Duration.ofSeconds(3), true, true));
        assertThat(waitMillis(dm("b"))).isEqualTo(3_000);
        assertThat(waitMillis(edit("t"))).isZero();
        clock.advance(Duration.ofSeconds(3));
        assertThat(waitMillis(dm("c"))).isZero();
    }

    @Test
    void aRoute429HoldsBackThatRouteOnly() {
        gate.observe(dm("a"), tooMany(Duration.ofSeconds(2), false, true));
        assertThat(waitMillis(dm("a"))).isEqualTo(2_000);
        assertThat(waitMillis(dm("b"))).isZero();
    }

    @Test
    void a429WithoutViaIsCloudflaresAndStopsEverythingGlobal() {
        gate.observe(dm("a"), tooMany(Duration.ofSeconds(4), false, false));
        assertThat(waitMillis(dm("b"))).isEqualTo(4_000);
    }

    @Test
    void inconsistentHeadersAreIgnored() {
        gate.observe(dm("a"), ok(5, 9, Duration.ofSeconds(30)));
        assertThat(waitMillis(dm("a"))).isZero();
    }

    @Test
    void theDefaultConnectionUsesTheDiscordModel() {
        assertThat(dev.matchwave.discord.connection.ConnectionOptions.discord("a.b.c", java.util.List.of()).gate())
                .isInstanceOf(RateLimiterGate.class);
    }
}
