package dev.matchwave.discord.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.matchwave.discord.component.ComponentAction;
import dev.matchwave.discord.component.CustomId;
import dev.matchwave.discord.component.CustomIdException;
import dev.matchwave.discord.view.MatchView.MatchPlayer;
import dev.matchwave.discord.view.MatchView.Reports;
import dev.matchwave.discord.view.MatchView.Status;
import dev.matchwave.discord.view.SearchingView.CategoryCount;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.buttons.ButtonStyle;
import net.dv8tion.jda.api.components.selections.SelectOption;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.junit.jupiter.api.Test;

/** Every message rendered without a connection, and read back as data. */
class LadderMessagesTest {

    private static final long ALICE = 111111111111111111L;
    private static final long BOB = 222222222222222222L;
    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    private static MessageEmbed embed(MessageCreateData data) {
        assertThat(data.getEmbeds()).hasSize(1);
        return data.getEmbeds().get(0);
    }

    private static Map<String, String> fields(MessageEmbed embed) {
        return embed.getFields().stream().filter(f -> f.getName() != null && !f.getName().isBlank())
                .collect(Collectors.toMap(MessageEmbed.Field::getName, f -> String.valueOf(f.getValue())));
    }

    private static List<ActionRow> rows(MessageCreateData data) {
        return data.getComponents().stream().map(c -> c.asActionRow()).toList();
    }

    private static SearchingView searching() {
        return new SearchingView(ALICE, List.of("BW Zerg", "SC2 Protoss"), List.of("Fighting Spirit"),
                NOW.minusSeconds(300), Instant.parse("2026-01-01T12:00:45Z"), 57, 4,
                List.of(new CategoryCount("BW only", 3), new CategoryCount("SC2 only", 5), new CategoryCount("Both", 2)));
    }

    private static QueueView queueView(Optional<String> bw, Optional<String> sc2, Set<String> vetoed) {
        return new QueueView(ALICE,
                List.of(new QueueView.Option("bw_terran", "BW Terran"), new QueueView.Option("bw_zerg", "BW Zerg")),
                List.of(new QueueView.Option("sc2_protoss", "SC2 Protoss")),
                bw, sc2, List.of("Fighting Spirit", "Circuit Breaker", "Polypoid"), vetoed, 2);
    }

    @Test
    void queueViewWithRaceSelectsVetoesJoinAndClear() {
        MessageCreateData data = LadderMessages.queue(queueView(Optional.of("bw_zerg"), Optional.empty(),
                Set.of("Polypoid")));
        MessageEmbed embed = embed(data);
        assertThat(embed.getTitle()).isEqualTo("Ranked queue");
        assertThat(embed.getDescription()).contains("veto up to 2 maps");
        assertThat(fields(embed)).containsEntry("Races", "BW Zerg").containsEntry("Vetoed maps", "Polypoid");

        List<ActionRow> rows = rows(data);
        assertThat(rows).hasSize(4);
        StringSelectMenu bw = rows.get(0).getComponents().get(0).asStringSelectMenu();
        assertThat(CustomId.parse(bw.getCustomId())).isEqualTo(CustomId.forPlayer(ComponentAction.BW_RACE, ALICE));
        assertThat(bw.getMinValues()).isZero();
        assertThat(bw.getMaxValues()).isEqualTo(1);
        assertThat(bw.getOptions()).filteredOn(SelectOption::isDefault).extracting(SelectOption::getValue)
                .containsExactly("bw_zerg");
        StringSelectMenu sc2 = rows.get(1).getComponents().get(0).asStringSelectMenu();
        assertThat(CustomId.parse(sc2.getCustomId()).action()).isEqualTo(ComponentAction.SC2_RACE);
        assertThat(sc2.getOptions()).noneMatch(SelectOption::isDefault);
        StringSelectMenu vetoes = rows.get(2).getComponents().get(0).asStringSelectMenu();
        assertThat(CustomId.parse(vetoes.getCustomId()).action()).isEqualTo(ComponentAction.MAP_VETO);
        assertThat(vetoes.getMaxValues()).isEqualTo(2);
        assertThat(vetoes.getOptions()).extracting(SelectOption::getValue)
                .containsExactly("Fighting Spirit", "Circuit Breaker", "Polypoid");
        assertThat(vetoes.getOptions()).filteredOn(SelectOption::isDefault).extracting(SelectOption::getValue)
                .containsExactly("Polypoid");
        List<Button> buttons = rows.get(3).getButtons();
        assertThat(buttons).extracting(Button::getLabel).containsExactly("Join the queue", "Clear");
        assertThat(buttons.get(0).isDisabled()).isFalse();
        assertThat(CustomId.parse(buttons.get(0).getCustomId()).action()).isEqualTo(ComponentAction.JOIN);
        assertThat(CustomId.parse(buttons.get(1).getCustomId()).action()).isEqualTo(ComponentAction.CLEAR);
    }

