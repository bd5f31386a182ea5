package dev.matchwave.bot.e2e;

import static dev.matchwave.bot.e2e.LadderBotHarness.WAIT;
import static dev.matchwave.bot.e2e.LadderBotHarness.ephemeralAnswer;
import static dev.matchwave.bot.e2e.LadderBotHarness.playerOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.bot.e2e.LadderBotHarness.Side;
import dev.matchwave.emulator.EmulatedUser;
import dev.matchwave.emulator.SeenMessage;
import dev.matchwave.matchmaking.QueuedPlayer;
import dev.matchwave.matchmaking.queue.QueueSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bot restarts (an update) with players queued: afterwards they are all still queued, in
 * the same order with the same wait cycles, and each is told once that he still is: his
 * "Searching..." message is refreshed (its token is stored with his entry) or, when its token
 * is too old, he gets it by DM. Its Cancel button works, and the next wave's "match found"
 * goes into it. The ladder runs on {@link VirtualTime}: waves come when the test says.
 */
class RestartTest extends BotEndToEndTest {

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

    private void wave() {
        time.advanceTo(bot.ladder().queue().status().nextWave());
    }

    @Test
    void playersQueuedAtARestartAreStillQueuedWithTheirWaitAndAreToldOnce() {
        // Brood War players only: they cannot be paired with each other, so they wait.
        List<EmulatedUser> waiting = new ArrayList<>();
        List<SeenMessage> searching = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            EmulatedUser user = bot.newUser();
            waiting.add(user);
            searching.add(bot.join(user, bot.readyQuickly(user, Side.BW)));
        }
        wave();
        wave();
        EmulatedUser oldToken = waiting.get(2);
        // His searching message is older than Discord lets the bot edit: he is told by DM.
        assertThat(bot.ladder().queue().attach(playerOf(oldToken), "0|a-token-long-dead")).isTrue();
        QueueSnapshot before = bot.ladder().queue().snapshot();
        assertThat(before.queued()).extracting(QueuedPlayer::waitCycles).containsExactly(2, 2, 2);
        List<Integer> revisions = searching.stream()
                .map(m -> waiting.get(searching.indexOf(m)).message(m.id()).revision()).toList();

        bot.restartBot();

        QueueSnapshot after = bot.ladder().queue().snapshot();
        assertThat(after.queued()).as("the same queue: order, seats, join times, wait cycles")
                .containsExactlyElementsOf(before.queued());
        for (int i = 0; i < 2; i++) {
            EmulatedUser user = waiting.get(i);
            long id = searching.get(i).id();
            int was = revisions.get(i);
            SeenMessage refreshed = user.await("the searching message refreshed after the restart",
                    u -> java.util.Optional.of(u.message(id)).filter(m -> m.revision() > was), WAIT);
            assertThat(refreshed.shows("Searching...")).isTrue();
            assertThat(user.directMessages()).as("%s told in his searching message, not by DM", user.name()).isEmpty();
        }
        SeenMessage told = oldToken.awaitDirectMessage(m -> m.shows("Searching..."), WAIT);
        assertThat(told.button("Cancel search")).isPresent();
        assertThat(oldToken.directMessages()).as("told once").hasSize(1);

        // The buttons of the old messages still work: the restored queue knows him.
        assertThat(ephemeralAnswer(waiting.get(1).press(waiting.get(1).message(searching.get(1).id()),
                "Cancel search")).text()).isEqualTo("You left the queue.");
        assertThat(ephemeralAnswer(oldToken.press(told, "Cancel search")).text()).isEqualTo("You left the queue.");

        // The next wave matches the longest waiter, and "match found" goes into his old searching message.
        EmulatedUser terran = bot.newUser();
        bot.join(terran, bot.readyQuickly(terran, Side.SC2));
        wave();
        SeenMessage found = bot.awaitMatchFound(waiting.get(0));
        assertThat(found.id()).isEqualTo(searching.get(0).id());
        assertThat(bot.ladder().queue().snapshot().queued()).isEmpty();
    }

    /**
     * A player whose searching message can no longer be edited after a restart gets "match
     * found" by DM, and that DM is his match message: once both have confirmed he has one DM of
     * the match, showing it whole, not two (a crash demo saw two).
     */
    @Test
    void aPlayerToldByDirectMessageHasOneDirectMessageOfHisMatch() {
        bot.clearQueue();
        EmulatedUser zerg = bot.newUser();
        bot.join(zerg, bot.readyQuickly(zerg, Side.BW));
        assertThat(bot.ladder().queue().attach(playerOf(zerg), "0|a-token-long-dead")).isTrue();
        bot.restartBot();
        zerg.awaitDirectMessage(m -> m.shows("Searching..."), WAIT);

        EmulatedUser terran = bot.newUser();
        bot.join(terran, bot.readyQuickly(terran, Side.SC2));
        wave();
        SeenMessage zergFound = zerg.awaitDirectMessage(m -> m.shows("Match found") && m.button("Confirm").isPresent(),
                WAIT);
        SeenMessage terranFound = bot.awaitMatchFound(terran);
        long matchId = bot.openMatchOf(zerg).id().value();
        LadderBotHarness.confirmMatch(zerg, zergFound);
        LadderBotHarness.confirmMatch(terran, terranFound);
        SeenMessage details = bot.awaitDetails(zerg, matchId);
        assertThat(details.id()).as("the match is shown in his \"match found\" DM").isEqualTo(zergFound.id());
        bot.awaitDetails(terran, matchId);
        bot.discord().await("every match message shows the latest state", () -> bot.bot().messagesBeingWritten() == 0,
                WAIT);
        assertThat(zerg.directMessages()).as("his DMs naming match #%d", matchId)
                .filteredOn(m -> m.shows("#" + matchId)).hasSize(1);

        // The result controls in that DM work.
        assertThat(bot.report(zerg, zerg.message(details.id()), "1").text()).contains("You reported");
    }

    @Test
    void aResultPickedBeforeARestartCanBeConfirmedAfterIt() {
        bot.clearQueue();
        Pairing p = bot.matched(bot::readyQuickly, this::wave);
        EmulatedUser zerg = p.zerg();
        long matchId = p.matchId();
        LadderBotHarness.confirmMatch(zerg, p.zergFound());
        LadderBotHarness.confirmMatch(p.terran(), p.terranFound());
        SeenMessage details = bot.awaitDetails(zerg, matchId);
        SeenMessage picked = bot.pickResult(zerg, details, "1");

        bot.restartBot();

        // The pick was in the database: the new process takes the confirmation.
        SeenMessage reported = LadderBotHarness.taken(zerg.select(zerg.message(picked.id()), "Confirm the result",
                List.of("1")), picked, m -> m.select("Confirm the result").isEmpty());
        assertThat(reported.text()).contains("You reported");
        assertThat(bot.match(matchId).participant(playerOf(zerg)).orElseThrow().report()).isPresent();
    }
}
