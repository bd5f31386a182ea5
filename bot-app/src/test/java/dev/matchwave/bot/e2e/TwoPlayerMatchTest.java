package dev.matchwave.bot.e2e;

import static dev.matchwave.bot.e2e.LadderBotHarness.WAIT;
import static dev.matchwave.bot.e2e.LadderBotHarness.playerOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.bot.e2e.LadderBotHarness.Side;
import dev.matchwave.emulator.EmulatedUser;
import dev.matchwave.emulator.SeenMessage;
import dev.matchwave.emulator.UserInteraction;
import dev.matchwave.matchmaking.ladder.match.Match;
import dev.matchwave.matchmaking.ladder.match.MatchResult;
import dev.matchwave.matchmaking.ladder.match.MatchState;
import dev.matchwave.matchmaking.ladder.rating.PlayerRating;
import dev.matchwave.matchmaking.queue.PlayerState;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two players through the whole ladder over Discord: terms, setup, races, join, a wave, "match
 * found", confirm, the match message, the same report, ratings in the database, /profile and
 * /leaderboard.
 */
class TwoPlayerMatchTest extends BotEndToEndTest {

    @Override
    protected LadderBotHarness.Options options() {
        return LadderBotHarness.options().waveInterval(java.time.Duration.ofSeconds(1));
    }

    @Test
    void twoPlayersPlayAMatchAndTheirRatingsChange() {
        EmulatedUser zerg = bot.newUser();
        EmulatedUser terran = bot.newUser();
        SeenMessage zergQueue = bot.ready(zerg, Side.BW);
        SeenMessage terranQueue = bot.ready(terran, Side.SC2);
        assertThat(bot.ladder().players().preferences(playerOf(zerg)).orElseThrow().races()).containsExactly("bw_zerg");

        long mark = bot.discord().recording().mark();
        SeenMessage searching = bot.join(zerg, zergQueue);
        assertThat(searching.text()).containsIgnoringCase("search");
        bot.join(terran, terranQueue);

        SeenMessage zergFound = bot.awaitMatchFound(zerg);
        SeenMessage terranFound = bot.awaitMatchFound(terran);
        Match match = bot.openMatchOf(zerg);
        assertThat(match.state()).isEqualTo(MatchState.FOUND);
        assertThat(match.players()).containsExactly(playerOf(zerg), playerOf(terran)); // BW side is player 1
        assertThat(zergFound.text()).contains("#" + match.id().value());
        assertThat(zergFound.id()).as("phase 1 edits the searching message").isEqualTo(searching.id());
        assertThat(bot.ladder().queue().stateOf(playerOf(zerg))).isEqualTo(PlayerState.IN_MATCH);

        // The ladder takes the confirm well within the reply budget (1.5 s; tens of ms here), so the
        // click's answer is the message itself (UPDATE_MESSAGE): his "match found" shows him
        // confirmed, the button spent, the moment the answer is in; no note follows.
        UserInteraction confirm = zerg.press(zergFound, "Confirm");
        assertThat(confirm.awaitCallback(WAIT)).as("answered with the message (callback 7)").isEqualTo(7);
        assertThat(zerg.message(zergFound.id()).button("Confirmed")).hasValueSatisfying(b -> assertThat(b.disabled()).isTrue());
        LadderBotHarness.taken(confirm, zergFound, m -> m.button("Confirm").isEmpty());
        LadderBotHarness.confirmMatch(terran, terranFound);
        SeenMessage zergDetails = bot.awaitDetails(zerg, match.id().value());
        SeenMessage terranDetails = bot.awaitDetails(terran, match.id().value());
        assertThat(zergDetails.text()).contains(terran.name());
        assertThat(terranDetails.text()).contains(zerg.name());
        assertThat(bot.match(match.id().value()).state()).isEqualTo(MatchState.IN_PROGRESS);

        // Player 1 (the zerg) won, say both.
        // The terran picks first; the zerg reports; the terran is told, and keeps his pick.
        bot.pickResult(terran, terranDetails, "1");
        assertThat(bot.report(zerg, zergDetails, "1").text()).contains("You reported");
        // docs/reference-ladder.md: when the first player reports, the opponent is told (his match message says so).
        SeenMessage told = terran.awaitMessage(
                m -> m.id() == terranDetails.id() && m.shows("Your opponent has reported"), WAIT);
        assertThat(told.select("Confirm the result")).hasValueSatisfying(select -> {
            assertThat(select.disabled()).isFalse();
            assertThat(select.option("1")).isPresent();
        });
        LadderBotHarness.taken(terran.select(told, "Confirm the result", List.of("1")), told,
                m -> m.select("Confirm the result").isEmpty() && m.select("Who won?").isEmpty());
        zerg.awaitDirectMessage(m -> m.shows("Match #" + match.id().value() + " is over"), WAIT);
        terran.awaitDirectMessage(m -> m.shows("Match #" + match.id().value() + " is over"), WAIT);
        // Three direct messages each (the match message, its edit with the details, the end), and
        // at most one DM channel opened each: the bot keeps the channel it learned or opened.
        assertThat(bot.discord().recording().since(mark).stream()
                .filter(r -> r.method().equals("POST") && r.route().endsWith("/users/@me/channels")).count())
                .isLessThanOrEqualTo(2);

        Match done = bot.match(match.id().value());
        assertThat(done.state()).isEqualTo(MatchState.COMPLETED);
        assertThat(done.result()).contains(MatchResult.PLAYER1);
        PlayerRating winner = bot.ladder().store().ratings().find(playerOf(zerg), "bw_zerg").orElseThrow();
        PlayerRating loser = bot.ladder().store().ratings().find(playerOf(terran), "sc2_terran").orElseThrow();
        // Elo, K 40, scale 500 (docs/reference-ladder.md): equal ratings, a win is worth 20.
        assertThat(winner.rating().rounded()).isEqualTo(1520);
        assertThat(loser.rating().rounded()).isEqualTo(1480);
        assertThat(winner.wins()).isEqualTo(1);
        assertThat(loser.losses()).isEqualTo(1);
        assertThat(bot.ladder().queue().stateOf(playerOf(zerg))).as("free to queue again").isNotEqualTo(PlayerState.IN_MATCH);

        SeenMessage profile = zerg.runCommand("profile").awaitResponse(WAIT);
        assertThat(profile.ephemeral()).isTrue();
        assertThat(profile.text()).contains(zerg.name()).contains("1520");
        SeenMessage leaderboard = zerg.runCommand("leaderboard").awaitResponse(WAIT);
        assertThat(leaderboard.text()).contains(zerg.name()).contains("1520").contains(terran.name()).contains("1480");
    }
}
