package dev.matchwave.bot.e2e;

import static dev.matchwave.bot.e2e.LadderBotHarness.WAIT;
import static dev.matchwave.bot.e2e.LadderBotHarness.ephemeralAnswer;
import static dev.matchwave.bot.e2e.LadderBotHarness.playerOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.bot.e2e.LadderBotHarness.Side;
import dev.matchwave.emulator.EmulatedUser;
import dev.matchwave.emulator.SeenMessage;
import dev.matchwave.matchmaking.ladder.audit.AdminActionKind;
import dev.matchwave.matchmaking.ladder.match.MatchState;
import dev.matchwave.matchmaking.ladder.rating.LedgerCause;
import dev.matchwave.matchmaking.ladder.rating.LedgerReplay;
import dev.matchwave.matchmaking.ladder.rating.PlayerRating;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A new season over Discord: an admin closes season 1 with a reset halfway to the initial
 * rating while one match is in progress. The finished players are reset at once; the match that
 * spans the change counts in season 1 and its players are reset when it ends. Season 1's final
 * leaderboard and records stay readable (/leaderboard season:1, /profile season:1), and the
 * ledger replays to the stored ratings.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeasonTest extends BotEndToEndTest {

    private static final Duration WAVE_INTERVAL = Duration.ofSeconds(45);

    private VirtualTime time;

    @Override
    protected LadderBotHarness.Options options() {
        time = new VirtualTime(WAVE_INTERVAL);
        return LadderBotHarness.options().waveInterval(WAVE_INTERVAL).clock(time).scheduler(time).withAdmin();
    }

    @Override
    protected void afterBot() {
        time.close();
    }

    private record Started(EmulatedUser zerg, EmulatedUser terran, long matchId, SeenMessage zergDetails,
                           SeenMessage terranDetails) {
    }

    /** Two fresh players matched, both confirmed: the match is in progress. */
    private Started started() {
        Pairing p = bot.matched(bot::readyQuickly, () -> time.advanceTo(bot.ladder().queue().status().nextWave()));
        LadderBotHarness.confirmMatch(p.zerg(), p.zergFound());
        LadderBotHarness.confirmMatch(p.terran(), p.terranFound());
        return new Started(p.zerg(), p.terran(), p.matchId(), bot.awaitDetails(p.zerg(), p.matchId()),
                bot.awaitDetails(p.terran(), p.matchId()));
    }

    /** The zerg wins: both report 1; waits until the match is completed. */
    private void zergWins(Started match) {
        bot.report(match.terran(), match.terranDetails(), "1");
        bot.report(match.zerg(), match.zergDetails(), "1");
        bot.discord().await("match #" + match.matchId() + " is completed",
                () -> bot.match(match.matchId()).state() == MatchState.COMPLETED, WAIT);
    }

    private PlayerRating rating(EmulatedUser user, Side side) {
        return bot.ladder().store().ratings().find(playerOf(user), side.race).orElseThrow();
    }

    @Test
    @Order(1) // it counts seasons from the first
    void anAdminStartsASeasonAMatchSpanningItCountsInTheOldOneAndTheOldStandingsStayReadable() {
        Started finished = started();
        zergWins(finished);
        assertThat(rating(finished.zerg(), Side.BW).rating().rounded()).isEqualTo(1520);
        Started spanning = started();

        SeenMessage answer = ephemeralAnswer(bot.admin().runCommand("admin new_season",
                Map.of("reset", "toward", "fraction_percent", 50, "reason", "the spring season")));
        assertThat(answer.text()).contains("Season 2 started").contains("toward:0.5").contains("2 ratings reset now")
                .contains("2 players in a match reset when it ends").contains("/leaderboard season:1")
                .contains("Audited");
        assertThat(bot.ladder().seasons().current().number()).isEqualTo(2);
        assertThat(rating(finished.zerg(), Side.BW).rating().rounded()).as("halfway from 1520 to 1500").isEqualTo(1510);
        assertThat(rating(finished.terran(), Side.SC2).rating().rounded()).isEqualTo(1490);
        assertThat(rating(finished.zerg(), Side.BW).games()).as("the record starts again").isZero();
        assertThat(bot.ladder().store().audit().aboutTarget("season:2", 5)).singleElement()
                .satisfies(e -> assertThat(e.action().kind()).isEqualTo(AdminActionKind.NEW_SEASON));

        // The spanning match was created in season 1: it counts there, then its players are reset.
        zergWins(spanning);
        bot.discord().await("the spanning match's players are reset",
                () -> !bot.ladder().store().seasons().resetPending(2, playerOf(spanning.zerg())), WAIT);
        assertThat(rating(spanning.zerg(), Side.BW).rating().rounded()).isEqualTo(1510);
        assertThat(rating(spanning.zerg(), Side.BW).games()).isZero();
        assertThat(bot.ladder().store().seasons().recordsOf(1, playerOf(spanning.zerg())).get(Side.BW.race))
                .satisfies(r -> {
                    assertThat(r.rating().rounded()).isEqualTo(1520);
                    assertThat(r.wins()).isEqualTo(1);
                });
        assertThat(bot.ladder().store().ratings().ledgerOf(playerOf(spanning.zerg()), Side.BW.race))
                .extracting(e -> e.cause()).containsExactly(LedgerCause.MATCH, LedgerCause.SEASON_RESET);
        assertThat(LedgerReplay.verify(bot.ladder().store().ratings())).as("the ledger replays to the ratings")
                .isEmpty();

        // Season 1 stays readable.
        SeenMessage board = ephemeralAnswer(finished.zerg().runCommand("leaderboard", Map.of("season", 1)));
        assertThat(board.text()).contains("season 1, final standings").contains(finished.zerg().name())
                .contains(spanning.zerg().name()).contains("1520");
        SeenMessage record = finished.zerg().runCommand("profile", Map.of("season", 1)).awaitResponse(WAIT);
        assertThat(record.text()).contains("Season 1 of " + finished.zerg().name()).contains("1520").contains("1-0-0");
        SeenMessage now = finished.zerg().runCommand("profile").awaitResponse(WAIT);
        assertThat(now.text()).contains("1510");
        assertThat(ephemeralAnswer(finished.zerg().runCommand("leaderboard", Map.of("season", 5))).text())
                .contains("There is no season 5");

        // Season 3, planned for an hour from now, starts when the hour has passed.
        assertThat(ephemeralAnswer(bot.admin().runCommand("admin new_season",
                Map.of("reset", "initial", "reason", "summer", "starts_at", "next monday at noon"))).text())
                .contains("is not a UTC time").contains("Nothing was changed");
        java.time.Instant summer = time.instant().plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        assertThat(ephemeralAnswer(bot.admin().runCommand("admin new_season",
                Map.of("reset", "initial", "reason", "summer", "starts_at", summer.toString()))).text())
                .contains("Season 3 will start at " + summer).contains("Audited");
        assertThat(bot.ladder().seasons().current().number()).isEqualTo(2);
        time.advanceTo(summer);
        bot.discord().await("season 3 has started", () -> bot.ladder().seasons().current().number() == 3, WAIT);
        assertThat(bot.ladder().seasons().current().startedAt()).isEqualTo(summer);
        assertThat(rating(finished.zerg(), Side.BW).rating().rounded()).as("back to the initial rating").isEqualTo(1500);
        assertThat(bot.ladder().store().seasons().recordsOf(2, playerOf(finished.zerg())).get(Side.BW.race).rating()
                .rounded()).isEqualTo(1510);
        assertThat(LedgerReplay.verify(bot.ladder().store().ratings())).isEmpty();
    }

    @Test
    @Order(2)
    void aNewSeasonPlaysOnItsOwnMapPoolAndAPlannedOneOnItsOwn() {
        int before = bot.ladder().seasons().current().number();
        assertThat(ephemeralAnswer(bot.admin().runCommand("admin new_season",
                Map.of("reset", "carry", "reason", "typo", "maps", "Alpha Station,,Beta Ridge"))).text())
                .contains("maps: a map of the pool has no name").contains("Nothing was changed");
        assertThat(bot.ladder().seasons().current().number()).isEqualTo(before);

        assertThat(ephemeralAnswer(bot.admin().runCommand("admin new_season",
                Map.of("reset", "carry", "reason", "new maps", "maps", "Alpha Station, Beta Ridge"))).text())
                .contains("Season " + (before + 1) + " started").contains("maps: Alpha Station, Beta Ridge");
        assertThat(bot.ladder().seasons().current().mapPool()).containsExactly("Alpha Station", "Beta Ridge");

        // The veto menu offers the season's maps, and a match made now is played on one of them.
        EmulatedUser zerg = bot.newUser();
        SeenMessage queue = bot.readyQuickly(zerg, Side.BW);
        assertThat(queue.selects()).anySatisfy(select -> assertThat(select.options())
                .extracting(o -> o.value()).containsExactly("Alpha Station", "Beta Ridge"));
        Started match = started();
        assertThat(bot.match(match.matchId()).setup().map()).isIn("Alpha Station", "Beta Ridge");
        assertThat(match.zergDetails().text()).containsAnyOf("Alpha Station", "Beta Ridge");
        zergWins(match);

        // A season planned with its own maps plays on them once it starts.
        java.time.Instant next = time.instant().plus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        assertThat(ephemeralAnswer(bot.admin().runCommand("admin new_season",
                Map.of("reset", "carry", "reason", "autumn", "starts_at", next.toString(), "maps", "Gamma Flats"))).text())
                .contains("will start at " + next).contains("maps: Gamma Flats");
        time.advanceTo(next);
        bot.discord().await("the planned season has started",
                () -> bot.ladder().seasons().current().number() == before + 2, WAIT);
        assertThat(bot.ladder().seasonRules().mapPool()).containsExactly("Gamma Flats");
        Started later = started();
        assertThat(bot.match(later.matchId()).setup().map()).isEqualTo("Gamma Flats");
        zergWins(later);
        assertThat(bot.ladder().store().seasons().seasons().get(before).mapPool()).as("the closed season keeps its maps")
                .containsExactly("Alpha Station", "Beta Ridge");
    }
}
