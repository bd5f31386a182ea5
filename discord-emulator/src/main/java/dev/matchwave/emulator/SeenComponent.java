package dev.matchwave.emulator;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A component as a user sees it: the interactive ones (buttons, selects, text inputs) and text
 * (components v2 text displays). Layout (action rows, sections, containers, labels) is
 * flattened away, in document order; a modal's label becomes its input's label.
 *
 * <p>Immutable.
 */
public sealed interface SeenComponent {

    /** The numeric id Discord gives every component (sequential in the message unless set). */
    int uniqueId();

    /** Discord's component type number (2 button, 3 string select, 4 text input, 10 text display ...). */
    int type();

    /**
     * A button.
     *
     * @param customId empty for a link button
     * @param style    PRIMARY, SECONDARY, SUCCESS, DANGER, LINK or PREMIUM
     * @param url      present for a link button
     * @param emoji    the emoji's name, if any
     */
    record Button(int uniqueId, Optional<String> customId, String label, String style, boolean disabled,
                  Optional<String> url, Optional<String> emoji) implements SeenComponent {
        public Button {
            Objects.requireNonNull(customId, "customId");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(style, "style");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(emoji, "emoji");
        }

        @Override
        public int type() {
            return 2;
        }
    }

    /**
     * A select menu.
     *
     * @param type    3 string, 5 user, 6 role, 7 mentionable, 8 channel
     * @param options the choices of a string select; empty for the others
     */
    record Select(int uniqueId, int type, String customId, String placeholder, List<Option> options, int minValues,
                  int maxValues, boolean disabled) implements SeenComponent {
        public Select {
            Objects.requireNonNull(customId, "customId");
            Objects.requireNonNull(placeholder, "placeholder");
            options = List.copyOf(options);
        }

        /** The option with this value or label. */
        public Optional<Option> option(String valueOrLabel) {
            return options.stream().filter(o -> o.value().equals(valueOrLabel) || o.label().equals(valueOrLabel))
                    .findFirst();
        }
    }

    /** One choice of a string select. */
    record Option(String label, String value, String description, boolean selectedByDefault) {
        public Option {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(description, "description");
        }
    }

    /**
     * A modal's text field.
     *
     * @param style 1 short, 2 paragraph
     * @param value the prefilled value, empty for none
     */
    record TextInput(int uniqueId, String customId, String label, int style, boolean required, String value,
                     int minLength, int maxLength, String placeholder) implements SeenComponent {
        public TextInput {
            Objects.requireNonNull(customId, "customId");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(placeholder, "placeholder");
        }

        @Override
        public int type() {
            return 4;
        }
    }

    /** Text shown by a components-v2 text display. */
    record Text(int uniqueId, String content) implements SeenComponent {
        public Text {
            Objects.requireNonNull(content, "content");
        }

        @Override
        public int type() {
            return 10;
        }
    }
}
