package dev.matchwave.discord.interaction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.discord.component.ComponentAction;
import dev.matchwave.discord.component.CustomId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.modals.Modal;
import org.junit.jupiter.api.Test;

class SetupModalTest {

    @Test
    void theModalIsTheUsersAndHasFiveFields() {
        Modal modal = SetupModal.build(42, Optional.of(new SetupForm("alice", "Alice#1234", List.of("ali"), "DE", "EUW")),
                List.of("NAW", "EUW"));
        assertThat(CustomId.parse(modal.getId())).isEqualTo(CustomId.forPlayer(ComponentAction.SETUP_MODAL, 42));
        assertThat(modal.getComponents()).hasSize(5);
        assertThat(modal.toData().toString()).contains("Alice#1234").contains("EUW");
    }

    @Test
    void aSubmittedFormIsReadTrimmedWithOneAlternativeIdPerLine() {
        Map<String, String> texts = Map.of(SetupModal.USER_ID, " alice ", SetupModal.BATTLE_TAG, "Alice#1234",
                SetupModal.ALTERNATIVE_IDS, "ali\n\n  al2 \r\n", SetupModal.COUNTRY, "de");
        SetupForm form = SetupModal.read(id -> Optional.ofNullable(texts.get(id)),
                id -> id.equals(SetupModal.REGION) ? List.of("EUW") : List.of());
        assertThat(form).isEqualTo(new SetupForm("alice", "Alice#1234", List.of("ali", "al2"), "de", "EUW"));
        assertThat(SetupModal.read(id -> Optional.empty(), id -> List.of()))
                .isEqualTo(new SetupForm("", "", List.of(), "", ""));
    }
}