    @Test
    void joinNeedsARace() {
        QueueView view = queueView(Optional.empty(), Optional.empty(), Set.of());
        assertThat(view.canJoin()).isFalse();
        MessageCreateData data = LadderMessages.queue(view);
        assertThat(rows(data).get(3).getButtons().get(0).isDisabled()).isTrue();
        assertThat(fields(embed(data))).containsEntry("Races", "none yet").containsEntry("Vetoed maps", "none");
    }

    @Test
    void queueViewsAreChecked() {
        assertThatThrownBy(() -> queueView(Optional.of("sc2_zerg"), Optional.empty(), Set.of()))
                .hasMessage("selectedBw 'sc2_zerg' is not one of the options");
        assertThatThrownBy(() -> queueView(Optional.empty(), Optional.empty(), Set.of("Polypoid", "Circuit Breaker",
                "Fighting Spirit"))).hasMessage("at most 2 vetoes, got 3");
        assertThatThrownBy(() -> queueView(Optional.empty(), Optional.empty(), Set.of("Nowhere")))
                .hasMessageContaining("vetoed maps must be in the pool");
    }

    @Test
    void searchingShowsNextWavePopulationMatchesAndCounts() {
        MessageCreateData data = LadderMessages.searching(searching());
        MessageEmbed embed = embed(data);
        assertThat(embed.getTitle()).isEqualTo("Searching...");
        assertThat(embed.getDescription()).contains("<t:1767268845:T>", "<t:1767268845:R>");
        Map<String, String> fields = fields(embed);
        assertThat(fields).containsEntry("Races", "BW Zerg, SC2 Protoss")
                .containsEntry("Vetoed maps", "Fighting Spirit")
                .containsEntry("Searching since", "<t:1767268500:R>")
                .containsEntry("Active players (15 min)", "57")
                .containsEntry("Matches in progress", "4")
                .containsEntry("In the queue", "BW only: 3\nSC2 only: 5\nBoth: 2");
        assertThat(embed.getColorRaw()).isEqualTo(LadderMessages.SEARCHING);

        List<Button> buttons = rows(data).get(0).getButtons();
        assertThat(buttons).hasSize(1);
        assertThat(buttons.get(0).getLabel()).isEqualTo("Cancel search");
        assertThat(buttons.get(0).getStyle()).isEqualTo(ButtonStyle.DANGER);
        assertThat(CustomId.parse(buttons.get(0).getCustomId()))
                .isEqualTo(CustomId.forPlayer(ComponentAction.CANCEL, ALICE));
    }

    @Test
    void searchingWithoutVetoesOrCounts() {
        SearchingView view = new SearchingView(ALICE, List.of("BW Terran"), List.of(), NOW, NOW, 0, 0, List.of());
        Map<String, String> fields = fields(embed(LadderMessages.searching(view)));
        assertThat(fields).containsEntry("Vetoed maps", "none").doesNotContainKey("In the queue");
    }

    @Test
    void playerTextIsEscaped() {
        SearchingView view = new SearchingView(ALICE, List.of("*bold*"), List.of("__map__"), NOW, NOW, 0, 0, List.of());
        Map<String, String> fields = fields(embed(LadderMessages.searching(view)));
        assertThat(fields.get("Races")).isEqualTo("\\*bold\\*");
        assertThat(fields.get("Vetoed maps")).isEqualTo("\\_\\_map\\_\\_");
    }

    @Test
    void matchFoundAsksToConfirmAndHidesTheDetails() {
        MatchFoundView view = new MatchFoundView(1042, ALICE, "BW Zerg", NOW.plusSeconds(60), false, true, 3, false);
        MessageCreateData data = LadderMessages.matchFound(view);
        MessageEmbed embed = embed(data);
        assertThat(embed.getTitle()).isEqualTo("Match found! (#1042)");
        assertThat(embed.getDescription()).contains("**BW Zerg**", "<t:1767268860:R>", "when both of you have confirmed");
        assertThat(fields(embed)).containsEntry("You", "⏳ Not confirmed yet").containsEntry("Opponent", "✅ Confirmed");

        List<Button> buttons = rows(data).get(0).getButtons();
        assertThat(buttons).extracting(Button::getLabel).containsExactly("Confirm", "Abort (3 left)");
        assertThat(buttons.get(0).isDisabled()).isFalse();
        assertThat(CustomId.parse(buttons.get(0).getCustomId()))
                .isEqualTo(CustomId.forMatch(ComponentAction.CONFIRM, 1042, ALICE));
        assertThat(CustomId.parse(buttons.get(1).getCustomId()).action()).isEqualTo(ComponentAction.ABORT);
    }

