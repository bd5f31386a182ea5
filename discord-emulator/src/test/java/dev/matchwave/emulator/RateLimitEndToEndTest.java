package dev.matchwave.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.emulator.ratelimit.BucketLimit;
import dev.matchwave.emulator.ratelimit.RateLimits;
import dev.matchwave.emulator.recording.RequestRecord;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.channel.concrete.PrivateChannel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The real JDA against the emulator's rate limits: it learns the buckets from the headers and
 * waits instead of hitting them, and when it does hit the global limit it reads the 429 as
 * Discord's (not Cloudflare's), waits, and retries until everything is delivered.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RateLimitEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @BeforeEach
    void collectJdaErrors() {
        JdaErrors.install();
    }

    @Test
    void overTheGlobalLimitJdaGets429sAndRetries() throws InterruptedException {
        EmulatorConfig config = EmulatorConfig.builder().rateLimits(RateLimits.discord().withGlobalPerSecond(5)).build();
        try (DiscordEmulator discord = DiscordEmulator.start(config);
             EmulatedBot bot = EmulatedBot.connect(discord)) {
            List<EmulatedUser> players = IntStream.range(0, 8).mapToObj(i -> discord.addUser("player" + i)).toList();
            long mark = discord.recording().mark();
            JDA jda = bot.jda();
            // Each DM is a POST users/@me/channels and a POST channels/{id}/messages: 16 requests on a budget of 5/s.
            players.forEach(p -> jda.openPrivateChannelById(p.id())
                    .flatMap((PrivateChannel channel) -> channel.sendMessage("match found, " + p.name())).queue());
            for (EmulatedUser player : players) {
                player.awaitDirectMessage(m -> m.content().equals("match found, " + player.name()), WAIT);
            }
            // The last answer is recorded a moment after the message appears.
            Poll.until("16 successful requests", () -> discord.recording().since(mark).stream()
                    .filter(r -> r.status() == 200).count() == 16, WAIT);
            List<RequestRecord> run = discord.recording().since(mark);
            List<RequestRecord> limited = run.stream().filter(RequestRecord::rateLimited).toList();
            assertThat(limited).isNotEmpty().allSatisfy(r -> {
                assertThat(r.header("X-RateLimit-Global")).hasValue("true");
                assertThat(r.header("X-RateLimit-Scope")).hasValue("global");
                assertThat(r.header("Retry-After")).hasValue("1");
                assertThat(r.header("Via")).isPresent();
            });
            // JDA retried: every message arrived exactly once, and each refused request was sent again.
            players.forEach(p -> assertThat(p.directMessages()).hasSize(1));
            assertThat(run.stream().filter(r -> r.status() == 200).count()).isEqualTo(16);
            assertThat(run).hasSize(16 + limited.size());
            assertThat(discord.recording().figuresSince(mark).peakGlobalPerSecond()).isLessThanOrEqualTo(5);
            // JDA read them as Discord's global limit, not as a Cloudflare ban.
            assertThat(JdaErrors.drain()).isNotEmpty().allSatisfy(e -> assertThat(e).contains("global rate limit"));
        }
    }

    @Test
    void jdaReadsTheBucketHeadersAndWaitsInsteadOfHittingThem() throws InterruptedException {
        EmulatorConfig config = EmulatorConfig.builder().rateLimits(RateLimits.discord()
                .withRoute("POST /channels/{channel_id}/messages", new BucketLimit(2, Duration.ofMillis(700)))).build();
        try (DiscordEmulator discord = DiscordEmulator.start(config);
             EmulatedBot bot = EmulatedBot.connect(discord)) {
            EmulatedUser player = discord.addUser("player");
            PrivateChannel channel = bot.jda().openPrivateChannelById(player.id()).complete();
            long mark = discord.recording().mark();
            List<String> sent = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                sent.add("message " + i);
                channel.sendMessage("message " + i).queue();
            }
            player.await("five messages", u -> u.directMessages().size() == 5 ? java.util.Optional.of(true)
                    : java.util.Optional.empty(), WAIT);
            Poll.until("five requests recorded", () -> discord.recording().since(mark).size() >= 5, WAIT);
            assertThat(player.directMessages()).extracting(SeenMessage::content).containsExactlyElementsOf(sent);
            List<RequestRecord> run = discord.recording().since(mark);
            assertThat(run).extracting(RequestRecord::status).containsOnly(200);
            // Two per 700 ms: the fifth could not go before two windows had passed.
            Duration spread = Duration.between(run.get(0).at(), run.get(run.size() - 1).at());
            assertThat(spread).isGreaterThanOrEqualTo(Duration.ofMillis(1300));
            assertThat(run.get(0).header("X-RateLimit-Limit")).hasValue("2");
            assertThat(JdaErrors.drain()).isEmpty();
        }
    }
}
