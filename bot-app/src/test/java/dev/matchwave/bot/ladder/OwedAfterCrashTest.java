package dev.matchwave.bot.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.bot.config.BotConfig;
import dev.matchwave.bot.config.DatabaseSettings;
import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.match.Outcome;
import dev.matchwave.matchmaking.ladder.match.Match;
import dev.matchwave.matchmaking.ladder.player.ProfileForm;
import dev.matchwave.matchmaking.queue.JoinResult;
import dev.matchwave.matchmaking.time.ManualClock;
import dev.matchwave.notification.MatchAborted;
import dev.matchwave.notification.MatchDetails;
import dev.matchwave.notification.Notification;
import dev.matchwave.notification.ratelimit.DiscordLimits;
import dev.matchwave.notification.ratelimit.RateLimiter;
import dev.matchwave.persistence.DatabaseConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox across a crash (issue 12, "Nothing owed is forgotten"): the bot dies while
 * messages are owed (Discord never answered them), a new process on the same database delivers
 * exactly what is still owed, rebuilt from the stored matches, and nothing that was delivered.
 * The sink holds the sends the test says; clocks are manual.
 */
class OwedAfterCrashTest {

    static final PlayerId ALICE = PlayerId.of(1001);
    static final PlayerId BOB = PlayerId.of(1002);

    private Path dir;
    private LadderApplication app;

    @BeforeEach
    void directory() throws IOException {
        dir = Files.createTempDirectory("matchwave-owed-");
    }

    @AfterEach
    void cleanUp() {
        if (app != null) {
            app.close();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A sink that records each send and never answers those {@code held} picks (they are in flight at the crash). */
    private static LadderApplicationTest.RecordingSink sink(Predicate<Notification> held) {
        return new LadderApplicationTest.RecordingSink() {
            @Override
            public java.util.concurrent.CompletionStage<dev.matchwave.notification.dispatch.SendResult> send(
                    Notification notification, dev.matchwave.notification.ratelimit.Route route) {
                if (held.test(notification)) {
                    sent.add(notification);
                    return new CompletableFuture<>();
                }
                return super.send(notification, route);
            }
        };
    }

    private LadderApplication start(ManualClock clock, LadderApplicationTest.RecordingSink sink) {
        BotConfig config = new BotConfig(Optional.empty(), Optional.empty(), Optional.empty(),
                new DatabaseSettings.Embedded(dir), Set.of(), Duration.ofSeconds(45), "evoladder",
                OptionalLong.empty(), OptionalInt.empty());
        LadderApplication started = LadderApplication.builder(config)
                .clock(clock)
                .scheduler(clock)
                .sink(sink)
                .rateLimiter(RateLimiter.discord(DiscordLimits.defaults(), clock))
                .databaseConfig(new DatabaseConfig(new DatabaseConfig.Embedded(dir, 0,
                        Map.of("fsync", "off", "synchronous_commit", "off", "full_page_writes", "off")), 4,
                        Duration.ofSeconds(2)))
                .build();
        started.start();
        return started;
    }

    private void setUp(PlayerId player, String userId, String race) {
        app.players().acceptTerms(player);
        assertThat(app.players().setup(player, new ProfileForm(userId, userId + "#1234", List.of(), "DE", "EUW"))
                .isValid()).isTrue();
        assertThat(app.players().savePreferences(player, Set.of(race), Set.of()).isValid()).isTrue();
    }

    private static ManualClock clockAt(Instant at) {
        return ManualClock.atEpochSecond(at.getEpochSecond());
    }

    @Test
    void detailsInFlightAtTheCrashAreDeliveredOnceByTheNextProcessAndMatchFoundIsNotRepeated() {
        ManualClock clock = ManualClock.atEpochSecond(1_767_225_600L);
        LadderApplicationTest.RecordingSink first = sink(n -> n instanceof MatchDetails);
        app = start(clock, first);
        setUp(ALICE, "alice", "bw_zerg");
        setUp(BOB, "bob", "sc2_terran");
        assertThat(app.join(ALICE)).isInstanceOf(JoinResult.Joined.class);
        assertThat(app.join(BOB)).isInstanceOf(JoinResult.Joined.class);
        clock.advance(Duration.ofSeconds(45)); // the wave
        clock.advance(Duration.ofSeconds(1)); // phase 2 goes out, and Discord never answers it
        assertThat(first.log()).containsExactlyInAnyOrder("MatchFound 1001", "MatchFound 1002",
                "MatchDetails 1001", "MatchDetails 1002");
        app.flushDeliveryMarks();
        assertThat(app.notificationsOwed()).as("the two match messages in flight").isEqualTo(2);
        long matchId = app.lifecycle().openMatchOf(ALICE).orElseThrow().id().value();

        app.halt(); // kill -9
        app = null;

        LadderApplicationTest.RecordingSink second = sink(n -> false);
        ManualClock later = clockAt(clock.instant().plusSeconds(5));
        app = start(later, second);
        later.advance(Duration.ofSeconds(1));
        assertThat(second.log()).as("what the next process sent").containsExactlyInAnyOrder("MatchDetails 1001",
                "MatchDetails 1002");
        assertThat(second.sent).allSatisfy(n -> assertThat(n.matchId()).isEqualTo(matchId));
        app.flushDeliveryMarks();
        assertThat(app.notificationsOwed()).isZero();
        assertThat(app.queue().stateOf(ALICE)).as("still in his match").isEqualTo(
                dev.matchwave.matchmaking.queue.PlayerState.IN_MATCH);

        // A third process owes nothing.
        app.close();
        LadderApplicationTest.RecordingSink third = sink(n -> false);
        ManualClock third0 = clockAt(later.instant().plusSeconds(5));
        app = start(third0, third);
        third0.advance(Duration.ofSeconds(1));
        assertThat(third.sent).isEmpty();
    }

    @Test
    void anAbortToldDuringTheCrashIsToldOnceAfterItAndTheRearmedTimersTellNothingTwice() {
        ManualClock clock = ManualClock.atEpochSecond(1_767_225_600L);
        LadderApplicationTest.RecordingSink first = sink(n -> n instanceof MatchAborted);
        app = start(clock, first);
        setUp(ALICE, "alice", "bw_zerg");
        setUp(BOB, "bob", "sc2_terran");
        app.join(ALICE);
        app.join(BOB);
        clock.advance(Duration.ofSeconds(45));
        clock.advance(Duration.ofSeconds(1));
        Match match = app.lifecycle().openMatchOf(ALICE).orElseThrow();
        assertThat(app.lifecycle().abort(match.id(), ALICE)).isInstanceOf(Outcome.Accepted.class); // armed
        assertThat(app.lifecycle().abort(match.id(), ALICE)).isInstanceOf(Outcome.Accepted.class); // aborted
        clock.advance(Duration.ofSeconds(1));
        assertThat(first.log()).contains("MatchAborted 1001", "MatchAborted 1002");
        app.flushDeliveryMarks();
        assertThat(app.notificationsOwed()).isEqualTo(2);

        app.halt();
        app = null;

        LadderApplicationTest.RecordingSink second = sink(n -> false);
        ManualClock later = clockAt(clock.instant().plusSeconds(5));
        app = start(later, second);
        later.advance(Duration.ofSeconds(120)); // past every timer the match ever had
        assertThat(second.log()).containsExactlyInAnyOrder("MatchAborted 1001", "MatchAborted 1002");
        assertThat(second.sent).filteredOn(n -> n.player().equals(ALICE)).singleElement()
                .extracting(n -> ((MatchAborted) n).reason()).asString().contains("you aborted it");
    }
}
