package dev.matchwave.discord.view;

import dev.matchwave.discord.component.ComponentAction;
import dev.matchwave.discord.component.CustomId;
import dev.matchwave.discord.component.CustomIdException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * The bot's messages, rendered from view records: pure functions, no connection, no clock
 * (every time comes in the view). The results are JDA's plain message data; send them with
 * {@code reply(...)}, or turn them into an edit with {@code MessageEditData.fromCreateData}.
 *
 * <p>Stateless and thread-safe.
 */
public final class LadderMessages {

    /** Embed colours, one per state, so a glance tells where a player stands. */
    static final int SEARCHING = 0x3498DB;
    static final int FOUND = 0xF1C40F;
    static final int IN_PROGRESS = 0x2ECC71;
    static final int COMPLETED = 0x9B59B6;
    static final int CONFLICT = 0xE67E22;
    static final int ABORTED = 0x95A5A6;

    private LadderMessages() {
    }

    /** The {@code /queue} view: a BW race select, an SC2 race select, map vetoes, join and clear. */
    public static MessageCreateData queue(QueueView view) {
        String races = Stream.of(label(view.bwRaces(), view.selectedBw()),
                        label(view.sc2Races(), view.selectedSc2()))
                .flatMap(Optional::stream).map(LadderMessages::escape).collect(Collectors.joining(", "));
        List<String> vetoed = view.mapPool().stream().filter(view.vetoed()::contains).toList();
        EmbedBuilder embed = new EmbedBuilder()
                .setColor(SEARCHING)
                .setTitle("Ranked queue")
                .setDescription("Pick at most one Brood War race and one StarCraft II race (at least one in all), and veto up to "
                        + view.maxVetoes() + (view.maxVetoes() == 1 ? " map" : " maps") + ". Your choices are saved for next time.")
                .addField("Races", races.isEmpty() ? "none yet" : races, true)
                .addField("Vetoed maps", vetoed.isEmpty() ? "none" : escapeAll(vetoed), true);
        long player = view.playerId();
        List<ActionRow> rows = new ArrayList<>();
        rows.add(ActionRow.of(raceSelect(ComponentAction.BW_RACE, player, "Brood War race", view.bwRaces(),
                view.selectedBw())));
        rows.add(ActionRow.of(raceSelect(ComponentAction.SC2_RACE, player, "StarCraft II race", view.sc2Races(),
                view.selectedSc2())));
        if (view.maxVetoes() > 0) {
            StringSelectMenu.Builder vetoes = StringSelectMenu.create(
                            CustomId.forPlayer(ComponentAction.MAP_VETO, player).encode())
                    .setPlaceholder("Maps to veto (up to " + view.maxVetoes() + ")")
                    .setRequiredRange(0, Math.min(view.maxVetoes(), view.mapPool().size()));
            view.mapPool().forEach(map -> vetoes.addOption(truncate(map, 100), map));
            vetoes.setDefaultValues(vetoed);
            rows.add(ActionRow.of(vetoes.build()));
        }
        rows.add(ActionRow.of(
                Button.success(CustomId.forPlayer(ComponentAction.JOIN, player).encode(), "Join the queue")
                        .withDisabled(!view.canJoin()),
                Button.secondary(CustomId.forPlayer(ComponentAction.CLEAR, player).encode(), "Clear")));
        return message(embed.build(), rows);
    }

    private static StringSelectMenu raceSelect(ComponentAction action, long player, String placeholder,
            List<QueueView.Option> options, Optional<String> selected) {
        StringSelectMenu.Builder select = StringSelectMenu.create(CustomId.forPlayer(action, player).encode())
                .setPlaceholder(placeholder + " (optional)")
                .setRequiredRange(0, 1);
        options.forEach(option -> select.addOption(option.label(), option.value()));
        selected.ifPresent(select::setDefaultValues);
        return select.build();
    }

    private static Optional<String> label(List<QueueView.Option> options, Optional<String> value) {
        return value.flatMap(v -> options.stream().filter(o -> o.value().equals(v)).map(QueueView.Option::label)
                .findFirst());
    }

