package dev.matchwave.bot.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.bot.config.BotConfig;
import dev.matchwave.bot.config.DatabaseSettings;
import dev.matchwave.discord.delivery.MessageWriters;
import dev.matchwave.discord.timing.FlowRecorder;
import dev.matchwave.discord.timing.FlowReport;
import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.match.Match;
import dev.matchwave.matchmaking.ladder.match.MatchState;
import dev.matchwave.matchmaking.ladder.match.Outcome;
import dev.matchwave.matchmaking.ladder.match.Verdict;
import dev.matchwave.matchmaking.ladder.player.ProfileForm;
import dev.matchwave.matchmaking.queue.JoinResult;
import dev.matchwave.matchmaking.queue.PlayerState;
import dev.matchwave.matchmaking.time.ManualClock;
import dev.matchwave.notification.MatchCompleted;
import dev.matchwave.notification.MatchDetails;
import dev.matchwave.notification.MatchFound;
import dev.matchwave.notification.Notification;
import dev.matchwave.notification.dispatch.NotificationSink;
import dev.matchwave.notification.dispatch.SendResult;
import dev.matchwave.notification.ratelimit.DiscordLimits;
import dev.matchwave.notification.ratelimit.RateLimiter;
import dev.matchwave.notification.ratelimit.Route;
import dev.matchwave.persistence.DatabaseConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole ladder without Discord: embedded PostgreSQL, virtual time (a ManualClock is both
 * the clock and the scheduler, so waves, timers and dispatch run when the test moves time),
 * and a sink that records what each player was told.
 */
class LadderApplicationTest {

    static final PlayerId ALICE = PlayerId.of(1001);
    static final PlayerId BOB = PlayerId.of(1002);
    /** The interaction a join answers: its response becomes the searching message. */
    static final MessageWriters.Interaction SEARCH =
            new MessageWriters.Interaction("a-join-token", java.time.Instant.parse("2026-01-01T00:00:00Z"));

    /** Records "MatchFound 1001"; answers every send at once. */
    static class RecordingSink implements NotificationSink {
        final List<Notification> sent = new CopyOnWriteArrayList<>();
        volatile java.util.function.Consumer<Notification> onSend = notification -> { };

        @Override
        public Route route(Notification notification) {
            return notification instanceof MatchFound ? Route.interactionEdit("token-" + notification.player())
                    : Route.channelMessage("dm-" + notification.player());
        }

        @Override
        public CompletionStage<SendResult> send(Notification notification, Route route) {
            onSend.accept(notification);
            sent.add(notification);
            return CompletableFuture.completedFuture(SendResult.sent());
        }

        List<String> log() {
            return sent.stream().map(n -> n.getClass().getSimpleName() + " " + n.player()).toList();
        }
    }

    // A multiple of 45 s, so the first wave falls 45 s after the start.
    private final ManualClock clock = ManualClock.atEpochSecond(1_767_225_600L);
    private final RecordingSink sink = new RecordingSink();
    /** The flows' ticker: moves only when a test moves it. */
    private final AtomicLong nanos = new AtomicLong();
    private final List<FlowReport> flows = new CopyOnWriteArrayList<>();
    private Path dir;
    private LadderApplication app;
    /** While true, an ended match's follow-up (resets, release) waits in {@link #deferred} for the test. */
    private volatile boolean deferAftermath;
    private final List<Runnable> deferred = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startApplication() throws IOException {
        dir = Files.createTempDirectory("matchwave-app-");
        BotConfig config = new BotConfig(Optional.empty(), Optional.empty(), Optional.empty(),
                new DatabaseSettings.Embedded(dir), Set.of(), Duration.ofSeconds(45), "evoladder",
                OptionalLong.empty(), OptionalInt.empty());
        app = LadderApplication.builder(config)
                .clock(clock)
                .scheduler(clock)
                .sink(sink)
                .flows(new FlowRecorder(nanos::get, LadderApplication.waveTargets(), flows::add))
                .rateLimiter(RateLimiter.discord(DiscordLimits.defaults(), clock))
                .aftermath(task -> {
                    if (deferAftermath) {
                        deferred.add(task);
                    } else {
                        task.run();
                    }
                })
                .databaseConfig(new DatabaseConfig(new DatabaseConfig.Embedded(dir, 0,
                        Map.of("fsync", "off", "synchronous_commit", "off", "full_page_writes", "off")), 4,
                        // Short: the test that stops the server waits this long for a connection.
                        Duration.ofSeconds(1)))
                .build();
        app.start();
    }

