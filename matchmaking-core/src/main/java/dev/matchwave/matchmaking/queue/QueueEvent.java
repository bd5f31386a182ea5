package dev.matchwave.matchmaking.queue;

import dev.matchwave.matchmaking.QueuedPlayer;

import java.time.Instant;
import java.util.Objects;

/** Something that happened to a queued player without him asking. Immutable. */
public sealed interface QueueEvent {

    /** The player concerned, as his entry stood. */
    QueuedPlayer player();

    /** When it happened, on the service's clock. */
    Instant at();

    /** The entry reached the maximum wait and was removed from the queue. */
    record Expired(QueuedPlayer player, Instant at) implements QueueEvent {
        public Expired {
            Objects.requireNonNull(player, "player");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * The player was paired in wave {@code wave}, but his match could not be created (the
     * {@link WaveListener} said so): he is back in the queue with his join time and wait cycles.
     */
    record Requeued(QueuedPlayer player, Instant at, long wave) implements QueueEvent {
        public Requeued {
            Objects.requireNonNull(player, "player");
            Objects.requireNonNull(at, "at");
        }
    }
}
