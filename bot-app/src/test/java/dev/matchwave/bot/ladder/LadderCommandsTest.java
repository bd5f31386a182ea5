package dev.matchwave.bot.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.bot.config.BotConfig;
import dev.matchwave.bot.config.DatabaseSettings;
import dev.matchwave.discord.interaction.AdminRequest;
import dev.matchwave.discord.interaction.LadderDesk;
import dev.matchwave.discord.view.LeaderboardView;
import dev.matchwave.discord.view.ProfileView;
import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.audit.AdminAction;
import dev.matchwave.matchmaking.ladder.audit.AdminActionKind;
import dev.matchwave.matchmaking.ladder.audit.AuditEntry;
import dev.matchwave.matchmaking.ladder.match.Match;
import dev.matchwave.matchmaking.ladder.match.MatchState;
import dev.matchwave.matchmaking.ladder.match.Verdict;
import dev.matchwave.matchmaking.ladder.player.ProfileForm;
import dev.matchwave.matchmaking.queue.JoinResult;
import dev.matchwave.matchmaking.queue.PlayerState;
import dev.matchwave.matchmaking.time.ManualClock;
import dev.matchwave.notification.ratelimit.DiscordLimits;
import dev.matchwave.notification.ratelimit.RateLimiter;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /leaderboard}, {@code /profile}, {@code /setcountry} and {@code /admin} through the
 * front desk, on embedded PostgreSQL and virtual time (LadderApplicationTest's setup); admin
 * actions are checked in the database's audit log.
 */
class LadderCommandsTest {

    static final PlayerId ALICE = PlayerId.of(1001);
    static final PlayerId BOB = PlayerId.of(1002);
    static final long ADMIN = 9009;

    private final ManualClock clock = ManualClock.atEpochSecond(1_767_225_600L);
    private final LadderApplicationTest.RecordingSink sink = new LadderApplicationTest.RecordingSink();
    private Path dir;
    private LadderApplication app;
    private LadderFrontDesk desk;

    @BeforeEach
    void startApplication() throws IOException {
        dir = Files.createTempDirectory("matchwave-cmds-");
        BotConfig config = new BotConfig(Optional.empty(), Optional.empty(), Optional.empty(),
                new DatabaseSettings.Embedded(dir), Set.of(ADMIN), Duration.ofSeconds(45), "evoladder",
                OptionalLong.empty(), OptionalInt.empty());
        app = LadderApplication.builder(config)
                .clock(clock)
                .scheduler(clock)
                .sink(sink)
                .rateLimiter(RateLimiter.discord(DiscordLimits.defaults(), clock))
                .databaseConfig(new DatabaseConfig(new DatabaseConfig.Embedded(dir, 0,
                        Map.of("fsync", "off", "synchronous_commit", "off", "full_page_writes", "off")), 4,
                        Duration.ofSeconds(1)))
                .build();
        app.start();
        desk = new LadderFrontDesk(app);
    }

    @AfterEach
    void closeApplication() {
        app.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void setUp(PlayerId player, String userId, String country, String race) {
        app.players().acceptTerms(player);
        assertThat(app.players().setup(player, new ProfileForm(userId, userId + "#1234", List.of(), country, "EUW"))
                .isValid()).isTrue();
        assertThat(app.players().savePreferences(player, Set.of(race), Set.of()).isValid()).isTrue();
    }

    /** Alice (BW Zerg, DE) beats Bob (SC2 Terran, FR): 1520 and 1480. */
    private Match playOneMatch() {
        setUp(ALICE, "alice", "DE", "bw_zerg");
        setUp(BOB, "bob", "FR", "sc2_terran");
        app.join(ALICE);
        app.join(BOB);
        clock.advance(Duration.ofSeconds(46));
        Match match = app.lifecycle().openMatchOf(ALICE).orElseThrow();
        app.lifecycle().confirm(match.id(), ALICE);
        app.lifecycle().confirm(match.id(), BOB);
        app.lifecycle().report(match.id(), ALICE, Verdict.PLAYER1);
        app.lifecycle().report(match.id(), BOB, Verdict.PLAYER1);
        clock.advance(Duration.ofSeconds(1));
        return match;
    }

    private List<AuditEntry> auditOf(PlayerId player) {
        return app.store().audit().aboutTarget(AdminAction.player(player), 20);
    }

    @Test
    void leaderboardAndProfileShowTheRatingsAfterAMatch() {
        playOneMatch();
        LeaderboardView all = desk.leaderboard(ALICE.value(), LeaderboardView.Filter.NONE, 1);
        assertThat(all.total()).isEqualTo(2);
        assertThat(all.pages()).isEqualTo(1);
        assertThat(all.rows()).extracting(LeaderboardView.Row::name, LeaderboardView.Row::race,
                LeaderboardView.Row::rating).containsExactly(
                org.assertj.core.groups.Tuple.tuple("alice", "BW Zerg", 1520),
                org.assertj.core.groups.Tuple.tuple("bob", "SC2 Terran", 1480));
        LeaderboardView french = desk.leaderboard(ALICE.value(),
                new LeaderboardView.Filter(Optional.of("fr"), Optional.empty(), Optional.empty(), false), 1);
        assertThat(french.rows()).extracting(LeaderboardView.Row::name).containsExactly("bob");
        LeaderboardView zerg = desk.leaderboard(ALICE.value(),
                new LeaderboardView.Filter(Optional.empty(), Optional.of("bw_zerg"), Optional.empty(), true), 7);
        assertThat(zerg.rows()).extracting(LeaderboardView.Row::name).containsExactly("alice");
        assertThat(zerg.page()).isEqualTo(1);

        LadderDesk.ProfileAnswer answer = desk.profile(ALICE.value());
        assertThat(answer).isInstanceOf(LadderDesk.ProfileAnswer.Shown.class);
        ProfileView profile = ((LadderDesk.ProfileAnswer.Shown) answer).view();
        assertThat(profile.name()).isEqualTo("alice");
        assertThat(profile.country()).contains("DE");
        assertThat(profile.abortsLeft()).isEqualTo(3);
        assertThat(profile.races()).singleElement().satisfies(line -> {
            assertThat(line.race()).isEqualTo("BW Zerg");
            assertThat(line.rating()).isEqualTo(1520);
            assertThat(line.rank()).isNotEqualTo("U");
            assertThat(line.wins()).isEqualTo(1);
        });
        assertThat(desk.profile(4242)).isInstanceOf(LadderDesk.ProfileAnswer.Missing.class);
    }

    @Test
    void setCountryChangesOnlyTheCountryOfASetUpProfile() {
        assertThat(desk.setCountry(ALICE.value(), "DE")).contains("/setup");
        setUp(ALICE, "alice", "DE", "bw_zerg");
        assertThat(desk.setCountry(ALICE.value(), "Atlantis")).contains("Unknown country");
        assertThat(desk.setCountry(ALICE.value(), "fr")).contains("France");
        var profile = app.players().find(ALICE).orElseThrow().profile().orElseThrow();
        assertThat(profile.country()).isEqualTo("FR");
        assertThat(profile.battleTag()).isEqualTo("alice#1234");
    }

    @Test
    void aNulInASetupFieldIsRefusedNamingTheFieldAndTheSavedProfileStays() {
        setUp(ALICE, "alice", "DE", "bw_zerg");
        var before = app.players().find(ALICE).orElseThrow().profile().orElseThrow();

        String answer = desk.setup(ALICE.value(), new dev.matchwave.discord.interaction.SetupForm("alice",
                "ali\u0000ce#1234", List.of("al\u0000t"), "FR", "EUW"));

        assertThat(answer).isEqualTo("""
                Please fix and send /setup again:
                - battleTag: BattleTag contains a control character (U+0000 at position 4); type it without one.
                - alternativeIds: Alternative id 1 contains a control character (U+0000 at position 3); \
                type it without one.""");
        assertThat(app.players().find(ALICE).orElseThrow().profile()).contains(before);
    }

    @Test
    void adminRatingBanAndAbortActionsAreAuditedAndBadTargetsChangeNothing() {
        playOneMatch();
        assertThat(desk.admin(ADMIN, new AdminRequest.AdjustMmr(ALICE.value(), "add", "bw_zerg", 30, "compensation")))
                .contains("1520 -> 1550");
        assertThat(app.store().ratings().find(ALICE, "bw_zerg").orElseThrow().rating().rounded()).isEqualTo(1550);
        assertThat(desk.admin(ADMIN, new AdminRequest.AdjustMmr(ALICE.value(), "set", "bw_zerg", 1400, "reset")))
                .contains("1550 -> 1400");

        assertThat(desk.admin(ADMIN, new AdminRequest.Ban(BOB.value(), "abuse"))).contains("is banned");
        assertThat(app.join(BOB)).isInstanceOf(JoinResult.Refused.class);
        assertThat(desk.admin(ADMIN, new AdminRequest.Ban(BOB.value(), "appeal"))).contains("lifted");
        assertThat(app.players().find(BOB).orElseThrow().banned()).isFalse();

        assertThat(desk.admin(ADMIN, new AdminRequest.ResetAborts(ALICE.value(), "mistake", OptionalInt.of(1))))
                .contains("1 of 3");
        assertThat(app.players().find(ALICE).orElseThrow().abortsLeft()).isEqualTo(1);

        assertThat(auditOf(ALICE)).extracting(e -> e.action().kind(), e -> e.action().reason())
                .contains(org.assertj.core.groups.Tuple.tuple(AdminActionKind.ADJUST_RATING, "compensation"),
                        org.assertj.core.groups.Tuple.tuple(AdminActionKind.ADJUST_RATING, "reset"),
                        org.assertj.core.groups.Tuple.tuple(AdminActionKind.RESET_ABORTS, "mistake"));
        assertThat(auditOf(ALICE)).allSatisfy(e -> assertThat(e.action().admin()).isEqualTo(PlayerId.of(ADMIN)));
        assertThat(auditOf(BOB)).extracting(e -> e.action().details()).contains("banned", "unbanned");

        int before = app.store().audit().recent(100).size();
        assertThat(desk.admin(ADMIN, new AdminRequest.AdjustMmr(4242, "add", "bw_zerg", 30, "who"))).contains("No player");
        assertThat(desk.admin(ADMIN, new AdminRequest.Ban(4242, "who"))).contains("No player");
        assertThat(desk.admin(ADMIN, new AdminRequest.AdjustMmr(ALICE.value(), "add", "bw_elf", 30, "x")))
                .contains("Unknown race");
        assertThat(desk.admin(ADMIN, new AdminRequest.Resolve(999, 1, "no such match"))).contains("Nothing was changed");
        assertThat(app.store().audit().recent(100)).hasSize(before);
        assertThat(app.store().ratings().find(ALICE, "bw_zerg").orElseThrow().rating().rounded()).isEqualTo(1400);
    }

    @Test
    void badSeasonAndCooldownCommandsAreRefusedWithTheReasonAndChangeNothing() {
        setUp(ALICE, "alice", "DE", "bw_zerg");
        int audited = app.store().audit().recent(100).size();

        assertThat(desk.admin(ADMIN, new AdminRequest.NewSeason("toward", java.util.OptionalInt.empty(), "spring",
                Optional.empty()))).contains("needs fraction_percent").contains("Nothing was changed");
        assertThat(desk.admin(ADMIN, new AdminRequest.NewSeason("initial", java.util.OptionalInt.empty(), "spring",
                Optional.of("tomorrow at noon")))).contains("is not a UTC time").contains("Nothing was changed");
        assertThat(desk.admin(ADMIN, new AdminRequest.NewSeason("initial", java.util.OptionalInt.empty(), "spring",
                Optional.of(clock.instant().minusSeconds(60).toString())))).contains("not in the future")
                .contains("Nothing was changed");
        assertThat(desk.admin(ADMIN, new AdminRequest.LiftCooldown(4242, "who"))).contains("No player")
                .contains("Nothing was changed");
        assertThat(desk.admin(ADMIN, new AdminRequest.LiftCooldown(ALICE.value(), "kind")))
                .contains("not barred").contains("Nothing was changed");
        assertThat(desk.seasonLeaderboard(ALICE.value(), LeaderboardView.Filter.NONE, 1, 2))
                .isEqualTo(new dev.matchwave.discord.interaction.LadderDesk.SeasonStanding.Refused(
                        "There is no season 2: the ladder is in season 1."));
        assertThat(desk.seasonProfile(ALICE.value(), 1))
                .isEqualTo(new dev.matchwave.discord.interaction.LadderDesk.SeasonStanding.Current());

        assertThat(app.seasons().current().number()).isEqualTo(1);
        assertThat(app.seasons().planned()).isEmpty();
        assertThat(app.store().audit().recent(100)).as("a refusal is not audited").hasSize(audited);
    }

    @Test
    void adminResolveAndQueueActionsAreAudited() {
        setUp(ALICE, "alice", "DE", "bw_zerg");
        setUp(BOB, "bob", "FR", "sc2_terran");
        app.join(ALICE);
        app.join(BOB);
        clock.advance(Duration.ofSeconds(46));
        Match match = app.lifecycle().openMatchOf(ALICE).orElseThrow();
        assertThat(desk.admin(ADMIN, new AdminRequest.UnblockQueue(ALICE.value(), "stuck")))
                .contains("open match #" + match.id().value()).contains("Nothing was changed");
        assertThat(desk.admin(ADMIN, new AdminRequest.Match(match.id().value()))).contains("Match #" + match.id().value());
        // Not resolvable yet: the core's reason, nothing changed, nothing audited.
        assertThat(desk.admin(ADMIN, new AdminRequest.Resolve(match.id().value(), 1, "too early")))
                .contains("waiting for confirmation").contains("Nothing was changed");
        assertThat(app.store().matches().find(match.id()).orElseThrow().state()).isEqualTo(MatchState.FOUND);
        app.lifecycle().confirm(match.id(), ALICE);
        app.lifecycle().confirm(match.id(), BOB);
        assertThat(desk.admin(ADMIN, new AdminRequest.Resolve(match.id().value(), -1, "opponent vanished")))
                .contains("resolved");
        clock.advance(Duration.ofSeconds(1));
        assertThat(app.store().matches().find(match.id()).orElseThrow().state()).isNotEqualTo(MatchState.FOUND);
        assertThat(app.store().audit().aboutTarget(AdminAction.match(match.id()), 10))
                .extracting(e -> e.action().kind(), e -> e.action().reason())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(AdminActionKind.RESOLVE, "opponent vanished"),
                        org.assertj.core.groups.Tuple.tuple(AdminActionKind.MATCH, "look-up"));
        assertThat(app.queue().stateOf(ALICE)).isEqualTo(PlayerState.FREE);
        assertThat(desk.admin(ADMIN, new AdminRequest.UnblockQueue(ALICE.value(), "stuck"))).contains("not blocked");

        app.join(ALICE);
        assertThat(desk.admin(ADMIN, new AdminRequest.Snapshot())).contains("**Queue**: 1 waiting");
        assertThat(desk.admin(ADMIN, new AdminRequest.RemoveQueue(ALICE.value(), "afk"))).contains("Removed");
        assertThat(app.queue().stateOf(ALICE)).isEqualTo(PlayerState.FREE);
        assertThat(desk.admin(ADMIN, new AdminRequest.RemoveQueue(ALICE.value(), "afk"))).contains("not in the queue");
        app.join(ALICE);
        app.join(BOB);
        assertThat(desk.admin(ADMIN, new AdminRequest.ClearQueue("maintenance"))).contains("2 players removed");
        assertThat(app.queue().size()).isZero();
        assertThat(desk.admin(ADMIN, new AdminRequest.Player(ALICE.value()))).contains("alice").contains("Ratings: none"); // the match was invalidated
        assertThat(app.store().audit().recent(50)).extracting(e -> e.action().kind())
                .contains(AdminActionKind.SNAPSHOT, AdminActionKind.REMOVE_QUEUE, AdminActionKind.CLEAR_QUEUE,
                        AdminActionKind.PLAYER);
        assertThat(auditOf(ALICE)).filteredOn(e -> e.action().kind() == AdminActionKind.REMOVE_QUEUE).singleElement()
                .satisfies(e -> assertThat(e.action().reason()).isEqualTo("afk"));
    }
}
