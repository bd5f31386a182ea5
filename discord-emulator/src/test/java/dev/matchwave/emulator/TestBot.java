package dev.matchwave.emulator;

import java.awt.Color;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.modals.Modal;

/** A small bot on the real JDA, answering the ways the ladder bot answers. */
final class TestBot extends ListenerAdapter {

    /** What the bot saw, for assertions on JDA's side. */
    final List<String> seen = new CopyOnWriteArrayList<>();
    final Map<String, OffsetDateTime> created = new ConcurrentHashMap<>();
    final List<Throwable> failures = new CopyOnWriteArrayList<>();

    static List<SlashCommandData> globalCommands() {
        return List.of(
                Commands.slash("ping", "Answers pong, ephemeral"),
                Commands.slash("hello", "Says hello with buttons"),
                Commands.slash("pick", "Offers a race select"),
                Commands.slash("setup", "Opens a modal"),
                Commands.slash("slow", "Defers, then edits and follows up"),
                Commands.slash("notify", "DMs a user an embed with components")
                        .addOptions(new OptionData(OptionType.USER, "user", "Who", true)),
                Commands.slash("rate", "Takes numbers and choices").addOptions(
                        new OptionData(OptionType.INTEGER, "value", "A value", true).setRequiredRange(1, 10),
                        new OptionData(OptionType.STRING, "race", "A race").addChoice("Zerg", "zerg")
                                .addChoice("Terran", "terran"),
                        new OptionData(OptionType.STRING, "country", "A country", false, true)),
                Commands.slash("admin", "Admin").addSubcommands(new SubcommandData("resolve", "Resolve")
                        .addOptions(new OptionData(OptionType.INTEGER, "match_id", "Match", true))),
                Commands.slash("serveronly", "Only in servers").setContexts(InteractionContextType.GUILD));
    }

    static List<SlashCommandData> guildCommands() {
        return List.of(Commands.slash("where", "Says where it runs"));
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        seen.add("/" + event.getFullCommandName() + " by " + event.getUser().getName());
        created.put(event.getId(), event.getTimeCreated());
        switch (event.getName()) {
            case "ping" -> event.reply("pong").setEphemeral(true).queue(null, failures::add);
            case "hello" -> event.reply("hello " + event.getUser().getName())
                    .addComponents(ActionRow.of(Button.primary("wave", "Wave"), Button.danger("bye", "Bye"),
                            Button.link("https://example.org", "Docs")))
                    .queue(null, failures::add);
            case "pick" -> event.reply("pick a race").setEphemeral(true)
                    .addComponents(ActionRow.of(StringSelectMenu.create("race").setPlaceholder("Race")
                            .addOption("Zerg", "zerg").addOption("Terran", "terran").addOption("Protoss", "protoss")
                            .setMaxValues(2).build()))
                    .queue(null, failures::add);
            case "setup" -> event.replyModal(Modal.create("setup-modal", "Setup")
                    .addComponents(Label.of("BattleTag", TextInput.create("battletag", TextInputStyle.SHORT)
                            .setRequiredRange(3, 20).build()),
                            Label.of("About you", TextInput.create("about", TextInputStyle.PARAGRAPH).setRequired(false)
                                    .build()),
                            Label.of("Home region", StringSelectMenu.create("region").setPlaceholder("Region")
                                    .addOption("Europe West", "EUW").addOption("Korea, Japan", "KRJ")
                                    .setRequiredRange(1, 1).build()))
                    .build()).queue(null, failures::add);
            case "slow" -> event.deferReply(true).queue(hook -> hook.editOriginal("done")
                    .queue(done -> hook.sendMessage("and a followup").setEphemeral(true).queue(null, failures::add),
                            failures::add), failures::add);
            case "notify" -> {
                long target = event.getOption("user").getAsUser().getIdLong();
                event.getJDA().openPrivateChannelById(target)
                        .flatMap(channel -> channel.sendMessageEmbeds(new EmbedBuilder().setTitle("Match found")
                                        .setDescription("You play " + event.getUser().getName()).setColor(Color.GREEN)
                                        .addField("Map", "Alcyone", true).setFooter("matchwave").build())
                                .addComponents(ActionRow.of(Button.success("confirm", "Confirm"),
                                        Button.danger("abort", "Abort"))))
                        .queue(message -> event.reply("sent").setEphemeral(true).queue(null, failures::add),
                                error -> {
                                    failures.add(error);
                                    event.reply("could not DM: " + error.getMessage()).setEphemeral(true).queue();
                                });
            }
            case "rate" -> event.reply("rated " + event.getOption("value").getAsLong() + " "
                    + (event.getOption("race") == null ? "-" : event.getOption("race").getAsString()))
                    .setEphemeral(true).queue(null, failures::add);
            case "admin" -> event.reply("resolved " + event.getOption("match_id").getAsLong() + " via "
                    + event.getSubcommandName()).setEphemeral(true).queue(null, failures::add);
            case "where" -> event.reply("in " + event.getGuild().getName() + " #" + event.getChannel().getName()
                    + " as " + event.getMember().getEffectiveName()).queue(null, failures::add);
            default -> event.reply("unknown").setEphemeral(true).queue();
        }
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        seen.add("button " + event.getComponentId() + " by " + event.getUser().getName());
        switch (event.getComponentId()) {
            case "wave" -> event.editMessage("waved by " + event.getUser().getName()).setComponents()
                    .queue(null, failures::add);
            case "bye" -> event.deferEdit().queue(hook -> hook.editOriginal("bye from " + event.getUser().getName())
                    .setComponents().queue(null, failures::add), failures::add);
            case "confirm" -> event.reply("confirmed").setEphemeral(true).queue(null, failures::add);
            default -> event.reply("stale button").setEphemeral(true).queue(null, failures::add);
        }
    }

    @Override
    public void onStringSelectInteraction(StringSelectInteractionEvent event) {
        seen.add("select " + event.getValues());
        event.editMessage("picked " + String.join(",", event.getValues())).setComponents().queue(null, failures::add);
    }

    @Override
    public void onModalInteraction(ModalInteractionEvent event) {
        seen.add("modal " + event.getModalId());
        String about = event.getValue("about") == null ? "" : event.getValue("about").getAsString();
        String region = event.getValue("region") == null ? "" : String.join(",", event.getValue("region").getAsStringList());
        event.reply("saved " + event.getValue("battletag").getAsString() + " / " + about + " / " + region).setEphemeral(true)
                .queue(null, failures::add);
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        String typed = event.getFocusedOption().getValue().toLowerCase(java.util.Locale.ROOT);
        event.replyChoiceStrings(List.of("france", "finland", "germany").stream().filter(c -> c.startsWith(typed))
                .toList()).queue(null, failures::add);
    }
}
