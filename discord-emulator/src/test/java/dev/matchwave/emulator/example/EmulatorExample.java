package dev.matchwave.emulator.example;

import dev.matchwave.emulator.DiscordEmulator;
import dev.matchwave.emulator.EmulatedUser;
import dev.matchwave.emulator.EmulatorConfig;
import dev.matchwave.emulator.SeenMessage;
import dev.matchwave.emulator.UserInteraction;
import dev.matchwave.emulator.recording.RunFigures;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;

/**
 * The example of docs/testing.md: somebody else's bot, on plain JDA, tested against the
 * emulator through its public API only (this package is outside the emulator's).
 */
public final class EmulatorExample {

    private EmulatorExample() {
    }

    /** The bot under test: /greet answers with a button, the button edits the answer. */
    static final class GreetingBot extends ListenerAdapter {
        @Override
        public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
            event.reply("Hello, " + event.getOption("name").getAsString() + "!")
                    .addComponents(ActionRow.of(Button.primary("wave", "Wave back")))
                    .queue();
        }

        @Override
        public void onButtonInteraction(ButtonInteractionEvent event) {
            event.editMessage(event.getUser().getName() + " waved back").setComponents().queue();
        }
    }

    public static void run(PrintStream out) throws InterruptedException {
        // tag::example[]
        try (DiscordEmulator discord = DiscordEmulator.start(EmulatorConfig.defaults())) {
            JDA jda = JDABuilder.createLight(discord.botToken())
                    .setRestConfig(new RestConfig().setBaseUrl(discord.apiUrl().toString()))
                    .setSessionController(new SessionControllerAdapter() {
                        @Override
                        public String getGateway() {
                            return discord.gatewayUrl().toString();
                        }
                    })
                    .addEventListeners(new GreetingBot())
                    .build()
                    .awaitReady();
            try {
                jda.updateCommands().addCommands(Commands.slash("greet", "Greets somebody")
                        .addOption(OptionType.STRING, "name", "Who", true)).complete();

                EmulatedUser alice = discord.addUser("alice");
                UserInteraction greet = alice.runCommand("greet", Map.of("name", "Bob"));
                SeenMessage reply = greet.awaitResponse(Duration.ofSeconds(5));
                out.println(reply.content() + " " + reply.buttons().get(0).label());

                UserInteraction wave = alice.press(reply, "Wave back");
                SeenMessage edited = wave.awaitResponse(m -> m.revision() == 1, Duration.ofSeconds(5));
                out.println(edited.content() + ", buttons left: " + edited.buttons().size());
            } finally {
                jda.shutdownNow();
                jda.awaitShutdown(Duration.ofSeconds(5));
            }
            RunFigures figures = discord.recording().figures();
            out.println(figures.requests() + " requests, " + figures.rateLimited() + " answered 429");
        }
        // end::example[]
    }
}
