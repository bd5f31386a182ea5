package dev.matchwave.discord.delivery;

import dev.matchwave.discord.component.ComponentAction;
import dev.matchwave.discord.component.CustomId;
import dev.matchwave.notification.ConfirmReminder;
import dev.matchwave.notification.MatchAborted;
import dev.matchwave.notification.MatchCompleted;
import dev.matchwave.notification.MatchConflict;
import dev.matchwave.notification.MatchDetails;
import dev.matchwave.notification.MatchFound;
import dev.matchwave.notification.Notification;
import dev.matchwave.notification.Participant;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * Turns a notification into the message a player sees. A pure function; implementations are
 * thread-safe. The bot can plug one that reads the ladder for the full match view
 * ({@code LadderMessages.matchFound/matchDetails}); {@link #plain()} needs nothing but the
 * notification.
 */
@FunctionalInterface
public interface NotificationRenderer {

    MessageCreateData render(Notification notification);

    /**
     * Short texts from the notification alone; "match found" carries the Confirm button, whose
     * custom id the component handlers read.
     */
    static NotificationRenderer plain() {
        return notification -> {
            long player = notification.player().value();
            MessageCreateBuilder message = new MessageCreateBuilder();
            switch (notification) {
                case MatchFound found -> message
                        .setContent("**Match found!** (#" + found.matchId() + ") Confirm within 60 seconds; the map,"
                                + " the server and your opponent follow once both of you have confirmed.")
                        .setComponents(ActionRow.of(Button.success(
                                CustomId.forMatch(ComponentAction.CONFIRM, found.matchId(), player).encode(), "Confirm")));
                case MatchDetails details -> {
                    Participant you = details.match().sideOf(details.player());
                    Participant opponent = details.opponent();
                    message.setContent("**Match #" + details.matchId() + "**: you (" + you.side() + ") vs <@"
                            + opponent.id().value() + "> " + opponent.displayName() + " (" + opponent.side() + ")\n"
                            + "Map: " + details.match().map() + " · Server: " + details.match().server()
                            + " · In-game channel: " + details.match().channel()
                            + "\nAfter the game, pick the result, then confirm it.");
                    Participant first = details.match().first();
                    Participant second = details.match().second();
                    // Values are the reference ladder's codes (docs/reference-ladder.md): 1 player 1 won,
                    // 2 player 2 won, 0 draw.
                    StringSelectMenu result = StringSelectMenu.create(
                                    CustomId.forMatch(ComponentAction.REPORT, details.matchId(), player).encode())
                            .setPlaceholder("Who won?")
                            .addOption(truncate(first.displayName() + " won (player 1)"), "1")
                            .addOption(truncate(second.displayName() + " won (player 2)"), "2")
                            .addOption("Draw", "0")
                            .setRequiredRange(1, 1)
                            .build();
                    StringSelectMenu confirm = StringSelectMenu.create(
                                    CustomId.forMatch(ComponentAction.REPORT_CONFIRM, details.matchId(), player).encode())
                            .setPlaceholder("Confirm the result")
                            .addOption("Confirm the result I picked", "ok")
                            .setRequiredRange(1, 1)
                            .build();
                    message.setComponents(ActionRow.of(result), ActionRow.of(confirm));
                }
                case ConfirmReminder reminder -> message.setContent("Reminder: confirm match #" + reminder.matchId()
                        + " before <t:" + reminder.confirmBy().getEpochSecond() + ":T>, or it is aborted.");
                case MatchAborted aborted -> message.setContent("Match #" + aborted.matchId() + " was aborted: "
                        + aborted.reason());
                case MatchCompleted completed -> message.setContent("Match #" + completed.matchId() + " is over: "
                        + completed.result());
                case MatchConflict conflict -> message.setContent("Match #" + conflict.matchId()
                        + ": the reports differ (" + conflict.detail() + "). An admin will resolve it; you may queue again.");
            }
            return message.build();
        };
    }

    private static String truncate(String label) {
        return label.length() <= 100 ? label : label.substring(0, 99) + "…";
    }
}