    @AfterEach
    void closeApplication() {
        app.close();
        assertThat(dir.resolve("postmaster.pid")).as("the embedded server stopped").doesNotExist();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void setUp(PlayerId player, String userId, String race) {
        app.players().acceptTerms(player);
        assertThat(app.players().setup(player, new ProfileForm(userId, userId + "#1234", List.of(), "DE", "EUW"))
                .isValid()).isTrue();
        assertThat(app.players().savePreferences(player, Set.of(race), Set.of()).isValid()).isTrue();
    }

    @Test
    void twoPlayersAreMatchedToldConfirmReportAndTheirRatingsChange() {
        // The lifecycle logs a listener that failed to owe inside the change's transaction (and
        // the messages are then owed after it, in a transaction of their own): none may fail.
        java.util.logging.Logger lifecycleLog = java.util.logging.Logger.getLogger(
                dev.matchwave.matchmaking.ladder.lifecycle.MatchLifecycle.class.getName());
        List<String> warnings = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                warnings.add(record.getMessage() + (record.getThrown() == null ? "" : ": " + record.getThrown()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        lifecycleLog.addHandler(capture);
        try {
            playAMatch();
        } finally {
            lifecycleLog.removeHandler(capture);
        }
        assertThat(warnings).noneMatch(w -> w.contains("owe"));
    }

    private void playAMatch() {
        setUp(ALICE, "alice", "bw_zerg");
        setUp(BOB, "bob", "sc2_terran");
        assertThat(app.join(ALICE)).isInstanceOf(JoinResult.Joined.class);
        assertThat(app.join(BOB)).isInstanceOf(JoinResult.Joined.class);
        assertThat(sink.sent).isEmpty();

        clock.advance(Duration.ofSeconds(45)); // the wave
        clock.advance(Duration.ofSeconds(1)); // phase 2 paced by the limiter

        List<String> told = sink.log();
        assertThat(told).containsExactlyInAnyOrder("MatchFound 1001", "MatchFound 1002", "MatchDetails 1001",
                "MatchDetails 1002");
        // Each player's details come after his own "match found" (the dispatcher's rule).
        assertThat(told.indexOf("MatchFound 1001")).isLessThan(told.indexOf("MatchDetails 1001"));
        assertThat(told.indexOf("MatchFound 1002")).isLessThan(told.indexOf("MatchDetails 1002"));
        MatchDetails details = sink.sent.stream().filter(MatchDetails.class::isInstance).map(MatchDetails.class::cast)
                .filter(n -> n.player().equals(ALICE)).findFirst().orElseThrow();
        assertThat(details.opponent().displayName()).isEqualTo("bob");
        assertThat(details.match().map()).isNotBlank();
        assertThat(details.match().channel()).startsWith("scevo");
        assertThat(app.lastWave()).isPresent();

        Match match = app.lifecycle().openMatchOf(ALICE).orElseThrow();
        assertThat(match.player1().player()).isEqualTo(ALICE); // the BW side is player 1
        assertThat(app.queue().stateOf(ALICE)).isEqualTo(PlayerState.IN_MATCH);
        assertThat(app.lifecycle().confirm(match.id(), ALICE)).isInstanceOf(Outcome.Accepted.class);
        assertThat(app.lifecycle().confirm(match.id(), BOB)).isInstanceOf(Outcome.Accepted.class);
        clock.advance(Duration.ofSeconds(1));
        // Both confirmed: the match message of each is sent again, now to be shown with its details.
        assertThat(sink.log().subList(4, sink.log().size()))
                .containsExactlyInAnyOrder("MatchDetails 1001", "MatchDetails 1002");
        assertThat(app.lifecycle().report(match.id(), ALICE, Verdict.PLAYER1)).isInstanceOf(Outcome.Accepted.class);
        assertThat(app.lifecycle().report(match.id(), BOB, Verdict.PLAYER1)).isInstanceOf(Outcome.Accepted.class);
        clock.advance(Duration.ofSeconds(1));

        assertThat(app.store().matches().find(match.id()).orElseThrow().state()).isEqualTo(MatchState.COMPLETED);
        // Elo, K 40, divisor 500, equal ratings: the winner gains 20 (docs/ladder.md).
        assertThat(app.store().ratings().find(ALICE, "bw_zerg").orElseThrow().rating().rounded()).isEqualTo(1520);
        assertThat(app.store().ratings().find(BOB, "sc2_terran").orElseThrow().rating().rounded()).isEqualTo(1480);
        // Alice reported first: Bob's match message is sent again (to say so); then both hear the end.
        assertThat(sink.log().subList(6, sink.log().size()))
                .containsExactlyInAnyOrder("MatchDetails 1002", "MatchCompleted 1001", "MatchCompleted 1002");
        assertThat(sink.sent).filteredOn(n -> n instanceof MatchCompleted && n.player().equals(ALICE))
                .singleElement().extracting(n -> ((MatchCompleted) n).result()).asString()
                .contains("you won").contains("1500 → 1520");
        assertThat(app.queue().stateOf(ALICE)).isEqualTo(PlayerState.FREE);
        assertThat(app.queue().stateOf(BOB)).isEqualTo(PlayerState.FREE);
        assertThat(app.metrics().scrape()).contains("matchwave_waves_total 1.0").contains("matchwave_matches_total 1.0");
        assertThat(app.health().check().toString()).contains("true");
    }

    @Test
    void anEndedMatchIsFollowedUpApartAndTheNextJoinWaitsForIt() throws Exception {
        deferAftermath = true;
        setUp(ALICE, "alice", "bw_zerg");
        setUp(BOB, "bob", "sc2_terran");
        assertThat(app.join(ALICE)).isInstanceOf(JoinResult.Joined.class);
        assertThat(app.join(BOB)).isInstanceOf(JoinResult.Joined.class);
        clock.advance(Duration.ofSeconds(45)); // the wave
        Match match = app.lifecycle().openMatchOf(ALICE).orElseThrow();
        app.lifecycle().confirm(match.id(), ALICE);
        app.lifecycle().confirm(match.id(), BOB);
        app.store().resultPicks().pick(match.id(), ALICE, Verdict.PLAYER1);
        app.lifecycle().report(match.id(), ALICE, Verdict.PLAYER1);
        // The pick the report used is forgotten with it (in its transaction), not by a later write.
        assertThat(app.store().resultPicks().picked(match.id(), ALICE)).isEmpty();
        assertThat(app.lifecycle().report(match.id(), BOB, Verdict.PLAYER1)).isInstanceOf(Outcome.Accepted.class);

        // The result is stored and told; the release has not run yet.
        assertThat(app.store().matches().find(match.id()).orElseThrow().state()).isEqualTo(MatchState.COMPLETED);
        assertThat(deferred).hasSize(1);
        assertThat(app.queue().stateOf(ALICE)).isEqualTo(PlayerState.IN_MATCH);

        // Alice joins at once: her join waits for the release instead of being refused.
        CompletableFuture<JoinResult> joined = new CompletableFuture<>();
        Thread joining = Thread.ofPlatform().start(() -> joined.complete(app.join(ALICE)));
        while (joining.isAlive() && java.util.Arrays.stream(joining.getStackTrace())
                .noneMatch(f -> f.getMethodName().equals("awaitPlayer"))) {
            Thread.onSpinWait();
        }
        assertThat(joined).isNotDone();
        deferred.removeFirst().run();

        assertThat(joined.get(30, java.util.concurrent.TimeUnit.SECONDS)).isInstanceOf(JoinResult.Joined.class);
        assertThat(app.queue().stateOf(BOB)).isEqualTo(PlayerState.FREE);
    }

    @Test
    void everyWaveIsOneFlowHeldToThePhaseOneTarget() {
        setUp(ALICE, "alice", "bw_zerg");
        setUp(BOB, "bob", "sc2_terran");
        app.join(ALICE);
        app.join(BOB);
        // Each "match found" takes 120 ms on the flows' ticker; a DM sent once both are out takes
        // 1 s (the bot's dispatcher holds every DM until every "match found" is settled).
        AtomicLong found = new AtomicLong();
        sink.onSend = notification -> {
            if (notification instanceof MatchFound) {
                found.incrementAndGet();
                nanos.addAndGet(Duration.ofMillis(120).toNanos());
            } else if (found.get() == 2) {
                nanos.addAndGet(Duration.ofSeconds(1).toNanos());
            }
        };
        clock.advance(Duration.ofSeconds(46));

        assertThat(flows).singleElement().satisfies(wave -> {
            assertThat(wave.flow()).isEqualTo("wave");
            assertThat(wave.outcome()).isEqualTo("ok");
            assertThat(wave.steps()).extracting(FlowReport.Step::name)
                    .containsExactly("pairing", "venues", "database", "phase1_sent", "phase2_done");
            assertThat(wave.steps().get(3).duration()).isEqualTo(Duration.ofMillis(240));
            assertThat(wave.steps().get(4).duration()).isEqualTo(Duration.ofSeconds(2));
            assertThat(wave.measured()).isGreaterThanOrEqualTo(Duration.ofMillis(240)).isLessThan(Duration.ofMillis(300));
            assertThat(wave.target()).contains(Duration.ofMillis(200));
            assertThat(wave.slow()).as("phase 1 took 240 ms, over the 200 ms target").isTrue();
            assertThat(wave.logLine()).startsWith("flow=wave outcome=ok").contains("target_until=phase1_sent",
                    "slow=true", "phase1_sent:240.0", "phase2_done:2000.0");
        });

        // A wave without pairs is a flow too, and fast.
        sink.onSend = notification -> { };
        clock.advance(Duration.ofSeconds(45));
        assertThat(flows).hasSize(2);
        assertThat(flows.get(1).outcome()).isEqualTo("no_pairs");
        assertThat(flows.get(1).slow()).isFalse();
    }

    @Test
    void aPlayerWhoDoesNotConfirmIsToldTheMatchWasAbortedAndBothMayQueueAgain() {
        setUp(ALICE, "alice", "bw_zerg");
        setUp(BOB, "bob", "sc2_terran");
        app.join(ALICE);
        app.join(BOB);
        clock.advance(Duration.ofSeconds(46));
        Match match = app.lifecycle().openMatchOf(ALICE).orElseThrow();
        app.lifecycle().confirm(match.id(), ALICE);
        clock.advance(Duration.ofSeconds(60)); // reminder, then the timeout
        assertThat(sink.log()).contains("ConfirmReminder 1002").doesNotContain("ConfirmReminder 1001")
                .contains("MatchAborted 1001", "MatchAborted 1002");
        assertThat(app.store().matches().find(match.id()).orElseThrow().state()).isEqualTo(MatchState.TIMED_OUT);
        assertThat(app.join(ALICE)).isInstanceOf(JoinResult.Joined.class);
    }

    @Test
    void joiningWithoutRacesIsRefusedWithAClearMessage() {
        app.players().acceptTerms(ALICE);
        JoinResult result = app.join(ALICE);
        assertThat(result).isInstanceOf(JoinResult.Refused.class);
        assertThat(result.message()).contains("race");
    }

    @Test
    void theFrontDeskCarriesAPlayerFromQueueViewToResult() {
        LadderFrontDesk desk = new LadderFrontDesk(app);
        for (PlayerId player : List.of(ALICE, BOB)) {
            desk.acceptTerms(player.value());
            app.players().setup(player, new ProfileForm(player.equals(ALICE) ? "alice" : "bob", "Tag#1234", List.of(),
                    "DE", "EUW"));
        }
        var view = desk.queueView(ALICE.value());
        assertThat(view.selectedBw()).isEmpty();
        assertThat(view.bwRaces()).extracting(o -> o.label()).contains("BW Zerg");
        assertThat(desk.join(ALICE.value(), SEARCH)).isInstanceOfSatisfying(
                dev.matchwave.discord.interaction.LadderDesk.JoinAnswer.Refused.class,
                refused -> assertThat(refused.message()).contains("race"));
        assertThat(desk.chooseRace(ALICE.value(), "bw", Optional.of("bw_zerg")).selectedBw()).contains("bw_zerg");
        assertThat(desk.vetoMaps(ALICE.value(), List.of(view.mapPool().get(0))).vetoed())
                .containsExactly(view.mapPool().get(0));
        desk.chooseRace(BOB.value(), "sc2", Optional.of("sc2_protoss"));
        var searching = desk.join(ALICE.value(), SEARCH);
        assertThat(searching).isInstanceOfSatisfying(dev.matchwave.discord.interaction.LadderDesk.JoinAnswer.Searching.class,
                s -> {
                    assertThat(s.view().races()).containsExactly("BW Zerg");
                    assertThat(s.view().queued()).extracting(c -> c.category()).containsExactly("BW only");
                });
        assertThat(desk.searchingView(ALICE)).hasValueSatisfying(v -> assertThat(v.races()).containsExactly("BW Zerg"));
        // The searching message's token is stored with the entry by the join itself.
        assertThat(app.queue().contact(ALICE)).hasValue(RestoredSearches.contact(SEARCH.token(), SEARCH.created()));
        var again = new MessageWriters.Interaction("a-second-join-token", SEARCH.created().plusSeconds(5));
        desk.join(ALICE.value(), again);
        assertThat(app.queue().contact(ALICE)).hasValue(RestoredSearches.contact(again.token(), again.created()));
        assertThat(desk.searchingView(BOB)).isEmpty(); // not queued: the refresher leaves his message alone
        desk.join(BOB.value(), SEARCH);
        clock.advance(Duration.ofSeconds(46));
        assertThat(desk.searchingView(ALICE)).isEmpty(); // matched: "match found" must not be overwritten
        long match = app.lifecycle().openMatchOf(ALICE).orElseThrow().id().value();
        assertThat(desk.cancel(ALICE.value())).contains("matched");
        // Taken: the re-rendered message shows it, nothing more is said.
        assertThat(desk.confirm(match, ALICE.value())).isEmpty();
        assertThat(desk.confirm(match, ALICE.value())).hasValueSatisfying(note -> assertThat(note).isNotBlank());
        assertThat(desk.confirm(match, BOB.value())).isEmpty();
        assertThat(desk.confirmResult(match, ALICE.value())).hasValueSatisfying(
                note -> assertThat(note).contains("Pick the result first"));
        assertThat(desk.chooseResult(match, ALICE.value(), 7)).hasValueSatisfying(
                note -> assertThat(note).contains("cannot be read"));
        assertThat(desk.chooseResult(match, ALICE.value(), 2)).isEmpty();
        assertThat(desk.chooseResult(match, BOB.value(), 2)).isEmpty();
        assertThat(desk.confirmResult(match, ALICE.value())).isEmpty();
        assertThat(desk.confirmResult(match, ALICE.value())).hasValue(LadderFrontDesk.ALREADY_RECORDED);
        assertThat(desk.confirmResult(match, BOB.value())).isEmpty();
        assertThat(app.store().ratings().find(BOB, "sc2_protoss").orElseThrow().rating().rounded()).isEqualTo(1520);
        assertThat(desk.confirm(match, ALICE.value())).hasValueSatisfying(note -> assertThat(note).isNotBlank()); // a closed match: the lifecycle's own words
    }

    @Test
    void aWaveTheStoreCannotTakeLeavesEveryPlayerInTheQueueWithHisWait() {
        setUp(ALICE, "alice", "bw_zerg");
        setUp(BOB, "bob", "sc2_terran");
        app.join(ALICE);
        app.join(BOB);
        app.database().embeddedServer().orElseThrow().close(); // the database goes away

        clock.advance(Duration.ofSeconds(46));

        // The queue cannot store the wave's start (the durable queue, issue 12): the wave does not
        // happen, and the queue stays exactly as stored, wait cycles included.
        assertThat(app.lastWave()).isEmpty();
        assertThat(app.queue().stateOf(ALICE)).isEqualTo(PlayerState.QUEUED);
        assertThat(app.queue().stateOf(BOB)).isEqualTo(PlayerState.QUEUED);
        assertThat(app.queue().find(ALICE).orElseThrow().waitCycles()).isZero();
        assertThat(app.lifecycle().inMatch(ALICE)).isFalse();
        assertThat(sink.sent).isEmpty();
    }

    @Test
    void setupThroughTheDeskNamesEachBadFieldAndPrefillsWhatWasSaved() {
        LadderFrontDesk desk = new LadderFrontDesk(app);
        String refused = desk.setup(ALICE.value(), new dev.matchwave.discord.interaction.SetupForm("a1", "nohash",
                List.of(), "XX1", "NAW"));
        assertThat(refused).contains("userId").contains("battleTag").contains("country");
        assertThat(desk.currentSetup(ALICE.value())).isEmpty();
        String saved = desk.setup(ALICE.value(), new dev.matchwave.discord.interaction.SetupForm("alice", "Alice#1234",
                List.of("ali"), "de", "EUW"));
        assertThat(saved).contains("saved").contains("termsofservice");
        assertThat(desk.currentSetup(ALICE.value())).hasValueSatisfying(form -> {
            assertThat(form.country()).isEqualTo("DE");
            assertThat(form.alternativeIds()).containsExactly("ali");
        });
        assertThat(desk.homeRegions()).contains("EUW").hasSize(16);
    }
}