    /** The "Searching..." message: next wave, population, matches in progress, queue counts, cancel. */
    public static MessageCreateData searching(SearchingView view) {
        EmbedBuilder embed = new EmbedBuilder()
                .setColor(SEARCHING)
                .setTitle("Searching...")
                .setDescription("You are in the queue. The next wave runs at " + time(view.nextWave())
                        + ". You will be told here when a match is found.")
                .addField("Races", escapeAll(view.races()), true)
                .addField("Vetoed maps", view.vetoedMaps().isEmpty() ? "none" : escapeAll(view.vetoedMaps()), true)
                .addField("Searching since", relative(view.searchingSince()), true)
                .addField("Active players (15 min)", Integer.toString(view.activePopulation()), true)
                .addField("Matches in progress", Integer.toString(view.matchesInProgress()), true);
        if (!view.queued().isEmpty()) {
            embed.addField("In the queue", view.queued().stream()
                    .map(c -> escape(c.category()) + ": " + c.players())
                    .collect(Collectors.joining("\n")), true);
        }
        Button cancel = Button.danger(CustomId.forPlayer(ComponentAction.CANCEL, view.playerId()).encode(),
                "Cancel search");
        return message(embed.build(), List.of(ActionRow.of(cancel)));
    }

    /**
     * "Match found": confirm before the deadline, or abort; the opponent (name, race, rating) when
     * the view knows him; the map, the server and the channel come after both confirm.
     */
    public static MessageCreateData matchFound(MatchFoundView view) {
        String confirmedText = view.opponentConfirmed() ? "✅ Confirmed" : "⏳ Not confirmed yet";
        EmbedBuilder embed = new EmbedBuilder()
                .setColor(FOUND)
                .setTitle("Match found! (#" + view.matchId() + ")")
                .setDescription("You play **" + escape(view.race()) + "**. Confirm before " + time(view.confirmBy())
                        + ". The map, the server and the in-game channel are shown here when both of you have"
                        + " confirmed.")
                .addField("You", view.confirmed() ? "✅ Confirmed" : "⏳ Not confirmed yet", true)
                .addField("Opponent", view.opponent().map(o -> o.countryCode().map(LadderMessages::flag)
                        .map(f -> f + " ").orElse("") + "**" + escape(o.name()) + "**\n" + escape(o.race()) + ", "
                        + o.rating() + "\n" + confirmedText).orElse(confirmedText), true);
        List<Button> buttons = new ArrayList<>();
        Button confirm = Button.success(CustomId.forMatch(ComponentAction.CONFIRM, view.matchId(), view.playerId())
                .encode(), view.confirmed() ? "Confirmed" : "Confirm");
        buttons.add(confirm.withDisabled(view.confirmed()));
        if (view.abortsLeft() > 0) {
            buttons.add(abortButton(view.matchId(), view.playerId(), view.abortsLeft(), view.abortArmed()));
        }
        return message(embed.build(), List.of(ActionRow.of(buttons)));
    }

    /**
     * The match message before both players have confirmed: opponent, races, ratings and who has
     * confirmed; no map, server, channel, contact names or controls (the view has none to show).
     * The confirm and abort controls stay on the "match found" message.
     */
    public static MessageCreateData matchPending(MatchPendingView view) {
        MatchPendingView.Side p1 = view.player1();
        MatchPendingView.Side p2 = view.player2();
        EmbedBuilder embed = new EmbedBuilder()
                .setColor(FOUND)
                .setTitle("Match #" + view.matchId() + ": " + escape(p1.name()) + " vs " + escape(p2.name()))
                .addField("Player 1", pendingSide(p1), true)
                .addField("Player 2", pendingSide(p2), true)
                .addField("Status", "Waiting for both confirmations (before " + time(view.confirmBy()) + "). The map,"
                        + " the server, the in-game channel and your opponent's names appear here once both of you"
                        + " have confirmed.", false);
        return message(embed.build(), List.of());
    }

    private static String pendingSide(MatchPendingView.Side p) {
        return p.countryCode().map(LadderMessages::flag).map(f -> f + " ").orElse("")
                + "**" + escape(p.name()) + "** <@" + p.discordId() + ">\n"
                + escape(p.race()) + ", " + p.rating() + "\n"
                + (p.confirmed() ? "✅ Confirmed" : "⏳ Not confirmed yet");
    }

