package dev.matchwave.bot.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * One bot for a whole test class: started before the first test with {@link #options()},
 * its queue cleared after each test (a test's leftovers stay out of the next one's waves),
 * closed after the last. Each test makes its own users, so the order of tests does not matter.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BotEndToEndTest {

    protected LadderBotHarness bot;

    /** How this class's bot is started. */
    protected abstract LadderBotHarness.Options options();

    @BeforeAll
    final void startBot() {
        bot = LadderBotHarness.start(options());
    }

    @AfterEach
    final void clearQueue() {
        bot.clearQueue();
    }

    @AfterAll
    final void stopBot() {
        bot.close();
        afterBot();
    }

    /** Runs after the bot is closed (a class's own clean-up). */
    protected void afterBot() {
    }
}
