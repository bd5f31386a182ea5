package dev.matchwave.bot.e2e;

import static dev.matchwave.bot.e2e.LadderBotHarness.ephemeralAnswer;
import static dev.matchwave.bot.e2e.LadderBotHarness.playerOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.bot.e2e.LadderBotHarness.Side;
import dev.matchwave.emulator.EmulatedUser;
import dev.matchwave.emulator.SeenMessage;
import dev.matchwave.matchmaking.ladder.StoreException;
import dev.matchwave.persistence.Database;
import dev.matchwave.persistence.EmbeddedPostgresServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The database goes away while players use the bot: every command and button that needs it is
 * answered with the one "database unavailable" sentence (not a generic error; {@code /queue}
 * shows the player's choices from the bot's caches), a wave gives up and leaves its
 * players queued, and once the database is back the next wave matches them. The ladder runs on
 * {@link VirtualTime}, so the waves come when the test says.
 */
class DatabaseOutageTest extends BotEndToEndTest {

    private static final Duration WAVE_INTERVAL = Duration.ofSeconds(45);
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(2);

    private VirtualTime time;

    @Override
    protected LadderBotHarness.Options options() {
        time = new VirtualTime(WAVE_INTERVAL);
        return LadderBotHarness.options().waveInterval(WAVE_INTERVAL).clock(time).scheduler(time)
                .connectionTimeout(CONNECTION_TIMEOUT);
    }

    @Override
    protected void afterBot() {
        time.close();
    }

    private void wave() {
        time.advanceTo(bot.ladder().queue().status().nextWave());
    }

    @Test
    void everyAnswerThatNeedsTheDatabaseSaysItIsUnavailableAndAWaveKeepsEveryoneQueued() throws InterruptedException {
        EmulatedUser matchedZerg = bot.newUser();
        EmulatedUser matchedTerran = bot.newUser();
        bot.join(matchedZerg, bot.readyQuickly(matchedZerg, Side.BW));
        bot.join(matchedTerran, bot.readyQuickly(matchedTerran, Side.SC2));
        wave();
        SeenMessage found = bot.awaitMatchFound(matchedZerg);
        EmulatedUser zerg = bot.newUser();
        EmulatedUser terran = bot.newUser();
        bot.join(zerg, bot.readyQuickly(zerg, Side.BW));
        bot.join(terran, bot.readyQuickly(terran, Side.SC2));
        EmulatedUser late = bot.newUser();
        SeenMessage lateQueue = bot.readyQuickly(late, Side.SC2);
        Database database = bot.ladder().database();
        int port = database.embeddedServer().orElseThrow().port();

        database.embeddedServer().orElseThrow().close();

        String down = StoreException.UNAVAILABLE_ANSWER;
        assertThat(ephemeralAnswer(late.press(late.message(lateQueue.id()), LadderBotHarness.JOIN)).text())
                .as("join").isEqualTo(down);
        // A view of what this process holds in memory needs no database: his saved choices.
        assertThat(ephemeralAnswer(late.runCommand("queue")).text()).as("/queue").startsWith("Ranked queue")
                .contains("SC2 Terran");
        assertThat(ephemeralAnswer(late.runCommand("profile")).text()).as("/profile").isEqualTo(down);
        assertThat(ephemeralAnswer(late.runCommand("leaderboard")).text()).as("/leaderboard").isEqualTo(down);
        assertThat(ephemeralAnswer(late.runCommand("setcountry", Map.of("country", "DE"))).text())
                .as("/setcountry").isEqualTo(down);
        assertThat(ephemeralAnswer(matchedZerg.press(found, "Confirm")).text()).as("confirm").isEqualTo(down);
        assertThat(bot.ladder().queue().find(playerOf(late))).as("the late player was not queued").isEmpty();

        wave();

        assertThat(bot.ladder().queue().find(playerOf(zerg))).as("%s still queued after the failed wave",
                zerg.name()).isPresent();
        assertThat(bot.ladder().queue().find(playerOf(terran))).as("%s still queued after the failed wave",
                terran.name()).isPresent();
        assertThat(bot.ladder().lifecycle().inMatch(playerOf(zerg))).as("no match made in the outage").isFalse();

        // The bot's database owns the server it started, not this one: stopped here, before the
        // harness deletes the data directory.
        try (EmbeddedPostgresServer restarted = EmbeddedPostgresServer.start(bot.dataDirectory(), port,
                LadderBotHarness.SERVER_SETTINGS)) {
            awaitReachable(database);
            wave();

            bot.awaitMatchFound(zerg);
            assertThat(bot.openMatchOf(terran).players()).containsExactly(playerOf(zerg), playerOf(terran));
            bot.join(late, late.message(lateQueue.id()));
        }
    }

    /** The pool reaches the restarted server (what /health checks); bounded by a few connection timeouts. */
    private static void awaitReachable(Database database) throws InterruptedException {
        Duration bound = LadderBotHarness.WAIT;
        long deadline = System.nanoTime() + bound.toNanos();
        while (!database.isReachable(Duration.ofSeconds(1))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the pool did not reach the restarted database within " + bound);
            }
            Thread.sleep(50);
        }
    }
}
