package dev.matchwave.bot.ladder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.matchwave.bot.config.BotConfig;
import dev.matchwave.bot.config.DatabaseSettings;
import dev.matchwave.emulator.DiscordEmulator;
import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.QueuedPlayer;
import dev.matchwave.matchmaking.ladder.player.ProfileForm;
import dev.matchwave.matchmaking.time.ManualClock;
import dev.matchwave.persistence.DatabaseConfig;
import dev.matchwave.persistence.EmbeddedPostgresServer;
import dev.matchwave.persistence.lease.LeaderElection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two bots on one PostgreSQL server (an embedded one, reached by its URL as a real server is)
 * and one local Discord: the second stands by while the first holds the lease; the first dies
 * (halted: its lease is neither renewed nor released) and the second takes over within the
 * takeover time, connects, and has the queue the first left. The lease runs on the wall clock
 * with a short timing; the deadlines are derived from it. The ladders run on a virtual clock, so
 * no wave runs.
 */
class StandbyTakeoverTest {

    static final LeaderElection.Timing TIMING = new LeaderElection.Timing(Duration.ofSeconds(2),
            Duration.ofMillis(500), Duration.ofMillis(200));
    /** For what is not the lease: JDA's connection, the database's start, on a loaded machine. */
    static final Duration SLACK = Duration.ofSeconds(30);

    Path dir;
    EmbeddedPostgresServer server;
    DiscordEmulator discord;
    BotConfig config;
    final List<DiscordBot> bots = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        dir = Files.createTempDirectory("matchwave-standby-");
        server = EmbeddedPostgresServer.start(dir, 0, Map.of("fsync", "off", "synchronous_commit", "off"));
        discord = DiscordEmulator.start();
        config = new BotConfig(Optional.of(discord.botToken()), Optional.of(discord.apiUrl()),
                Optional.of(discord.gatewayUrl()), new DatabaseSettings.Embedded(dir), Set.of(),
                Duration.ofSeconds(45), BotConfig.DEFAULT_RULES, OptionalLong.empty(), OptionalInt.empty());
    }

    @AfterEach
    void tearDown() throws IOException {
        bots.forEach(DiscordBot::close);
        discord.close();
        server.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private DiscordBot bot() {
        ManualClock ladderTime = new ManualClock(Instant.parse("2026-03-01T12:00:00Z"));
        DiscordBot bot = DiscordBot.builder(config)
                .databaseConfig(DatabaseConfig.server(server.jdbcUrl(), EmbeddedPostgresServer.USER, "")
                        .withPoolSize(4).withConnectionTimeout(Duration.ofSeconds(5)))
                .clock(ladderTime)
                .scheduler(ladderTime)
                .leaseTiming(TIMING)
                .build();
        bots.add(bot);
        return bot;
    }

    private static void queueBroodWarPlayer(LadderApplication ladder, long id, String userId) {
        PlayerId player = PlayerId.of(id);
        ladder.players().acceptTerms(player);
        assertThat(ladder.players().setup(player, new ProfileForm(userId, userId + "#1234", List.of(), "DE", "EUW"))
                .isValid()).isTrue();
        assertThat(ladder.players().savePreferences(player, Set.of("bw_zerg"), Set.of()).isValid()).isTrue();
        ladder.join(player);
    }

    @Test
    void theStandbyWaitsThenTakesOverFromADeadLeaderWithItsQueue() throws Exception {
        DiscordBot first = bot();
        first.start();
        assertThat(first.leaseState()).contains(LeaderElection.State.LEADING);
        queueBroodWarPlayer(first.ladder(), 1, "alice");
        queueBroodWarPlayer(first.ladder(), 2, "carol");
        List<QueuedPlayer> queued = first.ladder().queue().snapshot().queued();
        assertThat(queued).hasSize(2);

        DiscordBot second = bot();
        CompletableFuture<Void> secondStarted = CompletableFuture.runAsync(() -> {
            try {
                second.start();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        // Several lease terms: the leader renews, the standby keeps waiting, without a ladder or Discord.
        Thread.sleep(TIMING.lease().multipliedBy(3).toMillis());
        assertThat(second.leaseState()).as("the second bot while the first renews")
                .contains(LeaderElection.State.STANDBY);
        assertThat(secondStarted).as("the second bot's start, standing by").isNotDone();
        assertThatThrownBy(second::ladder).as("the standby built no ladder").isInstanceOf(IllegalStateException.class);

        long diedAt = System.nanoTime();
        first.halt();
        Duration deadline = TIMING.takeover().plus(TIMING.renewEvery()).plusSeconds(2);
        while (second.leaseState().orElse(null) != LeaderElection.State.LEADING
                && System.nanoTime() - diedAt < deadline.toNanos()) {
            Thread.sleep(50);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - diedAt);
        assertThat(second.leaseState()).as("the second bot %s after the leader died (the lease is %s; takeover"
                + " expected within %s)", took, TIMING.lease(), deadline).contains(LeaderElection.State.LEADING);

        secondStarted.get(SLACK.toSeconds(), TimeUnit.SECONDS);
        discord.awaitBotConnected(SLACK);
        assertThat(second.ladder().queue().snapshot().queued()).as("the queue restored by the new leader")
                .containsExactlyElementsOf(queued);
    }
}