    @Test
    void matchFoundNamesTheOpponentEscapedButNotTheMapOrServer() {
        MatchPendingView.Side opponent = new MatchPendingView.Side(BOB, "*bob*", "SC2 Terran", 1540,
                java.util.Optional.of("DE"), true);
        MatchFoundView view = new MatchFoundView(1042, ALICE, "BW Zerg", NOW.plusSeconds(60), false, true, 3, false,
                java.util.Optional.of(opponent));
        MessageEmbed embed = embed(LadderMessages.matchFound(view));
        assertThat(fields(embed).get("Opponent")).contains("**\\*bob\\***", "SC2 Terran, 1540", "✅ Confirmed");
        assertThat(embed.getDescription()).doesNotContain("Polypoid");
        assertThat(fields(embed)).doesNotContainKeys("Map", "Server", "In-game channel");
    }

    @Test
    void confirmedAndArmedAbort() {
        MatchFoundView view = new MatchFoundView(1042, ALICE, "BW Zerg", NOW, true, false, 1, true);
        List<Button> buttons = rows(LadderMessages.matchFound(view)).get(0).getButtons();
        assertThat(buttons.get(0).getLabel()).isEqualTo("Confirmed");
        assertThat(buttons.get(0).isDisabled()).isTrue();
        assertThat(buttons.get(1).getLabel()).isEqualTo("Click again to abort (1 left)");
        assertThat(CustomId.parse(buttons.get(1).getCustomId()).action()).isEqualTo(ComponentAction.ABORT_CONFIRM);
    }

    @Test
    void noAbortButtonWithoutAbortsLeft() {
        MatchFoundView view = new MatchFoundView(1042, ALICE, "BW Zerg", NOW, false, false, 0, false);
        assertThat(rows(LadderMessages.matchFound(view)).get(0).getButtons()).extracting(Button::getLabel)
                .containsExactly("Confirm");
        assertThatThrownBy(() -> new MatchFoundView(1042, ALICE, "BW Zerg", NOW, false, false, 0, true))
                .hasMessage("abortArmed needs an abort left");
    }

    @Test
    void theMatchMessageBeforeBothConfirmShowsPlayersRacesRatingsAndConfirmsOnly() {
        MatchPendingView view = new MatchPendingView(1042, BOB,
                new MatchPendingView.Side(ALICE, "Alice", "BW Zerg", 1540, Optional.of("DE"), true),
                new MatchPendingView.Side(BOB, "Bob_", "SC2 Protoss", 1500, Optional.empty(), false),
                NOW.plusSeconds(60));
        MessageCreateData data = LadderMessages.matchPending(view);
        MessageEmbed embed = embed(data);
        assertThat(embed.getTitle()).isEqualTo("Match #1042: Alice vs Bob\\_");
        Map<String, String> fields = fields(embed);
        assertThat(fields.get("Player 1")).isEqualTo(
                "\uD83C\uDDE9\uD83C\uDDEA **Alice** <@111111111111111111>\nBW Zerg, 1540\n✅ Confirmed");
        assertThat(fields.get("Player 2")).isEqualTo("**Bob\\_** <@222222222222222222>\nSC2 Protoss, 1500\n⏳ Not confirmed yet");
        assertThat(fields.get("Status")).startsWith("Waiting for both confirmations").contains("<t:1767268860:T>");
        assertThat(fields).doesNotContainKeys("Map", "Server", "In-game channel", "Result");
        assertThat(data.getComponents()).isEmpty();
        assertThat(view.self().name()).isEqualTo("Bob_");
        assertThat(view.opponent().name()).isEqualTo("Alice");
        assertThatThrownBy(() -> new MatchPendingView(1042, 5, view.player1(), view.player2(), NOW))
                .hasMessageContaining("neither player");
    }

    private static MatchView match(Status status, Reports reports, Optional<MatchResult> result, OptionalInt change) {
        MatchPlayer alice = new MatchPlayer(ALICE, "Alice", "BW Zerg", 1540, Optional.of("DE"), Optional.of("B"),
                List.of("Alice#1234", "alice2"));
        MatchPlayer bob = new MatchPlayer(BOB, "Bob_", "SC2 Protoss", 1500, Optional.empty(), Optional.empty(), List.of());
        return new MatchView(1042, ALICE, alice, bob, "Fighting Spirit", "EUC", "scevo02", status, reports, result,
                change, 2, false);
    }

