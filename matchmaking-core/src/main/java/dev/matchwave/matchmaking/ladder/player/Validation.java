package dev.matchwave.matchmaking.ladder.player;

import java.util.List;
import java.util.Objects;

/**
 * The result of checking a form: the accepted value, or every problem found (one per invalid
 * field, not just the first). Immutable.
 *
 * @param <T> the accepted value's type
 */
public sealed interface Validation<T> {

    /** The form is valid; {@code value} is what was accepted (trimmed, codes in upper case). */
    record Valid<T>(T value) implements Validation<T> {
        public Valid {
            Objects.requireNonNull(value, "value");
        }
    }

    /** The form has problems, at least one, each naming its field. */
    record Invalid<T>(List<FieldProblem> problems) implements Validation<T> {
        public Invalid {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("an invalid form has at least one problem");
            }
        }
    }

    default boolean isValid() {
        return this instanceof Valid<T>;
    }
}
