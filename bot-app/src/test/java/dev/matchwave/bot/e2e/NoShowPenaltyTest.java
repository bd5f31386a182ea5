package dev.matchwave.bot.e2e;

import static dev.matchwave.bot.e2e.LadderBotHarness.JOIN;
import static dev.matchwave.bot.e2e.LadderBotHarness.WAIT;
import static dev.matchwave.bot.e2e.LadderBotHarness.ephemeralAnswer;
import static dev.matchwave.bot.e2e.LadderBotHarness.playerOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.bot.e2e.LadderBotHarness.Side;
import dev.matchwave.emulator.EmulatedUser;
import dev.matchwave.emulator.SeenMessage;
import dev.matchwave.matchmaking.ladder.audit.AdminAction;
import dev.matchwave.matchmaking.ladder.audit.AdminActionKind;
import dev.matchwave.matchmaking.ladder.match.Match;
import dev.matchwave.matchmaking.ladder.match.MatchState;
import dev.matchwave.matchmaking.ladder.penalty.QueueBar;
import dev.matchwave.matchmaking.queue.PlayerState;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The no-show penalty over Discord, with the reference rule (3 unconfirmed matches in 24 hours
 * bar the player for 30 minutes): the third timeout bars him, his join is refused with the time
 * and the reason, also after a restart of the bot (the bar is in PostgreSQL), an admin lifts the
 * bar (audited) and he queues again. The ladder runs on
 * {@link VirtualTime}: each 60-second confirmation window passes without waiting for it.
 */
class NoShowPenaltyTest extends BotEndToEndTest {

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

    private void wave() {
        time.advanceTo(bot.ladder().queue().status().nextWave());
    }

    private int timeoutsOf(EmulatedUser user) {
        return bot.ladder().store().noShows().timeoutsSince(playerOf(user), Instant.EPOCH).size();
    }

    /** The no-show and a fresh opponent are matched; the opponent confirms, the no-show does not. */
    private void matchAndIgnore(EmulatedUser noShow, int round) {
        EmulatedUser opponent = bot.newUser();
        SeenMessage opponentQueue = bot.readyQuickly(opponent, Side.SC2);
        SeenMessage searching = bot.join(noShow, noShow.runCommand("queue").awaitResponse(WAIT));
        SeenMessage opponentSearching = bot.join(opponent, opponentQueue);
        wave();
        Match match = bot.openMatchOf(noShow);
        noShow.awaitMessage(m -> m.id() == searching.id() && m.shows("Match found"), WAIT);
        SeenMessage found = opponent.awaitMessage(m -> m.id() == opponentSearching.id() && m.shows("Match found")
                && m.button("Confirm").isPresent(), WAIT);
        LadderBotHarness.confirmMatch(opponent, found);
        // Virtual time runs out the 60 s at once: first let the bot learn that Discord took "match found".
        bot.discord().await("the no-show's \"match found\" is known delivered",
                () -> bot.ladder().matchFoundDelivered(match.id().value(), playerOf(noShow)), WAIT);

        time.advance(Duration.ofSeconds(60));
        bot.discord().await("the timeout of round " + round + " is recorded", () -> timeoutsOf(noShow) == round, WAIT);
        bot.discord().await("the no-show is out of his match",
                () -> bot.ladder().queue().stateOf(playerOf(noShow)) != PlayerState.IN_MATCH, WAIT);
        assertThat(bot.match(match.id().value()).state()).isEqualTo(MatchState.TIMED_OUT);
        assertThat(timeoutsOf(opponent)).as("who confirmed is not counted").isZero();
    }

    @Test
    void threeUnconfirmedMatchesBarThePlayerUntilAnAdminLiftsIt() {
        EmulatedUser noShow = bot.newUser();
        bot.readyQuickly(noShow, Side.BW);

        matchAndIgnore(noShow, 1);
        matchAndIgnore(noShow, 2);
        assertThat(bot.ladder().noShows().orElseThrow().barOf(playerOf(noShow))).as("two are not enough").isEmpty();
        matchAndIgnore(noShow, 3);

        QueueBar bar = bot.ladder().noShows().orElseThrow().barOf(playerOf(noShow)).orElseThrow();
        assertThat(Duration.between(bar.from(), bar.until())).isEqualTo(Duration.ofMinutes(30));
        SeenMessage queue = noShow.runCommand("queue").awaitResponse(WAIT);
        SeenMessage refused = ephemeralAnswer(noShow.press(queue, JOIN));
        assertThat(refused.text()).contains("cannot queue until").contains("UTC").contains("in 30 min")
                .contains("did not confirm 3 matches within 24h").contains("admin");
        assertThat(bot.ladder().queue().find(playerOf(noShow))).isEmpty();

        // The bar is stored, not remembered: a restarted bot refuses him just the same.
        bot.restartBot();
        SeenMessage queueAfterRestart = noShow.runCommand("queue").awaitResponse(WAIT);
        assertThat(ephemeralAnswer(noShow.press(queueAfterRestart, JOIN)).text()).contains("cannot queue until")
                .contains("did not confirm 3 matches within 24h");

        SeenMessage lifted = ephemeralAnswer(bot.admin().runCommand("admin lift_cooldown",
                Map.of("user", noShow, "reason", "his power was out")));
        assertThat(lifted.text()).contains("may queue again").contains("Audited");
        assertThat(bot.ladder().store().audit().aboutTarget(AdminAction.player(playerOf(noShow)), 10))
                .anySatisfy(entry -> {
                    assertThat(entry.action().kind()).isEqualTo(AdminActionKind.LIFT_COOLDOWN);
                    assertThat(entry.action().admin()).isEqualTo(playerOf(bot.admin()));
                    assertThat(entry.action().reason()).isEqualTo("his power was out");
                });
        SeenMessage again = ephemeralAnswer(bot.admin().runCommand("admin lift_cooldown",
                Map.of("user", noShow, "reason", "twice")));
        assertThat(again.text()).contains("not barred").contains("Nothing was changed");

        SeenMessage queueAgain = noShow.runCommand("queue").awaitResponse(WAIT);
        assertThat(bot.join(noShow, queueAgain).text()).containsIgnoringCase("search");
    }
}
