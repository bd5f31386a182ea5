package dev.matchwave.notification;

import dev.matchwave.matchmaking.PlayerId;
import java.util.Objects;

/** Validation shared by the records of this package; messages name the field. */
final class Checks {

    private Checks() {
    }

    static long matchId(long matchId) {
        if (matchId < 0) {
            throw new IllegalArgumentException("matchId must not be negative, got " + matchId);
        }
        return matchId;
    }

    static PlayerId player(PlayerId player, String field) {
        return Objects.requireNonNull(player, field);
    }

    static String text(String value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }
}
