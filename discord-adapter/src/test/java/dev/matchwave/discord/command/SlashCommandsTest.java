package dev.matchwave.discord.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.interactions.IntegrationType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandGroupData;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.Test;

/** The command definitions, checked as data: no connection. */
class SlashCommandsTest {

    private final List<SlashCommandData> commands = SlashCommands.definitions(CommandVocabulary.reference());
    private final Map<String, SlashCommandData> byName =
            commands.stream().collect(Collectors.toMap(SlashCommandData::getName, Function.identity()));

    private static Map<String, OptionData> options(List<OptionData> options) {
        return options.stream().collect(Collectors.toMap(OptionData::getName, Function.identity()));
    }

    @Test
    void everyCommandOfTheLadder() {
        assertThat(commands).extracting(SlashCommandData::getName).containsExactly(
                "queue", "leaderboard", "profile", "setup", "setcountry", "termsofservice", "prune", "match", "admin");
    }

    @Test
    void directMessageOnlyAsLadderMdSays() {
        assertThat(SlashCommands.DIRECT_MESSAGE_ONLY)
                .containsExactlyInAnyOrder("queue", "profile", "setup", "setcountry", "termsofservice", "prune", "match");
        assertThat(SlashCommands.directMessageOnly("leaderboard")).isFalse();
        assertThat(SlashCommands.directMessageOnly("admin")).isFalse();
        assertThat(SlashCommands.directMessageOnly("queue")).isTrue();
    }

    @Test
    void offeredInServersAndTheBotsDirectMessages() {
        for (SlashCommandData command : commands) {
            assertThat(command.getContexts()).as(command.getName())
                    .containsExactlyInAnyOrder(InteractionContextType.GUILD, InteractionContextType.BOT_DM);
            assertThat(command.getIntegrationTypes()).as(command.getName())
                    .containsExactly(IntegrationType.GUILD_INSTALL);
        }
    }

    @Test
    void leaderboardFiltersPageAndBestRaceOnly() {
        Map<String, OptionData> options = options(byName.get("leaderboard").getOptions());
        assertThat(options).containsOnlyKeys("country", "race", "rank", "best_race_only", "page", "season");
        assertThat(options.get("season").getMinValue()).isEqualTo(1L);
        assertThat(options.values()).noneMatch(OptionData::isRequired);
        assertThat(options.get("country").isAutoComplete()).isTrue();
        assertThat(options.get("race").getChoices()).extracting(Command.Choice::getAsString)
                .containsExactly("bw_terran", "bw_zerg", "bw_protoss", "sc2_terran", "sc2_zerg", "sc2_protoss");
        assertThat(options.get("rank").getChoices()).extracting(Command.Choice::getAsString)
                .containsExactly("S", "A", "B", "C", "D", "E", "F");
        assertThat(options.get("best_race_only").getType()).isEqualTo(OptionType.BOOLEAN);
        assertThat(options.get("page").getType()).isEqualTo(OptionType.INTEGER);
        assertThat(options.get("page").getMinValue()).isEqualTo(1L);
        assertThat(options.get("page").getMaxValue()).isEqualTo(25L);
    }

    @Test
    void setCountryHasARequiredAutocompletedCountry() {
        OptionData country = byName.get("setcountry").getOptions().get(0);
        assertThat(country.getName()).isEqualTo("country");
        assertThat(country.isRequired()).isTrue();
        assertThat(country.isAutoComplete()).isTrue();
    }

    @Test
    void commandsWithoutOptions() {
        for (String name : List.of("queue", "setup", "termsofservice", "prune", "match")) {
            assertThat(byName.get(name).getOptions()).as(name).isEmpty();
        }
        assertThat(byName.get("profile").getOptions()).extracting(OptionData::getName).containsExactly("season");
        assertThat(byName.get("profile").getOptions().get(0).isRequired()).isFalse();
    }

    @Test
    void adminHasEverySubcommandOfLadderMd() {
        SlashCommandData admin = byName.get("admin");
        assertThat(admin.getSubcommands()).extracting(SubcommandData::getName).containsExactlyInAnyOrder(
                "snapshot", "player", "match", "resolve", "remove_queue", "unblock_queue", "ban", "reset_aborts",
                "clear_queue", "lift_cooldown", "new_season");
        assertThat(admin.getSubcommandGroups()).extracting(SubcommandGroupData::getName).containsExactly("adjust_mmr");
        SubcommandGroupData adjust = admin.getSubcommandGroups().get(0);
        assertThat(adjust.getSubcommands()).extracting(SubcommandData::getName).containsExactly("set", "add", "subtract");
        for (SubcommandData sub : adjust.getSubcommands()) {
            Map<String, OptionData> options = options(sub.getOptions());
            assertThat(options).containsOnlyKeys("user", "race", "value", "reason");
            assertThat(options.get("user").getType()).isEqualTo(OptionType.USER);
            assertThat(options.get("race").getChoices()).hasSize(6);
            assertThat(options.get("value").getMaxValue()).isEqualTo((long) SlashCommands.MAX_RATING);
        }
        assertThat(adjust.getSubcommands().get(0).getOptions().get(2).getMinValue()).as("set allows 0").isEqualTo(0L);
        assertThat(adjust.getSubcommands().get(1).getOptions().get(2).getMinValue()).as("add at least 1").isEqualTo(1L);
    }

