package dev.matchwave.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.matchwave.emulator.ratelimit.BucketLimit;
import dev.matchwave.emulator.ratelimit.RateLimits;
import dev.matchwave.emulator.recording.RequestRecord;
import dev.matchwave.emulator.recording.RunFigures;
import dev.matchwave.matchmaking.time.ManualClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Discord's rate limits, looked at over plain HTTP on a manual clock: the headers of every
 * answer, the 429 bodies and headers per scope, interaction routes exempt from the global
 * limit, the invalid-request ban, unknown routes, the figures of a run.
 */
class RateLimitHttpTest {

    private static final String MESSAGES = "POST /channels/{channel_id}/messages";

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T12:00:00.250Z"));

    private DiscordEmulator start(RateLimits limits) {
        return DiscordEmulator.start(EmulatorConfig.builder().clock(clock).rateLimits(limits).build());
    }

    private static String post(EmulatedChannel channel) {
        return "channels/" + channel.id() + "/messages";
    }

    @Test
    void everyAnswerOnABucketCarriesTheRateLimitHeaders() {
        try (DiscordEmulator discord = start(RateLimits.discord().withRoute(MESSAGES, BucketLimit.of(3, 5)))) {
            RestClient rest = new RestClient(discord);
            EmulatedChannel general = discord.guild().channel("general");
            HttpResponse<String> first = rest.send("POST", post(general), "{\"content\":\"one\"}");
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(RestClient.header(first, "X-RateLimit-Limit")).isEqualTo("3");
            assertThat(RestClient.header(first, "X-RateLimit-Remaining")).isEqualTo("2");
            assertThat(RestClient.header(first, "X-RateLimit-Reset-After")).isEqualTo("5.000");
            assertThat(RestClient.header(first, "X-RateLimit-Reset")).isEqualTo(
                    String.format("%d.250", clock.instant().plusSeconds(5).getEpochSecond()));
            assertThat(RestClient.header(first, "X-RateLimit-Bucket")).matches("[0-9a-f]{32}");
            clock.advance(Duration.ofMillis(1500));
            HttpResponse<String> second = rest.send("POST", post(general), "{\"content\":\"two\"}");
            assertThat(RestClient.header(second, "X-RateLimit-Remaining")).isEqualTo("1");
            assertThat(RestClient.header(second, "X-RateLimit-Reset-After")).isEqualTo("3.500");
            assertThat(RestClient.header(second, "X-RateLimit-Bucket")).isEqualTo(RestClient.header(first, "X-RateLimit-Bucket"));
            // Routes without a top-level resource have no bucket: only the global limit.
            assertThat(RestClient.header(rest.get("users/@me"), "X-RateLimit-Bucket")).isNull();
        }
    }

    @Test
    void aFullBucketAnswers429WithScopeUserAndRetryAfter() {
        try (DiscordEmulator discord = start(RateLimits.discord().withRoute(MESSAGES, BucketLimit.of(2, 5)))) {
            RestClient rest = new RestClient(discord);
            EmulatedChannel general = discord.guild().channel("general");
            rest.send("POST", post(general), "{\"content\":\"1\"}");
            rest.send("POST", post(general), "{\"content\":\"2\"}");
            clock.advance(Duration.ofMillis(1750));
            HttpResponse<String> limited = rest.send("POST", post(general), "{\"content\":\"3\"}");
            assertThat(limited.statusCode()).isEqualTo(429);
            JsonNode body = RestClient.json(limited);
            assertThat(body.path("message").asText()).isEqualTo("You are being rate limited.");
            assertThat(body.path("retry_after").asDouble()).isEqualTo(3.25);
            assertThat(body.path("global").asBoolean(true)).isFalse();
            assertThat(RestClient.header(limited, "Retry-After")).isEqualTo("4");
            assertThat(RestClient.header(limited, "X-RateLimit-Scope")).isEqualTo("user");
            assertThat(RestClient.header(limited, "X-RateLimit-Global")).isNull();
            assertThat(RestClient.header(limited, "X-RateLimit-Remaining")).isEqualTo("0");
            assertThat(RestClient.header(limited, "Via")).isNotBlank();
            // Another channel is another bucket.
            assertThat(rest.send("POST", post(discord.guild().channel("general")).replace(
                    Long.toString(general.id()), Long.toString(discord.addUser("x").directMessageChannelId())),
                    "{\"content\":\"elsewhere\"}").statusCode()).isEqualTo(200);
            clock.advance(Duration.ofMillis(3250));
            assertThat(rest.send("POST", post(general), "{\"content\":\"3\"}").statusCode()).isEqualTo(200);
            assertThat(discord.channelMessages(general)).extracting(SeenMessage::content).containsExactly("1", "2", "3");

            RequestRecord recorded = discord.recording().requests(RequestRecord::rateLimited).get(0);
            assertThat(recorded.route()).isEqualTo(MESSAGES);
            assertThat(recorded.bucket()).hasValueSatisfying(b -> assertThat(b).endsWith(":channel_id=" + general.id()));
            assertThat(recorded.header("X-RateLimit-Scope")).hasValue("user");
            assertThat(recorded.header("Via")).isPresent();
        }
    }

