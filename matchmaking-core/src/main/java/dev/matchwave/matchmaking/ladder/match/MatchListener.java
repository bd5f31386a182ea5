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

    /** The event has happened: its change is committed. Called on the thread that made it. */
    void on(MatchEvent event);

    /**
     * Inside the transaction of the change that causes {@code event}, before it commits (the
     * store's {@link dev.matchwave.matchmaking.ladder.store.LadderStore#atomically unit}): the
     * place to write down durably what the event will owe the players (an outbox), so that the
     * change and what it owes commit together and a process that dies at any instant forgets
     * neither. Nothing may leave the process here (the change may still roll back); {@link #on}
     * follows once it is committed. A write that fails here fails the change with it (the store's
     * unit rolls back; the caller hears the store's error). Not called for
     * events without a change of their own (a confirmation reminder): {@link #on} alone sees
     * those. Default: nothing.
     */
    default void owe(MatchEvent event) {
    }

    /** Ignores every event. */
    static MatchListener none() {
        return event -> {
        };
    }

    /** This listener, then {@code next} (both for {@link #owe} and for {@link #on}). */
    default MatchListener andThen(MatchListener next) {
        Objects.requireNonNull(next, "next");
        MatchListener first = this;
        return new MatchListener() {
            @Override
            public void owe(MatchEvent event) {
                first.owe(event);
                next.owe(event);
            }

            @Override
            public void on(MatchEvent event) {
                first.on(event);
                next.on(event);
            }
        };
    }
}
