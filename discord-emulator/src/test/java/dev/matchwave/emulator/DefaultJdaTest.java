package dev.matchwave.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.ChunkingFilter;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A bot built the other common way: JDA's default builder, with the member intent, every
 * member cached and chunked at start (op 8 answered with GUILD_MEMBERS_CHUNK).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DefaultJdaTest {

    @Test
    void theDefaultBuilderWithMemberChunkingGetsReady() throws InterruptedException {
        JdaErrors.install();
        try (DiscordEmulator discord = DiscordEmulator.start()) {
            discord.addUser("alice");
            discord.addUser("bob");
            JDA jda = JDABuilder.createDefault(discord.botToken(), GatewayIntent.GUILD_MEMBERS)
                    .setRestConfig(new RestConfig().setBaseUrl(discord.apiUrl().toString()))
                    .setSessionController(new SessionControllerAdapter() {
                        @Override
                        public String getGateway() {
                            return discord.gatewayUrl().toString();
                        }
                    })
                    .setChunkingFilter(ChunkingFilter.ALL)
                    .setMemberCachePolicy(MemberCachePolicy.ALL)
                    .setEnableShutdownHook(false)
                    .build();
            try {
                jda.awaitReady();
                Guild guild = jda.getGuildById(discord.guild().id());
                // The owner, the bot, alice and bob.
                assertThat(guild.getMembers()).hasSize(4);
                assertThat(guild.getMembers()).extracting(m -> m.getUser().getName()).contains("alice", "bob");
            } finally {
                jda.shutdownNow();
                jda.awaitShutdown(Duration.ofSeconds(5));
            }
            assertThat(JdaErrors.drain()).isEmpty();
        }
    }
}
