package dev.matchwave.matchmaking.ladder.match;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.rating.LedgerEntry;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Something that happened to a match, for notifications and for the queue. Every event carries
 * the match as stored after it and the instant it happened. Immutable.
 *
 * <p>Who learns what (the reference ladder): both players of {@link MatchFound},
 * {@link ConfirmReminder} (those who have not confirmed), {@link MatchStarted} (with map, server,
 * channel and the opponent's names), {@link MatchCompleted}, {@link MatchConflict},
 * {@link MatchAborted}, {@link MatchTimedOut}, {@link MatchResolved}; the opponent of
 * {@link ResultReported}; the player himself of {@link AbortArmed} and {@link PlayerConfirmed}.
 */
public sealed interface MatchEvent {

    Match match();

    Instant at();

    /**
     * True when the match closed with this event: both players are free to queue again (the
     * "in a match" guard no longer refuses them).
     */
    default boolean endsMatch() {
        return false;
    }

    /** A wave created the match; both players must confirm before {@link Match#confirmDeadline()}. */
    record MatchFound(Match match, Instant at) implements MatchEvent {
        public MatchFound {
            Objects.requireNonNull(match, "match");
            Objects.requireNonNull(at, "at");
        }
    }

    /** Part of the confirmation window passed; {@code waitingFor} have not confirmed yet. */
    record ConfirmReminder(Match match, List<PlayerId> waitingFor, Instant at) implements MatchEvent {
        public ConfirmReminder {
            Objects.requireNonNull(match, "match");
            waitingFor = List.copyOf(waitingFor);
            Objects.requireNonNull(at, "at");
        }
    }

    /** One player confirmed; the other has not yet. */
    record PlayerConfirmed(Match match, PlayerId player, Instant at) implements MatchEvent {
        public PlayerConfirmed {
            Objects.requireNonNull(match, "match");
            Objects.requireNonNull(player, "player");
            Objects.requireNonNull(at, "at");
        }
    }

    /** Both confirmed: the game is on; show the details. */
    record MatchStarted(Match match, Instant at) implements MatchEvent {
        public MatchStarted {
            Objects.requireNonNull(match, "match");
            Objects.requireNonNull(at, "at");
        }
    }

    /** The player pressed abort once; pressing again aborts and uses one of {@code abortsLeft}. */
    record AbortArmed(Match match, PlayerId player, int abortsLeft, Instant at) implements MatchEvent {
        public AbortArmed {
            Objects.requireNonNull(match, "match");
            Objects.requireNonNull(player, "player");
            Objects.requireNonNull(at, "at");
        }
    }

    /** The first report came in; the opponent should report too. */
    record ResultReported(Match match, PlayerId reporter, Verdict verdict, Instant at) implements MatchEvent {
        public ResultReported {
            Objects.requireNonNull(match, "match");
            Objects.requireNonNull(reporter, "reporter");
            Objects.requireNonNull(verdict, "verdict");
            Objects.requireNonNull(at, "at");
        }
    }

    /** Both reports agree; {@code ratingChanges} are the stored ledger entries (player 1's first). */
    record MatchCompleted(Match match, List<LedgerEntry> ratingChanges, Instant at) implements MatchEvent {
        public MatchCompleted {
            Objects.requireNonNull(match, "match");
            ratingChanges = List.copyOf(ratingChanges);
            Objects.requireNonNull(at, "at");
        }

        @Override
        public boolean endsMatch() {
            return true;
        }
    }

    /** The reports differ: no rating change, an admin must resolve it. */
    record MatchConflict(Match match, Instant at) implements MatchEvent {
        public MatchConflict {
            Objects.requireNonNull(match, "match");
            Objects.requireNonNull(at, "at");
        }

        @Override
        public boolean endsMatch() {
            return true;
        }
    }

    /** {@code aborter} aborted; he has {@code abortsLeft} left. No rating change. */
    record MatchAborted(Match match, PlayerId aborter, int abortsLeft, Instant at) implements MatchEvent {
        public MatchAborted {
            Objects.requireNonNull(match, "match");
            Objects.requireNonNull(aborter, "aborter");
            Objects.requireNonNull(at, "at");
        }

        @Override
        public boolean endsMatch() {
            return true;
        }
    }

    /** The confirmation window passed; {@code unconfirmed} did not confirm. A system abort: no abort used. */
    record MatchTimedOut(Match match, List<PlayerId> unconfirmed, Instant at) implements MatchEvent {
        public MatchTimedOut {
            Objects.requireNonNull(match, "match");
            unconfirmed = List.copyOf(unconfirmed);
            Objects.requireNonNull(at, "at");
        }

        @Override
        public boolean endsMatch() {
            return true;
        }
    }

    /**
     * An admin resolved the match.
     *
     * @param redo          true when the match had a result already (completed or resolved before)
     *                      and it was taken back first
     * @param ended         true when the match was still open and this closed it
     * @param ratingChanges the ledger entries: reversals of the earlier result first, then the new ones
     */
    record MatchResolved(Match match, PlayerId admin, Resolution resolution, boolean redo, boolean ended,
                         List<LedgerEntry> ratingChanges, Instant at) implements MatchEvent {
        public MatchResolved {
            Objects.requireNonNull(match, "match");
            Objects.requireNonNull(admin, "admin");
            Objects.requireNonNull(resolution, "resolution");
            ratingChanges = List.copyOf(ratingChanges);
            Objects.requireNonNull(at, "at");
        }

        @Override
        public boolean endsMatch() {
            return ended;
        }
    }
}
