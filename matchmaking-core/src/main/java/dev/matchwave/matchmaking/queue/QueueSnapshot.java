package dev.matchwave.matchmaking.queue;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.QueuedPlayer;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable copy of a {@link QueueService}'s state, taken atomically.
 *
 * @param at      when it was taken, on the service's clock
 * @param queued  the queued players in join order, with the wait cycles they have reached
 * @param inMatch the players in a match
 */
public record QueueSnapshot(Instant at, List<QueuedPlayer> queued, Set<PlayerId> inMatch) {

    public QueueSnapshot {
        Objects.requireNonNull(at, "at");
        queued = List.copyOf(Objects.requireNonNull(queued, "queued"));
        inMatch = Set.copyOf(Objects.requireNonNull(inMatch, "inMatch"));
    }

    /** How many players are queued. */
    public int size() {
        return queued.size();
    }
}
