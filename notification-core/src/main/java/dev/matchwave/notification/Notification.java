package dev.matchwave.notification;

import dev.matchwave.matchmaking.PlayerId;

/**
 * Something one player is told about one match. One sealed type serves the whole match
 * lifecycle, so a single mailbox (and a single sink) carries all of it and a {@code switch}
 * over it is checked for completeness by the compiler.
 *
 * <p>Every notification is an immutable value, safe to share between threads.
 */
public sealed interface Notification
        permits MatchFound, MatchDetails, ConfirmReminder, MatchAborted, MatchCompleted, MatchConflict {

    /** The recipient. */
    PlayerId player();

    /** The match this is about. */
    long matchId();
}
