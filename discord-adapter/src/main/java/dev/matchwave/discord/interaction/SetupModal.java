package dev.matchwave.discord.interaction;

import dev.matchwave.discord.component.ComponentAction;
import dev.matchwave.discord.component.CustomId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.modals.Modal;

/**
 * The {@code /setup} modal: user id, BattleTag, alternative ids (one per line), country code and
 * home region (a select), prefilled with the saved profile. Pure functions; thread-safe.
 */
final class SetupModal {

    public static final String USER_ID = "user_id";
    public static final String BATTLE_TAG = "battletag";
    public static final String ALTERNATIVE_IDS = "alt_ids";
    public static final String COUNTRY = "country";
    public static final String REGION = "region";

    private SetupModal() {
    }

    /** The modal for this user, prefilled from {@code current} when present. */
    public static Modal build(long userId, Optional<SetupForm> current, List<String> regions) {
        TextInput.Builder user = TextInput.create(USER_ID, TextInputStyle.SHORT).setRequiredRange(3, 12)
                .setPlaceholder("3 to 12 English letters");
        TextInput.Builder tag = TextInput.create(BATTLE_TAG, TextInputStyle.SHORT).setRequiredRange(5, 25)
                .setPlaceholder("Name#1234");
        TextInput.Builder alternatives = TextInput.create(ALTERNATIVE_IDS, TextInputStyle.PARAGRAPH).setRequired(false)
                .setMaxLength(70).setPlaceholder("Up to 2 other in-game names, one per line");
        TextInput.Builder country = TextInput.create(COUNTRY, TextInputStyle.SHORT).setRequiredRange(2, 2)
                .setPlaceholder("DE, US, KR... or ZZ for other");
        StringSelectMenu.Builder region = StringSelectMenu.create(REGION).setRequiredRange(1, 1);
        regions.stream().limit(25).forEach(r -> region.addOption(r, r));
        current.ifPresent(form -> {
            user.setValue(form.userId());
            tag.setValue(form.battleTag());
            if (!form.alternativeIds().isEmpty()) {
                alternatives.setValue(String.join("\n", form.alternativeIds()));
            }
            country.setValue(form.country());
            if (regions.contains(form.homeRegion())) {
                region.setDefaultValues(form.homeRegion());
            }
        });
        return Modal.create(CustomId.forPlayer(ComponentAction.SETUP_MODAL, userId).encode(), "Ladder profile")
                .addComponents(
                        Label.of("User id", user.build()),
                        Label.of("BattleTag", tag.build()),
                        Label.of("Alternative ids", alternatives.build()),
                        Label.of("Country code", country.build()),
                        Label.of("Home region", region.build()))
                .build();
    }

    /**
     * Reads a submitted modal.
     *
     * @param text     a text field's value by id, empty when absent
     * @param selected a select's values by id, empty when none
     */
    public static SetupForm read(Function<String, Optional<String>> text, Function<String, List<String>> selected) {
        List<String> alternatives = Arrays.stream(text.apply(ALTERNATIVE_IDS).orElse("").split("\\R"))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new SetupForm(text.apply(USER_ID).orElse("").strip(), text.apply(BATTLE_TAG).orElse("").strip(),
                alternatives, text.apply(COUNTRY).orElse("").strip(),
                selected.apply(REGION).stream().findFirst().orElse(""));
    }
}
