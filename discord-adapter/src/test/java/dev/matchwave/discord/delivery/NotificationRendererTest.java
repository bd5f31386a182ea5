package dev.matchwave.discord.delivery;

import static dev.matchwave.discord.delivery.PlayerContactsTest.ALICE;
import static dev.matchwave.discord.delivery.PlayerContactsTest.details;
import static dev.matchwave.discord.delivery.PlayerContactsTest.found;
import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.discord.component.ComponentAction;
import dev.matchwave.discord.component.CustomId;
import dev.matchwave.notification.MatchAborted;
import java.util.List;
import net.dv8tion.jda.api.components.ActionComponent;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;

/** The plain renderer: pure, no connection. */
class NotificationRendererTest {

    private final NotificationRenderer renderer = NotificationRenderer.plain();

    private static List<String> componentIds(MessageCreateData message) {
        return message.getComponents().stream()
                .flatMap(row -> ((ActionRow) row).getComponents().stream())
                .map(component -> ((ActionComponent) component).getCustomId())
                .toList();
    }

    @Test
    void matchFoundCarriesTheConfirmButtonForItsPlayer() {
        MessageCreateData message = renderer.render(found(ALICE));
        assertThat(message.getContent()).contains("Match found").contains("#7");
        assertThat(componentIds(message)).containsExactly(
                CustomId.forMatch(ComponentAction.CONFIRM, 7, ALICE.value()).encode());
    }

    @Test
    void detailsShowOpponentMapServerChannelAndTheResultSelects() {
        MessageCreateData message = renderer.render(details(ALICE));
        assertThat(message.getContent()).contains("bob").contains("Fighting Spirit").contains("EUC").contains("scevo07");
        assertThat(componentIds(message)).containsExactly(
                CustomId.forMatch(ComponentAction.REPORT, 7, ALICE.value()).encode(),
                CustomId.forMatch(ComponentAction.REPORT_CONFIRM, 7, ALICE.value()).encode());
    }

    @Test
    void anAbortSaysWhy() {
        assertThat(renderer.render(new MatchAborted(ALICE, 7, "you did not confirm in time")).getContent())
                .contains("#7").contains("you did not confirm in time");
    }
}
