package dev.matchwave.matchmaking.ladder.player;

import java.util.Objects;

/**
 * One invalid field of a form, with a message for the player. Immutable.
 *
 * @param field   the field's name, e.g. {@code userId}, {@code battleTag}, {@code races}
 * @param message what is wrong and what is expected, for the player's eyes
 */
public record FieldProblem(String field, String message) {

    public FieldProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
