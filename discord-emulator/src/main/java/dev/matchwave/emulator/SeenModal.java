package dev.matchwave.emulator;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A modal the bot opened in answer to an interaction. Immutable.
 *
 * @param interactionId the interaction it answered
 * @param customId      the modal's custom id
 * @param title         its title
 * @param components    its components, flattened (text inputs carry their label's text)
 * @param json          the modal as the bot sent it, with Discord's component ids added
 */
public record SeenModal(long interactionId, String customId, String title, List<SeenComponent> components, String json) {

    public SeenModal {
        Objects.requireNonNull(customId, "customId");
        Objects.requireNonNull(title, "title");
        components = List.copyOf(components);
        Objects.requireNonNull(json, "json");
    }

    /** The text inputs, in order. */
    public List<SeenComponent.TextInput> inputs() {
        return components.stream().filter(SeenComponent.TextInput.class::isInstance)
                .map(SeenComponent.TextInput.class::cast).toList();
    }

    /** The text input with this custom id or label. */
    public Optional<SeenComponent.TextInput> input(String customIdOrLabel) {
        return inputs().stream().filter(i -> i.customId().equals(customIdOrLabel) || i.label().equals(customIdOrLabel))
                .findFirst();
    }

    /** The selects (string, user, role ... selects inside labels), in order. */
    public List<SeenComponent.Select> selects() {
        return components.stream().filter(SeenComponent.Select.class::isInstance)
                .map(SeenComponent.Select.class::cast).toList();
    }

    /** The select with this custom id or placeholder. */
    public Optional<SeenComponent.Select> select(String customIdOrPlaceholder) {
        return selects().stream()
                .filter(s -> s.customId().equals(customIdOrPlaceholder) || s.placeholder().equals(customIdOrPlaceholder))
                .findFirst();
    }
}
