package dev.matchwave.bot.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.bot.config.BotConfig;
import dev.matchwave.bot.config.DatabaseSettings;
import dev.matchwave.bot.config.QueueStoreSettings;
import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.QueuedPlayer;
import dev.matchwave.matchmaking.ladder.player.ProfileForm;
import dev.matchwave.matchmaking.queue.PlayerState;
import dev.matchwave.matchmaking.queue.store.StoredEntry;
import dev.matchwave.matchmaking.queue.store.StoredQueue;
import dev.matchwave.matchmaking.time.ManualClock;
import dev.matchwave.notification.ratelimit.DiscordLimits;
import dev.matchwave.notification.ratelimit.RateLimiter;
import dev.matchwave.persistence.DatabaseConfig;
import dev.matchwave.queue.redis.RedisServer;
import dev.matchwave.discord.timing.FlowRecorder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The ladder with its queue on Redis ({@code MATCHWAVE_QUEUE_STORE=redis://...}, a real
 * redis-server): the queue survives a restart of the application with its wait cycles, and a
 * wave's players leave the Redis queue for their match.
 */
class RedisQueueLadderTest {

    static final PlayerId ALICE = PlayerId.of(2001);
    static final PlayerId BOB = PlayerId.of(2002);
    static final PlayerId CAROL = PlayerId.of(2003);

    private final ManualClock clock = ManualClock.atEpochSecond(1_767_225_600L);
    private final LadderApplicationTest.RecordingSink sink = new LadderApplicationTest.RecordingSink();
    private final Path dir = newDirectory();
    private final BotConfig config = new BotConfig(Optional.empty(), Optional.empty(), Optional.empty(),
            new DatabaseSettings.Embedded(dir), Set.of(), Duration.ofSeconds(45), "evoladder", OptionalLong.empty(),
            OptionalInt.empty())
            .withQueueStore(new QueueStoreSettings.Redis("127.0.0.1", RedisServer.shared().port(),
                    "ladder-test-" + System.nanoTime() + ":"));
    private LadderApplication app;

    private static Path newDirectory() {
        try {
            return Files.createTempDirectory("matchwave-redis-app-");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private LadderApplication start() {
        LadderApplication started = LadderApplication.builder(config)
                .clock(clock)
                .scheduler(clock)
                .sink(sink)
                .flows(new FlowRecorder(() -> 0L, LadderApplication.waveTargets(), report -> { }))
                .rateLimiter(RateLimiter.discord(DiscordLimits.defaults(), clock))
                .databaseConfig(new DatabaseConfig(new DatabaseConfig.Embedded(dir, 0,
                        Map.of("fsync", "off", "synchronous_commit", "off", "full_page_writes", "off")), 4,
                        Duration.ofSeconds(5)))
                .build();
        started.start();
        return started;
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void setUp(PlayerId player, String userId, String race) {
        app.players().acceptTerms(player);
        assertThat(app.players().setup(player, new ProfileForm(userId, userId + "#1234", List.of(), "DE", "EUW"))
                .isValid()).isTrue();
        assertThat(app.players().savePreferences(player, Set.of(race), Set.of()).isValid()).isTrue();
    }

    @Test
    void theQueueOnRedisSurvivesARestartAndAWaveTakesItsPlayersOut() {
        app = start();
        setUp(ALICE, "alice", "bw_zerg");
        setUp(CAROL, "carol", "bw_protoss");
        setUp(BOB, "bob", "sc2_terran");
        app.join(ALICE);
        app.join(CAROL);
        clock.advance(Duration.ofSeconds(46)); // a wave: two Brood War players cannot meet
        List<QueuedPlayer> before = app.queue().snapshot().queued();
        assertThat(before).extracting(QueuedPlayer::waitCycles).containsExactly(1, 1);

        app.close();
        app = start();

        assertThat(app.queue().restored()).containsExactlyElementsOf(before);
        app.join(BOB);
        clock.advance(Duration.ofSeconds(45));
        assertThat(app.queue().stateOf(ALICE)).isEqualTo(PlayerState.IN_MATCH);
        assertThat(app.queue().stateOf(BOB)).isEqualTo(PlayerState.IN_MATCH);
        StoredQueue stored = app.queueStore().load(Instant.EPOCH);
        assertThat(stored.entries()).extracting(StoredEntry::player).extracting(QueuedPlayer::id)
                .containsExactly(CAROL);
        assertThat(stored.entries().get(0).player().waitCycles()).isEqualTo(2);
        assertThat(stored.inMatch()).containsExactlyInAnyOrder(ALICE, BOB);
        assertThat(sink.log()).contains("MatchFound " + ALICE, "MatchFound " + BOB);
    }
}
