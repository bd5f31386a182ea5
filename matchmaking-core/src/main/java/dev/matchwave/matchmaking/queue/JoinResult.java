package dev.matchwave.matchmaking.queue;

import dev.matchwave.matchmaking.QueuedPlayer;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to {@link QueueService#join}. Immutable.
 *
 * <p>Exactly one of: {@link Joined} (a new entry), {@link AlreadyQueued} (the existing entry,
 * unchanged) or {@link Refused} (no entry, with the reason).
 */
public sealed interface JoinResult {

    /** A short English sentence for the player. */
    String message();

    /** Whether the player is in the queue after this call (joined now or before). */
    default boolean queued() {
        return !(this instanceof Refused);
    }

    /** The player joined; {@code player} is his new entry, with no wait cycle yet. */
    record Joined(QueuedPlayer player) implements JoinResult {
        public Joined {
            Objects.requireNonNull(player, "player");
        }

        @Override
        public String message() {
            return "You joined the queue.";
        }
    }

    /**
     * The player was queued already: nothing changed, not even his seats or preferences (leave
     * and join again to change them). {@code player} is his entry as it stands.
     */
    record AlreadyQueued(QueuedPlayer player) implements JoinResult {
        public AlreadyQueued {
            Objects.requireNonNull(player, "player");
        }

        @Override
        public String message() {
            return "You are already in the queue.";
        }
    }

    /**
     * The player may not join now.
     *
     * @param reason     why, as a category
     * @param message    why, for the player
     * @param retryAfter when he may try again, for {@link Reason#RATE_LIMITED}
     */
    record Refused(Reason reason, String message, Optional<Duration> retryAfter) implements JoinResult {
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(retryAfter, "retryAfter");
            if (message.isBlank()) {
                throw new IllegalArgumentException("a refusal needs a message");
            }
        }

        static Refused inMatch() {
            return new Refused(Reason.IN_MATCH, "You are in a match: finish it before you queue again.",
                    Optional.empty());
        }

        static Refused rateLimited(Duration retryAfter, int limit, Duration window) {
            long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
            return new Refused(Reason.RATE_LIMITED,
                    "You joined " + limit + " times in " + describe(window) + "; try again in " + seconds + " s.",
                    Optional.of(retryAfter));
        }

        static Refused guard(String why) {
            return new Refused(Reason.GUARD, why.isBlank() ? "You may not queue now." : why, Optional.empty());
        }

        private static String describe(Duration window) {
            long seconds = window.toSeconds();
            return seconds % 60 == 0 ? (seconds / 60 == 1 ? "a minute" : seconds / 60 + " minutes") : seconds + " s";
        }
    }

    /** Why a join was refused. */
    enum Reason {
        /** The player is in a match (or his match is being created). */
        IN_MATCH,
        /** Too many joins in the join limit window. */
        RATE_LIMITED,
        /** The injected {@link dev.matchwave.matchmaking.QueueGuard} said no (terms, ban, setup...). */
        GUARD
    }
}