    @Test
    void theGlobalLimitSpansRoutesButNotInteractions() {
        try (DiscordEmulator discord = start(RateLimits.discord().withGlobalPerSecond(3))) {
            RestClient rest = new RestClient(discord);
            rest.send("PUT", "applications/" + discord.applicationId() + "/commands",
                    "[{\"name\":\"ping\",\"description\":\"Ping\",\"type\":1}]");
            rest.get("users/@me");
            rest.get("channels/" + discord.guild().channel("general").id());
            HttpResponse<String> limited = rest.get("users/@me");
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(RestClient.json(limited).path("global").asBoolean()).isTrue();
            assertThat(RestClient.json(limited).path("retry_after").asDouble()).isEqualTo(0.75);
            assertThat(RestClient.header(limited, "X-RateLimit-Global")).isEqualTo("true");
            assertThat(RestClient.header(limited, "X-RateLimit-Scope")).isEqualTo("global");
            assertThat(RestClient.header(limited, "Retry-After")).isEqualTo("1");
            assertThat(RestClient.header(limited, "Via")).isNotBlank();

            // The interaction callback is exempt from the global limit.
            UserInteraction ping = discord.addUser("alice").runCommand("ping");
            HttpResponse<String> callback = rest.send("POST",
                    "interactions/" + ping.id() + "/" + ping.token() + "/callback",
                    "{\"type\":4,\"data\":{\"content\":\"pong\",\"flags\":64}}");
            assertThat(callback.statusCode()).isEqualTo(204);
            assertThat(ping.response()).get().extracting(SeenMessage::content).isEqualTo("pong");
            assertThat(RestClient.header(callback, "X-RateLimit-Bucket")).isNotNull();

            clock.advance(Duration.ofMillis(750));
            assertThat(rest.get("users/@me").statusCode()).isEqualTo(200);
            RunFigures figures = discord.recording().figures();
            assertThat(figures.rateLimited()).isEqualTo(1);
            assertThat(figures.interactionRequests()).isEqualTo(1);
            assertThat(figures.peakGlobalPerSecond()).isEqualTo(3);
        }
    }

