package dev.matchwave.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.matchwave.discord.command.CommandVocabulary;
import dev.matchwave.discord.command.SlashCommands;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The ladder bot's real command definitions (discord-adapter's {@link SlashCommands}) go
 * through the emulator: registered, offered in DMs and servers, subcommands and groups walked,
 * choices, ranges and user options checked and delivered as JDA reads them.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LadderCommandsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    /** Answers every command with what JDA read from it. */
    static final class Echo extends ListenerAdapter {
        final List<String> failures = new CopyOnWriteArrayList<>();

        @Override
        public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
            String options = event.getOptions().stream()
                    .map(o -> o.getName() + "=" + switch (o.getType()) {
                        case USER -> o.getAsUser().getName();
                        default -> o.getAsString();
                    })
                    .collect(Collectors.joining(" "));
            event.reply(event.getFullCommandName() + (options.isEmpty() ? "" : " " + options)
                    + (event.isFromGuild() ? " in " + event.getChannel().getName() : " in DM"))
                    .setEphemeral(true).queue(null, e -> failures.add(e.toString()));
        }

        @Override
        public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
            event.replyChoice("France", "FR").queue(null, e -> failures.add(e.toString()));
        }
    }

    @Test
    void theLaddersCommandsRunAsTheClientSendsThem() throws InterruptedException {
        Echo echo = new Echo();
        try (DiscordEmulator discord = DiscordEmulator.start();
             EmulatedBot bot = EmulatedBot.connect(discord, echo)) {
            bot.jda().updateCommands().addCommands(SlashCommands.definitions(CommandVocabulary.reference())).complete();
            assertThat(discord.commands()).extracting(RegisteredCommand::name).containsExactlyInAnyOrder(
                    "queue", "leaderboard", "profile", "setup", "setcountry", "termsofservice", "prune", "match",
                    "admin");
            EmulatedUser admin = discord.addUser("admin");
            EmulatedUser player = discord.addUser("player");

            assertThat(admin.runCommand("queue").awaitResponse(WAIT).content()).isEqualTo("queue in DM");
            assertThat(admin.runCommand("admin resolve", Map.of("match_id", 12L, "result", -1, "reason", "no show"))
                    .awaitResponse(WAIT).content()).isEqualTo("admin resolve match_id=12 result=-1 reason=no show in DM");
            assertThat(admin.runCommand("admin adjust_mmr set",
                    Map.of("user", player, "race", "bw_zerg", "value", 1500, "reason", "migration"))
                    .awaitResponse(WAIT).content())
                    .isEqualTo("admin adjust_mmr set user=player race=bw_zerg value=1500 reason=migration in DM");
            assertThat(player.runCommandIn(discord.guild().channel("general"), "leaderboard",
                    Map.of("rank", "A", "page", 2)).awaitResponse(WAIT).content())
                    .isEqualTo("leaderboard rank=A page=2 in general");
            assertThat(player.autocomplete("setcountry", Map.of("country", "fr"), "country").awaitChoices(WAIT))
                    .containsExactly("FR");

            assertThatThrownBy(() -> admin.runCommand("admin resolve", Map.of("match_id", 12L, "result", 3, "reason", "x y")))
                    .hasMessageContaining("takes one of [1, 2, 0, -1]");
            assertThatThrownBy(() -> admin.runCommand("admin resolve", Map.of("match_id", 12L, "result", 1, "reason", "x")))
                    .hasMessageContaining("takes 3 to 200 characters");
            assertThatThrownBy(() -> player.runCommandIn(discord.guild().channel("general"), "leaderboard",
                    Map.of("page", 26))).hasMessageContaining("at most 25");
            assertThatThrownBy(() -> admin.runCommand("admin adjust_mmr")).hasMessageContaining(
                    "needs a subcommand: one of [set, add, subtract]");
            assertThat(echo.failures).isEmpty();
        }
    }
}
