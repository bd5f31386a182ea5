package dev.matchwave.matchmaking.queue;

import dev.matchwave.matchmaking.QueuedPlayer;

import java.util.Objects;

/** The answer to {@link QueueService#leave}. Immutable. Leaving never fails. */
public sealed interface LeaveResult {

    /** A short English sentence for the player. */
    String message();

    /** The player left; {@code player} is the entry he had, with the wait cycles he had reached. */
    record Left(QueuedPlayer player) implements LeaveResult {
        public Left {
            Objects.requireNonNull(player, "player");
        }

        @Override
        public String message() {
            return "You left the queue.";
        }
    }

    /** The player was not queued; nothing changed. */
    record NotQueued() implements LeaveResult {
        @Override
        public String message() {
            return "You are not in the queue.";
        }
    }

    /**
     * Too late: the player was matched already. If the wave that matched him is still handing
     * its pairs out and his match then fails to be created, he is freed rather than put back
     * in the queue, as he asked to leave.
     */
    record InMatch() implements LeaveResult {
        @Override
        public String message() {
            return "You have already been matched.";
        }
    }
}