    /** The match details with, while the player has not reported, the result and confirm selects. */
    public static MessageCreateData matchDetails(MatchView view) {
        MatchView.MatchPlayer p1 = view.player1();
        MatchView.MatchPlayer p2 = view.player2();
        EmbedBuilder embed = new EmbedBuilder()
                .setColor(switch (view.status()) {
                    case IN_PROGRESS -> IN_PROGRESS;
                    case COMPLETED -> COMPLETED;
                    case CONFLICT -> CONFLICT;
                    case ABORTED -> ABORTED;
                })
                .setTitle("Match #" + view.matchId() + ": " + escape(p1.name()) + " vs " + escape(p2.name()))
                .addField("Player 1", player(p1), true)
                .addField("Player 2", player(p2), true)
                .addBlankField(false)
                .addField("Map", escape(view.map()), true)
                .addField("Server", escape(view.server()), true)
                .addField("In-game channel", escape(view.channel()), true)
                .addField("Result", resultText(view), false);
        List<ActionRow> rows = new ArrayList<>();
        if (view.status() == MatchView.Status.IN_PROGRESS && view.reports().own().isEmpty()) {
            rows.add(ActionRow.of(resultSelect(view)));
            rows.add(ActionRow.of(confirmSelect(view)));
            if (view.abortsLeft() > 0) {
                rows.add(ActionRow.of(abortButton(view.matchId(), view.playerId(), view.abortsLeft(), view.abortArmed())));
            }
        }
        return message(embed.build(), rows);
    }

    /**
     * The result select: player 1 won, player 2 won, draw; values are the reference ladder's codes. The
     * pending choice, if any, is preselected.
     */
    public static StringSelectMenu resultSelect(MatchView view) {
        StringSelectMenu.Builder select = StringSelectMenu.create(
                        CustomId.forMatch(ComponentAction.REPORT, view.matchId(), view.playerId()).encode())
                .setPlaceholder("Who won?")
                .setRequiredRange(1, 1);
        for (MatchResult result : MatchResult.values()) {
            select.addOption(resultLabel(view, result), Integer.toString(result.code()));
        }
        view.reports().pending().ifPresent(p -> select.setDefaultValues(Integer.toString(p.code())));
        return select.build();
    }

    /**
     * The confirm select: after a result is picked, one option that confirms it (a second step so
     * a slip of the mouse does not report); disabled until then.
     */
    public static StringSelectMenu confirmSelect(MatchView view) {
        String id = CustomId.forMatch(ComponentAction.REPORT_CONFIRM, view.matchId(), view.playerId()).encode();
        return view.reports().pending()
                .map(pending -> StringSelectMenu.create(id)
                        .setPlaceholder("Confirm the result")
                        .addOption(truncate("Confirm: " + resultLabel(view, pending), 100),
                                Integer.toString(pending.code()))
                        .setRequiredRange(1, 1)
                        .build())
                .orElseGet(() -> StringSelectMenu.create(id)
                        .setPlaceholder("Pick a result above first")
                        .addOption("Pick a result above first", "none")
                        .setDisabled(true)
                        .build());
    }

    /** The answer to a direct-message-only command used in a server. */
    public static MessageCreateData directMessageOnly(String command) {
        return text("/" + command + " works in a direct message with the bot: open a DM with me and run /"
                + command + " there.");
    }

    /** The answer to {@code /admin} from someone who is not an admin. */
    public static MessageCreateData adminOnly() {
        return text("Only the ladder's admins can use /admin. This attempt has been logged.");
    }

    /** The answer to a click on a component made for another player. */
    public static MessageCreateData notYourComponent() {
        return text("This belongs to another player.");
    }

    /** The answer to a click on a component whose id cannot be read. */
    public static MessageCreateData componentRefused(CustomIdException problem) {
        return text(problem.userMessage());
    }

    private static Button abortButton(long matchId, long playerId, int abortsLeft, boolean armed) {
        String left = " (" + abortsLeft + " left)";
        return armed
                ? Button.danger(CustomId.forMatch(ComponentAction.ABORT_CONFIRM, matchId, playerId).encode(),
                        "Click again to abort" + left)
                : Button.danger(CustomId.forMatch(ComponentAction.ABORT, matchId, playerId).encode(), "Abort" + left);
    }