    @Test
    void adminSubcommandOptions() {
        Map<String, SubcommandData> subs = byName.get("admin").getSubcommands().stream()
                .collect(Collectors.toMap(SubcommandData::getName, Function.identity()));
        assertThat(subs.get("snapshot").getOptions()).isEmpty();
        assertThat(options(subs.get("player").getOptions())).containsOnlyKeys("user");
        assertThat(options(subs.get("match").getOptions())).containsOnlyKeys("match_id");
        Map<String, OptionData> resolve = options(subs.get("resolve").getOptions());
        assertThat(resolve).containsOnlyKeys("match_id", "result", "reason");
        assertThat(resolve.get("result").getChoices()).extracting(Command.Choice::getAsLong)
                .containsExactly(1L, 2L, 0L, -1L);
        for (String mutating : List.of("resolve", "remove_queue", "unblock_queue", "ban", "reset_aborts", "clear_queue",
                "lift_cooldown", "new_season")) {
            OptionData reason = options(subs.get(mutating).getOptions()).get("reason");
            assertThat(reason).as(mutating + " asks for a reason for the audit log").isNotNull();
            assertThat(reason.isRequired()).isTrue();
            assertThat(reason.getMaxLength()).isEqualTo(SlashCommands.MAX_REASON_LENGTH);
        }
        OptionData aborts = options(subs.get("reset_aborts").getOptions()).get("aborts");
        assertThat(aborts.isRequired()).isFalse();
        assertThat(aborts.getMaxValue()).isEqualTo(3L);
    }

    /** Discord refuses a command whose names, descriptions and choices exceed 4000 characters. */
    @Test
    void everyCommandSerializesAndFitsDiscordsSizeLimit() {
        for (SlashCommandData command : commands) {
            DataObject data = command.toData();
            assertThat(data.getString("name")).isEqualTo(command.getName());
            assertThat(textLength(data)).as(command.getName()).isLessThanOrEqualTo(4000);
        }
        DataObject admin = byName.get("admin").toData();
        assertThat(admin.getArray("contexts").toList()).map(String::valueOf).containsExactlyInAnyOrder("0", "1");
    }

    private static int textLength(DataObject object) {
        int length = 0;
        for (String key : List.of("name", "description")) {
            length += object.getString(key, "").length();
        }
        if (object.hasKey("value")) {
            length += String.valueOf(object.get("value")).length();
        }
        for (String key : List.of("options", "choices")) {
            if (object.hasKey(key)) {
                DataArray array = object.getArray(key);
                for (int i = 0; i < array.length(); i++) {
                    length += textLength(array.getObject(i));
                }
            }
        }
        return length;
    }

    @Test
    void aVocabularyIsChecked() {
        CommandVocabulary reference = CommandVocabulary.reference();
        assertThatThrownBy(() -> new CommandVocabulary(List.of(), reference.ranks(), 25, 3))
                .hasMessage("races must have 1 to 25 entries, got 0");
        assertThatThrownBy(() -> new CommandVocabulary(reference.races(), List.of("S", "S"), 25, 3))
                .hasMessage("ranks has 'S' twice");
        assertThatThrownBy(() -> new CommandVocabulary(reference.races(), reference.ranks(), 0, 3))
                .hasMessageContaining("leaderboardPages");
    }

    @Test
    void anotherLadderGetsItsOwnChoices() {
        CommandVocabulary chess = new CommandVocabulary(List.of(new CommandVocabulary.Choice("white", "White"),
                new CommandVocabulary.Choice("black", "Black")), List.of("GM", "IM"), 10, 0);
        SlashCommandData leaderboard = SlashCommands.definitions(chess).get(1);
        assertThat(options(leaderboard.getOptions()).get("race").getChoices()).hasSize(2);
        assertThat(options(leaderboard.getOptions()).get("page").getMaxValue()).isEqualTo(10L);
    }
}
