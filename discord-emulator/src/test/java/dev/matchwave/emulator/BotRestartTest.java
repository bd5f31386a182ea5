package dev.matchwave.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The bot stops and a new one starts against the same emulator: while it is away a user's
 * command fails as on Discord, and afterwards the buttons of old messages reach the new bot.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BotRestartTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void oldButtonsReachTheRestartedBotAndCommandsFailWhileItIsAway() throws InterruptedException {
        EmulatorConfig config = EmulatorConfig.builder().interactionDeadline(Duration.ofMillis(500)).build();
        try (DiscordEmulator discord = DiscordEmulator.start(config)) {
            EmulatedUser uma = discord.addUser("uma");
            SeenMessage hello;
            TestBot first = new TestBot();
            try (EmulatedBot bot = EmulatedBot.connect(discord, first)) {
                bot.jda().updateCommands().addCommands(TestBot.globalCommands()).complete();
                hello = uma.runCommand("hello").awaitResponse(WAIT);
            }
            discord.await("the bot to be gone", () -> !discord.botConnected(), WAIT);

            UserInteraction unanswered = uma.runCommand("ping");
            uma.await("the command to fail", u -> unanswered.failed() ? java.util.Optional.of(true)
                    : java.util.Optional.empty(), WAIT);
            assertThat(unanswered.callbackType()).isEmpty();

            TestBot second = new TestBot();
            try (EmulatedBot bot = EmulatedBot.connect(discord, second)) {
                assertThat(discord.commands()).extracting(RegisteredCommand::name).contains("hello");
                SeenMessage waved = uma.press(hello, "Wave").awaitResponse(m -> m.revision() == 1, WAIT);
                assertThat(waved.content()).isEqualTo("waved by uma");
                assertThat(second.seen).containsExactly("button wave by uma");
                assertThat(first.seen).containsExactly("/hello by uma");
            }
        }
    }
}