    @Test
    void tooManyInvalidRequestsBanLikeCloudflare() {
        RateLimits limits = RateLimits.discord().withInvalidRequests(3, Duration.ofMinutes(10), Duration.ofMinutes(2));
        try (DiscordEmulator discord = start(limits)) {
            RestClient wrongToken = new RestClient(discord, "Bot wrong");
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> refused = wrongToken.get("users/@me");
                assertThat(refused.statusCode()).isEqualTo(401);
                assertThat(RestClient.json(refused).path("message").asText()).isEqualTo("401: Unauthorized");
            }
            RestClient rest = new RestClient(discord);
            HttpResponse<String> banned = rest.get("users/@me");
            assertThat(banned.statusCode()).isEqualTo(429);
            assertThat(RestClient.header(banned, "Via")).isNull();
            assertThat(RestClient.header(banned, "Retry-After")).isEqualTo("120");
            assertThat(banned.body()).isEqualTo("error code: 1015");
            clock.advance(Duration.ofMinutes(2));
            assertThat(rest.get("users/@me").statusCode()).isEqualTo(200);
            assertThat(discord.recording().figures().invalid()).isEqualTo(4);
        }
    }

    @Test
    void anUnknownRouteAnswersDiscords404AndIsCounted() {
        try (DiscordEmulator discord = start(RateLimits.discord())) {
            RestClient rest = new RestClient(discord);
            long mark = discord.recording().mark();
            HttpResponse<String> missing = rest.send("POST", "guilds/1/bans/2", "{}");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.body()).isEqualTo("{\"message\":\"404: Not Found\",\"code\":0}");
            assertThat(rest.get("users/@me").statusCode()).isEqualTo(200);
            RunFigures run = discord.recording().figuresSince(mark);
            assertThat(run.requests()).isEqualTo(2);
            assertThat(run.unknownRoutes()).isEqualTo(1);
            assertThat(run.byRoute()).containsKeys("POST /guilds/1/bans/2", "GET /users/@me");
            assertThat(run.summary()).contains("1 on unknown routes");
            // A known resource that does not exist is Discord's own 404 with its code.
            HttpResponse<String> unknownChannel = rest.get("channels/123");
            assertThat(RestClient.json(unknownChannel).path("code").asInt()).isEqualTo(10003);
            assertThat(discord.recording().figuresSince(mark).unknownRoutes()).isEqualTo(1);
        }
    }

    @Test
    void anInteractionMustBeAnsweredWithinTheDeadlineAndItsTokenExpires() {
        try (DiscordEmulator discord = start(RateLimits.generous())) {
            RestClient rest = new RestClient(discord);
            rest.send("PUT", "applications/" + discord.applicationId() + "/commands",
                    "[{\"name\":\"ping\",\"description\":\"Ping\",\"type\":1}]");
            EmulatedUser alice = discord.addUser("alice");
            UserInteraction late = alice.runCommand("ping");
            clock.advance(Duration.ofMillis(3001));
            assertThat(late.failed()).isTrue();
            HttpResponse<String> tooLate = rest.send("POST", "interactions/" + late.id() + "/" + late.token() + "/callback",
                    "{\"type\":4,\"data\":{\"content\":\"pong\"}}");
            assertThat(tooLate.statusCode()).isEqualTo(404);
            assertThat(RestClient.json(tooLate).path("code").asInt()).isEqualTo(10062);

            UserInteraction ping = alice.runCommand("ping");
            String callback = "interactions/" + ping.id() + "/" + ping.token() + "/callback";
            assertThat(rest.send("POST", callback + "?with_response=true", "{\"type\":5,\"data\":{\"flags\":64}}")
                    .statusCode()).isEqualTo(200);
            HttpResponse<String> twice = rest.send("POST", callback, "{\"type\":4,\"data\":{\"content\":\"x\"}}");
            assertThat(RestClient.json(twice).path("code").asInt()).isEqualTo(40060);
            String original = "webhooks/" + discord.applicationId() + "/" + ping.token() + "/messages/@original";
            clock.advance(Duration.ofMinutes(14));
            assertThat(rest.send("PATCH", original, "{\"content\":\"still here\"}").statusCode()).isEqualTo(200);
            clock.advance(Duration.ofMinutes(1).plusMillis(1));
            HttpResponse<String> expired = rest.send("PATCH", original, "{\"content\":\"too late\"}");
            assertThat(expired.statusCode()).isEqualTo(401);
            assertThat(RestClient.json(expired).path("code").asInt()).isEqualTo(50027);
            assertThat(ping.response()).get().extracting(SeenMessage::content).isEqualTo("still here");
        }
    }

    @Test
    void discordsMessageLimitsAreEnforced() {
        try (DiscordEmulator discord = start(RateLimits.generous())) {
            RestClient rest = new RestClient(discord);
            String channel = post(discord.guild().channel("general"));
            HttpResponse<String> empty = rest.send("POST", channel, "{\"content\":\"\"}");
            assertThat(RestClient.json(empty).path("code").asInt()).isEqualTo(50006);
            HttpResponse<String> tooLong = rest.send("POST", channel, "{\"content\":\"" + "x".repeat(2001) + "\"}");
            assertThat(tooLong.statusCode()).isEqualTo(400);
            assertThat(RestClient.json(tooLong).path("errors").path("content").path("_errors").get(0).path("code").asText())
                    .isEqualTo("BASE_TYPE_MAX_LENGTH");
            String sixButtons = "{\"content\":\"x\",\"components\":[{\"type\":1,\"components\":["
                    + String.join(",", List.of(1, 2, 3, 4, 5, 6).stream()
                    .map(i -> "{\"type\":2,\"style\":1,\"label\":\"b\",\"custom_id\":\"b" + i + "\"}").toList()) + "]}]}";
            assertThat(rest.send("POST", channel, sixButtons).statusCode()).isEqualTo(400);
            assertThat(discord.recording().figures().route(MESSAGES).failed()).isEqualTo(3);
        }
    }
}