    @Test
    void matchDetailsShowBothPlayersMapServerAndChannel() {
        MessageCreateData data = LadderMessages.matchDetails(match(Status.IN_PROGRESS, Reports.NONE, Optional.empty(),
                OptionalInt.empty()));
        MessageEmbed embed = embed(data);
        assertThat(embed.getTitle()).isEqualTo("Match #1042: Alice vs Bob\\_");
        Map<String, String> fields = fields(embed);
        assertThat(fields.get("Player 1")).isEqualTo(
                "\uD83C\uDDE9\uD83C\uDDEA **Alice** <@111111111111111111>\nBW Zerg, 1540 (rank B)\nAlice\\#1234, alice2");
        assertThat(fields.get("Player 2")).isEqualTo("**Bob\\_** <@222222222222222222>\nSC2 Protoss, 1500");
        assertThat(fields).containsEntry("Map", "Fighting Spirit").containsEntry("Server", "EUC")
                .containsEntry("In-game channel", "scevo02");
        assertThat(fields.get("Result")).isEqualTo(
                "Report the result below when the game is over. Your opponent has not reported yet.");
        assertThat(embed.getColorRaw()).isEqualTo(LadderMessages.IN_PROGRESS);

        List<ActionRow> rows = rows(data);
        assertThat(rows).hasSize(3);
        StringSelectMenu result = rows.get(0).getComponents().get(0).asStringSelectMenu();
        StringSelectMenu confirm = rows.get(1).getComponents().get(0).asStringSelectMenu();
        assertThat(CustomId.parse(result.getCustomId())).isEqualTo(CustomId.forMatch(ComponentAction.REPORT, 1042, ALICE));
        assertThat(CustomId.parse(confirm.getCustomId()).action()).isEqualTo(ComponentAction.REPORT_CONFIRM);
        assertThat(confirm.isDisabled()).isTrue();
        assertThat(rows.get(2).getButtons()).extracting(Button::getLabel).containsExactly("Abort (2 left)");
    }

    @Test
    void resultSelectOffersBothWinsAndADrawWithLadderCodes() {
        StringSelectMenu select = LadderMessages.resultSelect(match(Status.IN_PROGRESS, Reports.NONE, Optional.empty(),
                OptionalInt.empty()));
        Map<String, String> options = select.getOptions().stream()
                .collect(Collectors.toMap(SelectOption::getValue, SelectOption::getLabel));
        assertThat(options).containsExactlyInAnyOrderEntriesOf(Map.of(
                "1", "Alice won (player 1)", "2", "Bob_ won (player 2)", "0", "Draw"));
        assertThat(select.getMinValues()).isEqualTo(1);
        assertThat(select.getMaxValues()).isEqualTo(1);
        assertThat(select.getOptions()).noneMatch(SelectOption::isDefault);
    }

    @Test
    void aPendingChoiceIsPreselectedAndTheConfirmSelectOffersIt() {
        MatchView view = match(Status.IN_PROGRESS, new Reports(Optional.empty(), true, Optional.of(MatchResult.PLAYER_2_WON)),
                Optional.empty(), OptionalInt.empty());
        StringSelectMenu result = LadderMessages.resultSelect(view);
        assertThat(result.getOptions()).filteredOn(SelectOption::isDefault).extracting(SelectOption::getValue)
                .containsExactly("2");
        StringSelectMenu confirm = LadderMessages.confirmSelect(view);
        assertThat(confirm.isDisabled()).isFalse();
        assertThat(confirm.getOptions()).extracting(SelectOption::getLabel).containsExactly("Confirm: Bob_ won (player 2)");
        assertThat(confirm.getOptions()).extracting(SelectOption::getValue).containsExactly("2");
        assertThat(fields(embed(LadderMessages.matchDetails(view))).get("Result")).endsWith("Your opponent has reported.");
    }

    @Test
    void afterReportingTheControlsAreGone() {
        MatchView view = match(Status.IN_PROGRESS, new Reports(Optional.of(MatchResult.DRAW), false, Optional.empty()),
                Optional.empty(), OptionalInt.empty());
        MessageCreateData data = LadderMessages.matchDetails(view);
        assertThat(data.getComponents()).isEmpty();
        assertThat(fields(embed(data)).get("Result")).startsWith("You reported: **Draw**.");
    }

