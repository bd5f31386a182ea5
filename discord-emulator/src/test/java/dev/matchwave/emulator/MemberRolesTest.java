package dev.matchwave.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.matchwave.emulator.ratelimit.RateLimits;
import dev.matchwave.emulator.recording.RequestRecord;
import dev.matchwave.matchmaking.time.ManualClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The guild member role routes: what each answers, and their buckets (10 a second per guild and route). */
class MemberRolesTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T12:00:00Z"));

    private DiscordEmulator start(RateLimits limits) {
        return DiscordEmulator.start(EmulatorConfig.builder().clock(clock).rateLimits(limits).build());
    }

    @Test
    void rolesAreAddedRemovedAndReplacedOnlyWhereTheBotMay() {
        try (DiscordEmulator discord = start(RateLimits.generous())) {
            RestClient rest = new RestClient(discord);
            EmulatedUser alice = discord.addUser("alice");
            long gold = discord.createRole("Rank S");
            long silver = discord.createRole("Rank A");
            long guild = discord.guild().id();
            String member = "guilds/" + guild + "/members/" + alice.id();

            assertThat(rest.send("PUT", member + "/roles/" + gold, "").statusCode()).isEqualTo(204);
            assertThat(rest.send("PUT", member + "/roles/" + gold, "").statusCode()).isEqualTo(204);
            assertThat(discord.memberRoles(alice.id())).containsExactly(gold);
            assertThat(RestClient.json(rest.get(member)).path("roles").toString()).contains(Long.toString(gold));

            assertThat(rest.send("DELETE", member + "/roles/" + gold, "").statusCode()).isEqualTo(204);
            assertThat(rest.send("DELETE", member + "/roles/" + gold, "").statusCode()).isEqualTo(204);
            assertThat(discord.memberRoles(alice.id())).isEmpty();

            HttpResponse<String> patched = rest.send("PATCH", member, "{\"roles\":[\"" + silver + "\",\"" + gold + "\"]}");
            assertThat(patched.statusCode()).isEqualTo(200);
            assertThat(discord.memberRoles(alice.id())).containsExactlyInAnyOrder(gold, silver);

            // The guild's roles: @everyone, the two created ones, the bot's own above them.
            JsonNode roles = RestClient.json(rest.get("guilds/" + guild + "/roles"));
            List<String> names = new ArrayList<>();
            roles.forEach(r -> names.add(r.path("name").asText() + "@" + r.path("position").asInt()));
            assertThat(names).containsExactly("@everyone@0", "Rank S@1", "Rank A@2", "matchwave@3");

            // What Discord refuses: an unknown role, the bot's own role, a user who is not a member.
            HttpResponse<String> unknownRole = rest.send("PUT", member + "/roles/42", "");
            assertThat(unknownRole.statusCode()).isEqualTo(404);
            assertThat(RestClient.json(unknownRole).path("code").asInt()).isEqualTo(10011);
            long botRole = roles.get(3).path("id").asLong();
            HttpResponse<String> botsOwn = rest.send("PUT", member + "/roles/" + botRole, "");
            assertThat(botsOwn.statusCode()).isEqualTo(403);
            assertThat(RestClient.json(botsOwn).path("code").asInt()).isEqualTo(50013);
            discord.removeMember(alice.id());
            HttpResponse<String> gone = rest.send("PUT", member + "/roles/" + gold, "");
            assertThat(gone.statusCode()).isEqualTo(404);
            assertThat(RestClient.json(gone).path("code").asInt()).isEqualTo(10007);
            assertThat(discord.memberRoles(alice.id())).isEmpty();
        }
    }

    @Test
    void eachMemberRoleRouteIsABucketOfTenASecondPerGuild() {
        try (DiscordEmulator discord = start(RateLimits.discord())) {
            RestClient rest = new RestClient(discord);
            long role = discord.createRole("Rank B");
            long guild = discord.guild().id();
            List<EmulatedUser> users = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                users.add(discord.addUser("player" + i));
            }
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 11; i++) {
                statuses.add(rest.send("PUT", "guilds/" + guild + "/members/" + users.get(i).id() + "/roles/" + role, "")
                        .statusCode());
            }
            assertThat(statuses.subList(0, 10)).containsOnly(204);
            assertThat(statuses.get(10)).isEqualTo(429);
            // Removing is a bucket of its own; the add bucket is free again a second later.
            HttpResponse<String> remove = rest.send("DELETE", "guilds/" + guild + "/members/" + users.get(0).id()
                    + "/roles/" + role, "");
            assertThat(remove.statusCode()).isEqualTo(204);
            assertThat(RestClient.header(remove, "X-RateLimit-Limit")).isEqualTo("10");
            clock.advance(Duration.ofSeconds(1));
            assertThat(rest.send("PUT", "guilds/" + guild + "/members/" + users.get(11).id() + "/roles/" + role, "")
                    .statusCode()).isEqualTo(204);
            assertThat(discord.recording().requests(r -> r.status() == 429)).extracting(RequestRecord::route)
                    .containsExactly("PUT /guilds/{guild_id}/members/{user_id}/roles/{role_id}");
        }
    }
}