    /** The result in plain text (select labels). */
    private static String resultLabel(MatchView view, MatchResult result) {
        return resultText(view, result, name -> truncate(name, 60));
    }

    /** The result in markdown (embeds): the names escaped, the rest as written. */
    private static String resultMarkdown(MatchView view, MatchResult result) {
        return resultText(view, result, LadderMessages::escape);
    }

    private static String resultText(MatchView view, MatchResult result, UnaryOperator<String> name) {
        return switch (result) {
            case PLAYER_1_WON -> name.apply(view.player1().name()) + " won (player 1)";
            case PLAYER_2_WON -> name.apply(view.player2().name()) + " won (player 2)";
            case DRAW -> "Draw";
        };
    }

    private static String resultText(MatchView view) {
        return switch (view.status()) {
            case IN_PROGRESS -> {
                String own = view.reports().own()
                        .map(r -> "You reported: **" + resultMarkdown(view, r) + "**.")
                        .orElse("Report the result below when the game is over.");
                String opponent = view.reports().opponentReported()
                        ? " Your opponent has reported." : " Your opponent has not reported yet.";
                yield own + opponent;
            }
            case COMPLETED -> {
                String result = "**" + resultMarkdown(view, view.finalResult().orElseThrow()) + "**";
                if (view.player1RatingChange().isPresent()) {
                    int change = view.player1RatingChange().getAsInt();
                    result += "\nRating: " + escape(view.player1().name()) + " " + signed(change) + ", "
                            + escape(view.player2().name()) + " " + signed(-change);
                }
                yield result;
            }
            case CONFLICT -> "The reports differ: an admin will decide. No rating changes until then; you may queue again.";
            case ABORTED -> "Aborted: no rating change.";
        };
    }

    private static String player(MatchView.MatchPlayer p) {
        StringBuilder text = new StringBuilder()
                .append(p.countryCode().map(LadderMessages::flag).map(f -> f + " ").orElse(""))
                .append("**").append(escape(p.name())).append("** <@").append(p.discordId()).append(">\n")
                .append(escape(p.race())).append(", ").append(p.rating())
                .append(p.rank().map(r -> " (rank " + escape(r) + ")").orElse(""));
        if (!p.contacts().isEmpty()) {
            text.append('\n').append(escapeAll(p.contacts()));
        }
        return text.toString();
    }

    /** The flag emoji of an ISO code (two regional indicator symbols); a white flag for ZZ. */
    static String flag(String countryCode) {
        if (countryCode.equals("ZZ")) {
            return "\uD83C\uDFF3\uFE0F";
        }
        String code = countryCode.toUpperCase(Locale.ROOT);
        int first = 0x1F1E6 + (code.charAt(0) - 'A');
        int second = 0x1F1E6 + (code.charAt(1) - 'A');
        return new String(Character.toChars(first)) + new String(Character.toChars(second));
    }

    /** A Discord timestamp tag: the time in the reader's zone, and how far away it is. */
    private static String time(Instant at) {
        long seconds = at.getEpochSecond();
        return "<t:" + seconds + ":T> (<t:" + seconds + ":R>)";
    }

    private static String relative(Instant at) {
        return "<t:" + at.getEpochSecond() + ":R>";
    }

    private static String signed(int change) {
        return change >= 0 ? "+" + change : Integer.toString(change);
    }

    /**
     * Backslash before every character Discord markdown gives a meaning to. Not JDA's
     * MarkdownSanitizer: it leaves a lone '_' alone, but two names with one each ("a_ vs b_")
     * would turn the text between them italic.
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\\*_~`|<>[]()#".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String escapeAll(List<String> texts) {
        return texts.stream().map(LadderMessages::escape).collect(Collectors.joining(", "));
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static MessageCreateData message(MessageEmbed embed, List<ActionRow> rows) {
        return new MessageCreateBuilder().setEmbeds(embed).setComponents(rows).build();
    }

    private static MessageCreateData text(String content) {
        return new MessageCreateBuilder().setContent(content).build();
    }
}