    @Test
    void completedConflictAndAborted() {
        MessageCreateData completed = LadderMessages.matchDetails(match(Status.COMPLETED, Reports.NONE,
                Optional.of(MatchResult.PLAYER_1_WON), OptionalInt.of(17)));
        assertThat(fields(embed(completed)).get("Result"))
                .isEqualTo("**Alice won (player 1)**\nRating: Alice +17, Bob\\_ -17");
        assertThat(completed.getComponents()).isEmpty();

        MessageCreateData conflict = LadderMessages.matchDetails(match(Status.CONFLICT, Reports.NONE, Optional.empty(),
                OptionalInt.empty()));
        assertThat(fields(embed(conflict)).get("Result")).startsWith("The reports differ: an admin will decide.");
        assertThat(embed(conflict).getColorRaw()).isEqualTo(LadderMessages.CONFLICT);

        MessageCreateData aborted = LadderMessages.matchDetails(match(Status.ABORTED, Reports.NONE, Optional.empty(),
                OptionalInt.empty()));
        assertThat(fields(embed(aborted)).get("Result")).isEqualTo("Aborted: no rating change.");
    }

    @Test
    void theViewsRefuseInconsistentStates() {
        assertThatThrownBy(() -> match(Status.COMPLETED, Reports.NONE, Optional.empty(), OptionalInt.empty()))
                .hasMessageContaining("finalResult is present exactly when the match is COMPLETED");
        assertThatThrownBy(() -> match(Status.CONFLICT, Reports.NONE, Optional.empty(), OptionalInt.of(3)))
                .hasMessageContaining("a rating change needs a COMPLETED match");
        assertThatThrownBy(() -> new Reports(Optional.of(MatchResult.DRAW), false, Optional.of(MatchResult.DRAW)))
                .hasMessage("a player who has reported has nothing pending");
        MatchView ok = match(Status.IN_PROGRESS, Reports.NONE, Optional.empty(), OptionalInt.empty());
        assertThatThrownBy(() -> new MatchView(1, 5, ok.player1(), ok.player2(), "m", "s", "c", Status.IN_PROGRESS,
                Reports.NONE, Optional.empty(), OptionalInt.empty(), 0, false))
                .hasMessage("playerId 5 is neither player of match 1");
        assertThatThrownBy(() -> new SearchingView(ALICE, List.of(), List.of(), NOW, NOW, 0, 0, List.of()))
                .hasMessageContaining("races must not be empty");
    }

    @Test
    void selfAndOpponent() {
        MatchView view = match(Status.IN_PROGRESS, Reports.NONE, Optional.empty(), OptionalInt.empty());
        assertThat(view.self().name()).isEqualTo("Alice");
        assertThat(view.opponent().name()).isEqualTo("Bob_");
    }

    @Test
    void noticesAreOneSentence() {
        assertThat(LadderMessages.directMessageOnly("queue").getContent())
                .isEqualTo("/queue works in a direct message with the bot: open a DM with me and run /queue there.");
        assertThat(LadderMessages.adminOnly().getContent()).contains("Only the ladder's admins", "logged");
        assertThat(LadderMessages.notYourComponent().getContent()).isEqualTo("This belongs to another player.");
        CustomIdException stale = catchStale();
        assertThat(LadderMessages.componentRefused(stale).getContent()).isEqualTo(stale.userMessage());
    }

    private static CustomIdException catchStale() {
        try {
            CustomId.parse("mw0:join:-:1");
            throw new AssertionError("expected a stale id");
        } catch (CustomIdException e) {
            return e;
        }
    }

    @Test
    void escapingCoversMarkdownAndTags() {
        assertThat(LadderMessages.escape("a_ vs b_")).isEqualTo("a\\_ vs b\\_");
        assertThat(LadderMessages.escape("<@123> `x` ~~y~~ ||z|| [l](u) # \\")).isEqualTo(
                "\\<@123\\> \\`x\\` \\~\\~y\\~\\~ \\|\\|z\\|\\| \\[l\\]\\(u\\) \\# \\\\");
        assertThat(LadderMessages.escape("Alice#1234")).isEqualTo("Alice\\#1234");
    }

    @Test
    void flags() {
        assertThat(LadderMessages.flag("KR")).isEqualTo("\uD83C\uDDF0\uD83C\uDDF7");
        assertThat(LadderMessages.flag("ZZ")).isEqualTo("\uD83C\uDFF3\uFE0F");
    }

    @Test
    void messagesTurnIntoEdits() {
        MessageEditData edit = MessageEditData.fromCreateData(LadderMessages.searching(searching()));
        assertThat(edit.getEmbeds()).hasSize(1);
        assertThat(edit.getComponents()).hasSize(1);
    }
}
