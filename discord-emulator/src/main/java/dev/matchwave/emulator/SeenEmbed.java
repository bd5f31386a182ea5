package dev.matchwave.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An embed as a user sees it. Immutable.
 *
 * @param color the side color as 0xRRGGBB, if set
 */
public record SeenEmbed(Optional<String> title, Optional<String> description, Optional<String> url, OptionalInt color,
                        List<Field> fields, Optional<String> footer, Optional<String> author) {

    public SeenEmbed {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(color, "color");
        fields = List.copyOf(fields);
        Objects.requireNonNull(footer, "footer");
        Objects.requireNonNull(author, "author");
    }

    /** One field. */
    public record Field(String name, String value, boolean inline) {
        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    /** Every text of the embed, one part a line: author, title, description, fields (name, value), footer. */
    public String text() {
        List<String> parts = new ArrayList<>();
        author.ifPresent(parts::add);
        title.ifPresent(parts::add);
        description.ifPresent(parts::add);
        fields.forEach(f -> {
            parts.add(f.name());
            parts.add(f.value());
        });
        footer.ifPresent(parts::add);
        return String.join("\n", parts);
    }

    /** The field with this name. */
    public Optional<Field> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
