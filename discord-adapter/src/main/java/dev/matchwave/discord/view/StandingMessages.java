package dev.matchwave.discord.view;

import dev.matchwave.discord.component.ComponentAction;
import dev.matchwave.discord.component.CustomId;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * {@code /leaderboard} and {@code /profile}, rendered from their view records: pure functions.
 *
 * <p>Stateless and thread-safe.
 */
public final class StandingMessages {

    static final int COLOUR = 0x1ABC9C;

    private StandingMessages() {
    }

    /** A leaderboard page: one line per row, previous/next buttons that keep the filters. */
    public static MessageCreateData leaderboard(LeaderboardView view) {
        StringBuilder lines = new StringBuilder();
        for (LeaderboardView.Row row : view.rows()) {
            String line = "`" + String.format("%4d.", row.position()) + "` " + LadderMessages.flag(row.country()) + " **"
                    + LadderMessages.escape(row.name()) + "** " + row.race() + " · " + row.rank() + " · " + row.rating()
                    + " (" + row.wins() + "-" + row.losses() + "-" + row.draws() + ")\n";
            if (lines.length() + line.length() > MessageEmbed.DESCRIPTION_MAX_LENGTH) {
                break;
            }
            lines.append(line);
        }
        MessageEmbed embed = new EmbedBuilder()
                .setTitle("Leaderboard")
                .setColor(COLOUR)
                .setDescription(view.rows().isEmpty() ? "Nobody is ranked with these filters yet." : lines.toString())
                .setFooter("Page " + view.page() + " of " + view.pages() + " · " + view.total() + " entries · "
                        + view.filter().describe())
                .build();
        Button previous = Button.secondary(pageId(view, Math.max(1, view.page() - 1)), "◀ Previous")
                .withDisabled(view.page() <= 1);
        Button next = Button.secondary(pageId(view, Math.min(view.pages(), view.page() + 1)), "Next ▶")
                .withDisabled(view.page() >= view.pages());
        // Two buttons may not share a custom id: when both are disabled on a single page they would.
        if (view.pages() == 1) {
            return new MessageCreateBuilder().setEmbeds(embed).build();
        }
        return new MessageCreateBuilder().setEmbeds(embed).setComponents(ActionRow.of(previous, next)).build();
    }

    private static String pageId(LeaderboardView view, int page) {
        return CustomId.forPlayer(ComponentAction.LEADERBOARD_PAGE, view.viewer())
                .withArgument(view.filter().encode(page)).encode();
    }

    /** A page of a closed season's final standings: as {@link #leaderboard}, titled with the season, no page buttons. */
    public static MessageCreateData seasonLeaderboard(int season, LeaderboardView view) {
        MessageEmbed page = leaderboard(view).getEmbeds().get(0);
        MessageEmbed embed = new EmbedBuilder(page)
                .setTitle("Leaderboard: season " + season + ", final standings")
                .setFooter(page.getFooter() == null ? null : page.getFooter().getText()
                        + (view.pages() > 1 ? " · other pages: the page option" : ""))
                .build();
        return new MessageCreateBuilder().setEmbeds(embed).build();
    }

    /** A player's final ratings, ranks and records of a closed season. */
    public static MessageCreateData seasonProfile(int season, String name, List<ProfileView.RaceLine> races) {
        List<String> lines = new ArrayList<>();
        for (ProfileView.RaceLine line : races) {
            lines.add("**" + line.race() + "**: " + line.rating() + " · rank " + line.rank() + " · "
                    + line.wins() + "-" + line.losses() + "-" + line.draws());
        }
        MessageEmbed embed = new EmbedBuilder()
                .setTitle("Season " + season + " of " + LadderMessages.escape(name))
                .setColor(COLOUR)
                .addField("Final ratings", lines.isEmpty() ? "No rated games that season." : String.join("\n", lines),
                        false)
                .build();
        return new MessageCreateBuilder().setEmbeds(embed).build();
    }

    /** A player's profile: settings, ratings per race with letter ranks, aborts left. */
    public static MessageCreateData profile(ProfileView view) {
        List<String> races = new ArrayList<>();
        for (ProfileView.RaceLine line : view.races()) {
            races.add("**" + line.race() + "**: " + line.rating() + " · rank " + line.rank() + " · "
                    + line.wins() + "-" + line.losses() + "-" + line.draws());
        }
        EmbedBuilder embed = new EmbedBuilder()
                .setTitle("Profile of " + LadderMessages.escape(view.name()))
                .setColor(view.banned() ? LadderMessages.ABORTED : COLOUR)
                .addField("Country", view.country().map(c -> LadderMessages.flag(c) + " " + c).orElse("not set"), true)
                .addField("BattleTag", view.battleTag().map(LadderMessages::escape).orElse("not set"), true)
                .addField("Home region", view.homeRegion().orElse("not set"), true)
                .addField("Ratings", races.isEmpty() ? "No rated games yet." : String.join("\n", races), false)
                .addField("Aborts left", view.abortsLeft() + " of " + view.abortBudget(), true);
        if (view.banned()) {
            embed.addField("Status", "Banned from queueing", true);
        }
        return new MessageCreateBuilder().setEmbeds(embed.build()).build();
    }
}
