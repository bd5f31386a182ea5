package dev.matchwave.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.matchwave.emulator.ratelimit.RateLimits;
import dev.matchwave.matchmaking.time.ManualClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The routes the JDA tests do not reach, over plain HTTP: what each answers, in Discord's shapes. */
class RestRoutesTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T12:00:00Z"));

    private DiscordEmulator start() {
        return DiscordEmulator.start(EmulatorConfig.builder().clock(clock).rateLimits(RateLimits.generous()).build());
    }

    @Test
    void usersGatewayGuildAndMembers() {
        try (DiscordEmulator discord = start()) {
            RestClient rest = new RestClient(discord);
            EmulatedUser alice = discord.addUser("alice");
            JsonNode gateway = RestClient.json(rest.get("gateway/bot"));
            assertThat(gateway.path("url").asText()).isEqualTo(discord.gatewayUrl().toString());
            assertThat(gateway.path("shards").asInt()).isEqualTo(1);
            assertThat(RestClient.json(rest.get("users/" + alice.id())).path("username").asText()).isEqualTo("alice");
            assertThat(RestClient.json(rest.get("users/42")).path("code").asInt()).isEqualTo(10013);
            long guild = discord.guild().id();
            assertThat(RestClient.json(rest.get("guilds/" + guild)).path("name").asText()).isEqualTo("Emulated Guild");
            assertThat(RestClient.json(rest.get("guilds/" + guild + "/channels")).get(0).path("name").asText())
                    .isEqualTo("general");
            assertThat(RestClient.json(rest.get("guilds/" + guild + "/members/" + alice.id())).path("user").path("id")
                    .asText()).isEqualTo(Long.toString(alice.id()));
            assertThat(RestClient.json(rest.get("guilds/" + guild + "/members/7")).path("code").asInt()).isEqualTo(10007);
            JsonNode dm = RestClient.json(rest.send("POST", "users/@me/channels", "{\"recipient_id\":\"" + alice.id() + "\"}"));
            assertThat(dm.path("id").asLong()).isEqualTo(alice.directMessageChannelId());
            assertThat(dm.path("type").asInt()).isEqualTo(1);
            assertThat(dm.path("recipients").get(0).path("id").asText()).isEqualTo(Long.toString(alice.id()));
            assertThat(RestClient.json(rest.get("channels/" + dm.path("id").asText())).path("type").asInt()).isEqualTo(1);
        }
    }

    /**
     * Create Message with {@code nonce} and {@code enforce_nonce}: the same create again (a bot
     * retrying after a crash) answers the first message and makes no other; without
     * {@code enforce_nonce}, or with another nonce, each create makes a message.
     */
    @Test
    void aCreateWithAnEnforcedNonceIsMadeOnce() {
        try (DiscordEmulator discord = start()) {
            RestClient rest = new RestClient(discord);
            EmulatedUser alice = discord.addUser("alice");
            long dm = RestClient.json(rest.send("POST", "users/@me/channels", "{\"recipient_id\":\"" + alice.id() + "\"}"))
                    .path("id").asLong();
            String path = "channels/" + dm + "/messages";
            String first = RestClient.json(rest.send("POST", path, "{\"content\":\"match found\",\"nonce\":\"mw-7\",\"enforce_nonce\":true}"))
                    .path("id").asText();
            HttpResponse<String> again = rest.send("POST", path, "{\"content\":\"match found (again)\",\"nonce\":\"mw-7\",\"enforce_nonce\":true}");
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(RestClient.json(again).path("id").asText()).isEqualTo(first);
            assertThat(RestClient.json(again).path("content").asText()).isEqualTo("match found");
            assertThat(discord.nonceReplays()).isEqualTo(1);

            String other = RestClient.json(rest.send("POST", path, "{\"content\":\"x\",\"nonce\":\"mw-8\",\"enforce_nonce\":true}"))
                    .path("id").asText();
            String unenforced = RestClient.json(rest.send("POST", path, "{\"content\":\"y\",\"nonce\":\"mw-7\"}"))
                    .path("id").asText();
            assertThat(List.of(first, other, unenforced)).doesNotHaveDuplicates();
            assertThat(RestClient.json(rest.get(path))).hasSize(3);
            assertThat(RestClient.json(rest.send("POST", path, "{\"content\":\"z\",\"nonce\":\"" + "n".repeat(26) + "\"}"))
                    .path("errors").toString()).contains("nonce");
        }
    }

    @Test
    void commandsOneByOne() {
        try (DiscordEmulator discord = start()) {
            RestClient rest = new RestClient(discord);
            String commands = "applications/" + discord.applicationId() + "/commands";
            JsonNode created = RestClient.json(rest.send("POST", commands, "{\"name\":\"ping\",\"description\":\"Ping\"}"));
            String id = created.path("id").asText();
            assertThat(created.path("application_id").asText()).isEqualTo(Long.toString(discord.applicationId()));
            assertThat(RestClient.json(rest.send("PATCH", commands + "/" + id, "{\"description\":\"Pong\"}"))
                    .path("description").asText()).isEqualTo("Pong");
            assertThat(RestClient.json(rest.get(commands + "/" + id)).path("description").asText()).isEqualTo("Pong");
            assertThat(RestClient.json(rest.get(commands))).hasSize(1);
            assertThat(rest.send("DELETE", commands + "/" + id, "").statusCode()).isEqualTo(204);
            assertThat(RestClient.json(rest.get(commands))).isEmpty();
            HttpResponse<String> badName = rest.send("POST", commands, "{\"name\":\"Bad Name\",\"description\":\"x\"}");
            assertThat(badName.statusCode()).isEqualTo(400);
            assertThat(RestClient.json(badName).path("code").asInt()).isEqualTo(50035);
            assertThat(rest.send("PUT", "applications/1/commands", "[]").statusCode()).isEqualTo(403);
        }
    }

    @Test
    void historyPagesNewestFirst() {
        try (DiscordEmulator discord = start()) {
            RestClient rest = new RestClient(discord);
            String channel = "channels/" + discord.guild().channel("general").id() + "/messages";
            List<String> ids = new ArrayList<>();
            for (int i = 1; i <= 6; i++) {
                ids.add(RestClient.json(rest.send("POST", channel, "{\"content\":\"m" + i + "\"}")).path("id").asText());
                clock.advance(Duration.ofSeconds(1));
            }
            assertThat(contents(rest.get(channel + "?limit=3"))).containsExactly("m6", "m5", "m4");
            assertThat(contents(rest.get(channel + "?limit=2&before=" + ids.get(3)))).containsExactly("m3", "m2");
            assertThat(contents(rest.get(channel + "?limit=2&after=" + ids.get(1)))).containsExactly("m4", "m3");
            assertThat(contents(rest.get(channel + "?limit=3&around=" + ids.get(2)))).containsExactly("m4", "m3", "m2");
            assertThat(RestClient.json(rest.get(channel + "?limit=101")).path("code").asInt()).isEqualTo(50035);
            JsonNode first = RestClient.json(rest.get(channel + "/" + ids.get(0)));
            assertThat(first.path("timestamp").asText()).isEqualTo("2026-01-01T12:00:00Z");
            assertThat(first.path("author").path("bot").asBoolean()).isTrue();
        }
    }

    private static List<String> contents(HttpResponse<String> response) {
        List<String> contents = new ArrayList<>();
        RestClient.json(response).forEach(m -> contents.add(m.path("content").asText()));
        return contents;
    }
}
