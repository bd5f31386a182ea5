package dev.matchwave.bot.e2e;

import static dev.matchwave.bot.e2e.LadderBotHarness.WAIT;
import static dev.matchwave.bot.e2e.LadderBotHarness.ephemeralAnswer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.bot.e2e.LadderBotHarness.Side;
import dev.matchwave.emulator.EmulatedUser;
import dev.matchwave.emulator.SeenMessage;
import dev.matchwave.matchmaking.ladder.match.MatchState;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * /match over Discord: the player's open match (or his last) is shown again in a new direct
 * message with its live controls, and that message is the match's message from then on: later
 * changes go to it, and the message it replaces is never written again.
 */
class MatchCommandTest extends BotEndToEndTest {

    private static final Duration WAVE_INTERVAL = Duration.ofSeconds(45);

    private VirtualTime time;

    @Override
    protected LadderBotHarness.Options options() {
        time = new VirtualTime(WAVE_INTERVAL);
        return LadderBotHarness.options().waveInterval(WAVE_INTERVAL).clock(time).scheduler(time);
    }

    @Override
    protected void afterBot() {
        time.close();
    }

    private Pairing matched() {
        return bot.matched(bot::readyQuickly, () -> time.advanceTo(bot.ladder().queue().status().nextWave()));
    }

    private void awaitMessagesWritten() {
        bot.discord().await("every match message shows the latest state", () -> bot.bot().messagesBeingWritten() == 0,
                WAIT);
    }

    /**
     * Runs /match and returns the new direct message it posted: one the user did not have before,
     * of the expected shape (other messages of the match, such as the wave's match message or the
     * result, may still be arriving).
     */
    private SeenMessage recall(EmulatedUser user, long matchId, java.util.function.Predicate<SeenMessage> shape) {
        Set<Long> before = user.directMessages().stream().map(SeenMessage::id).collect(Collectors.toSet());
        SeenMessage answer = ephemeralAnswer(user.runCommand("match"));
        assertThat(answer.text()).contains("#" + matchId).contains("shown again below");
        return user.awaitDirectMessage(m -> !before.contains(m.id()) && m.shows("#" + matchId) && shape.test(m), WAIT);
    }

    @Test
    void withoutAMatchThereIsNothingToShow() {
        EmulatedUser user = bot.newUser();
        bot.readyQuickly(user, Side.BW);
        assertThat(ephemeralAnswer(user.runCommand("match")).text()).contains("no match to show yet");
    }

    @Test
    void matchFoundShownAgainTakesOverAndTheOldCopyIsNeverWrittenAgain() {
        Pairing p = matched();
        SeenMessage copy = recall(p.zerg(), p.matchId(), m -> m.button("Confirm").isPresent());
        awaitMessagesWritten();
        int oldRevision = p.zerg().message(p.zergFound().id()).revision();

        LadderBotHarness.confirmMatch(p.zerg(), copy);
        LadderBotHarness.confirmMatch(p.terran(), p.terranFound());
        // The second confirm started the match: the copy shows the details and the result controls.
        p.zerg().awaitMessage(m -> m.id() == copy.id() && m.select("Who won?").isPresent(), WAIT);
        awaitMessagesWritten();
        assertThat(bot.match(p.matchId()).state()).isEqualTo(MatchState.IN_PROGRESS);
        assertThat(p.zerg().message(p.zergFound().id()).revision()).as("the old \"match found\" is left alone")
                .isEqualTo(oldRevision);
    }

    @Test
    void theMatchMessageShownAgainGetsTheLaterChangesAndTheLastMatchCanBeShownToo() {
        Pairing p = matched();
        LadderBotHarness.confirmMatch(p.zerg(), p.zergFound());
        LadderBotHarness.confirmMatch(p.terran(), p.terranFound());
        SeenMessage zergDetails = bot.awaitDetails(p.zerg(), p.matchId());
        SeenMessage terranDetails = bot.awaitDetails(p.terran(), p.matchId());

        SeenMessage copy = recall(p.zerg(), p.matchId(), m -> m.select("Who won?").isPresent());
        awaitMessagesWritten();
        int oldRevision = p.zerg().message(zergDetails.id()).revision();

        bot.report(p.terran(), terranDetails, "1");
        bot.report(p.zerg(), copy, "1");
        bot.discord().await("the match is completed",
                () -> bot.match(p.matchId()).state() == MatchState.COMPLETED, WAIT);
        awaitMessagesWritten();
        assertThat(p.zerg().message(zergDetails.id()).revision()).as("the old match message is left alone")
                .isEqualTo(oldRevision);

        // Over: /match shows the last match, without controls.
        String map = bot.match(p.matchId()).setup().map();
        SeenMessage last = recall(p.zerg(), p.matchId(), m -> m.shows(map));
        assertThat(last.select("Who won?")).isEmpty();
        assertThat(last.select("Confirm the result")).isEmpty();
    }
}
