package dev.matchwave.matchmaking.ladder.match;

import java.util.Objects;

/**
 * Receives every {@link MatchEvent} of a {@link dev.matchwave.matchmaking.ladder.lifecycle.MatchLifecycle}: the bot maps them to
 * notifications, the queue releases players on {@link MatchEvent#endsMatch()}.
 *
 * <p>Called on the thread that made the transition (a caller's or the scheduler's), after the
 * transition is stored, while the lifecycle holds the match's lock: events of one match arrive
 * in order. An implementation must be quick and must not block (hand the event to a mailbox or
 * queue); an exception it throws is logged and does not undo the transition.
 */
@FunctionalInterface
public interface MatchListener {

    void on(MatchEvent event);

    /** Ignores every event. */
    static MatchListener none() {
        return event -> {
        };
    }

    /** This listener, then {@code next}. */
    default MatchListener andThen(MatchListener next) {
        Objects.requireNonNull(next, "next");
        return event -> {
            on(event);
            next.on(event);
        };
    }
}
