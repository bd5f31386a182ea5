package dev.matchwave.discord.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.discord.component.ComponentAction;
import dev.matchwave.discord.component.CustomId;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;

class StandingMessagesTest {

    static final long VIEWER = 333_333_333_333L;
    static final LeaderboardView.Filter DE_ZERG = new LeaderboardView.Filter(Optional.of("DE"), Optional.of("bw_zerg"),
            Optional.empty(), true);

    private static List<LeaderboardView.Row> rows(int from, int count) {
        return IntStream.range(from, from + count).mapToObj(i -> new LeaderboardView.Row(i, "player_" + i, "DE",
                "BW Zerg", "A", 2000 - i, 10, 3, 1)).toList();
    }

    @Test
    void aMiddlePageListsItsRowsAndItsButtonsKeepTheFilters() {
        MessageCreateData data = StandingMessages.leaderboard(new LeaderboardView(VIEWER, rows(41, 40), 2, 3, 95, DE_ZERG));
        MessageEmbed embed = data.getEmbeds().get(0);
        assertThat(embed.getDescription()).contains("41.").contains("80.").doesNotContain(" 81.")
                .contains("player\\_41").contains("BW Zerg · A · 1959 (10-3-1)");
        assertThat(embed.getFooter().getText()).contains("Page 2 of 3").contains("95 entries")
                .contains("country DE").contains("race bw_zerg").contains("best race only");
        List<Button> buttons = data.getComponents().get(0).asActionRow().getButtons();
        assertThat(buttons).extracting(Button::isDisabled).containsExactly(false, false);
        CustomId previous = CustomId.parse(buttons.get(0).getCustomId());
        CustomId next = CustomId.parse(buttons.get(1).getCustomId());
        assertThat(previous.action()).isEqualTo(ComponentAction.LEADERBOARD_PAGE);
        assertThat(previous.playerId()).isEqualTo(VIEWER);
        assertThat(LeaderboardView.Filter.decode(previous.argument())).contains(new LeaderboardView.Paged(DE_ZERG, 1));
        assertThat(LeaderboardView.Filter.decode(next.argument())).contains(new LeaderboardView.Paged(DE_ZERG, 3));
    }

    @Test
    void theFirstPageCannotGoBackAndASinglePageHasNoButtons() {
        MessageCreateData first = StandingMessages.leaderboard(
                new LeaderboardView(VIEWER, rows(1, 40), 1, 2, 41, LeaderboardView.Filter.NONE));
        assertThat(first.getComponents().get(0).asActionRow().getButtons()).extracting(Button::isDisabled)
                .containsExactly(true, false);
        MessageCreateData single = StandingMessages.leaderboard(
                new LeaderboardView(VIEWER, List.of(), 1, 1, 0, LeaderboardView.Filter.NONE));
        assertThat(single.getComponents()).isEmpty();
        assertThat(single.getEmbeds().get(0).getDescription()).contains("Nobody is ranked");
        assertThat(single.getEmbeds().get(0).getFooter().getText()).contains("all players");
    }

    @Test
    void filtersSurviveTheirEncodingAndBadArgumentsAreRefused() {
        for (var filter : List.of(LeaderboardView.Filter.NONE, DE_ZERG, new LeaderboardView.Filter(Optional.empty(),
                Optional.of("sc2_protoss"), Optional.of("S"), false))) {
            String argument = filter.encode(25);
            assertThat(argument.length()).isLessThanOrEqualTo(CustomId.MAX_ARGUMENT_LENGTH);
            assertThat(LeaderboardView.Filter.decode(argument)).contains(new LeaderboardView.Paged(filter, 25));
        }
        assertThat(LeaderboardView.Filter.decode("")).isEmpty();
        assertThat(LeaderboardView.Filter.decode("x;-;-;-;0")).isEmpty();
        assertThat(LeaderboardView.Filter.decode("0;-;-;-;0")).isEmpty();
    }

    @Test
    void aProfileShowsRatingsRanksAndAbortsLeft() {
        MessageCreateData data = StandingMessages.profile(new ProfileView("alice", Optional.of("DE"),
                Optional.of("Alice#1234"), Optional.of("EUW"),
                List.of(new ProfileView.RaceLine("BW Zerg", 1520, "B", 1, 0, 0),
                        new ProfileView.RaceLine("SC2 Terran", 1480, "-", 0, 1, 0)), 2, 3, false));
        MessageEmbed embed = data.getEmbeds().get(0);
        assertThat(embed.getTitle()).contains("alice");
        assertThat(embed.getFields()).extracting(MessageEmbed.Field::getName)
                .containsExactly("Country", "BattleTag", "Home region", "Ratings", "Aborts left");
        assertThat(embed.getFields().get(3).getValue()).contains("**BW Zerg**: 1520 · rank B · 1-0-0")
                .contains("**SC2 Terran**: 1480 · rank - · 0-1-0");
        assertThat(embed.getFields().get(4).getValue()).isEqualTo("2 of 3");
    }

    @Test
    void aFreshBannedProfileSaysSo() {
        MessageEmbed embed = StandingMessages.profile(new ProfileView("42", Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), 3, 3, true)).getEmbeds().get(0);
        assertThat(embed.getFields()).extracting(MessageEmbed.Field::getValue)
                .contains("not set", "No rated games yet.", "Banned from queueing");
    }
}
