package dev.matchwave.matchmaking.ladder.match;

import java.util.List;
import java.util.Objects;

/**
 * What a lifecycle action did. Immutable.
 *
 * <ul>
 *   <li>{@link Accepted}: the transition is stored and its events were delivered.</li>
 *   <li>{@link Unchanged}: the action was already done (the same report twice, a second
 *       confirm); nothing changed and no event was sent.</li>
 *   <li>{@link Rejected}: refused with a reason; nothing changed.</li>
 * </ul>
 */
public sealed interface Outcome {

    /** True unless rejected. */
    default boolean ok() {
        return !(this instanceof Rejected);
    }

    /** The action took effect. */
    record Accepted(Match match, List<MatchEvent> events) implements Outcome {
        public Accepted {
            Objects.requireNonNull(match, "match");
            events = List.copyOf(events);
        }
    }

    /** The action had been done already; {@code note} says what, for the player's eyes. */
    record Unchanged(Match match, String note) implements Outcome {
        public Unchanged {
            Objects.requireNonNull(match, "match");
            Objects.requireNonNull(note, "note");
        }
    }

    /** Refused; {@code message} says why, for the player's eyes. */
    record Rejected(Rejection reason, String message) implements Outcome {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }
}
