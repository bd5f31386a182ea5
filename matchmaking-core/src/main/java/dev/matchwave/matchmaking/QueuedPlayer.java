package dev.matchwave.matchmaking;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A player waiting in the queue, as a wave sees him. Immutable.
 *
 * @param id          who
 * @param seats       the seats he may take, at least one, at most one per side
 * @param preferences map vetoes and home region
 * @param joinedAt    when he joined the queue
 * @param waitCycles  how many waves he has waited through, including the one being paired
 */
public record QueuedPlayer(PlayerId id, List<Seat> seats, Preferences preferences, Instant joinedAt,
                           int waitCycles) {

    public QueuedPlayer {
        Objects.requireNonNull(id, "id");
        seats = List.copyOf(Objects.requireNonNull(seats, "seats"));
        Objects.requireNonNull(preferences, "preferences");
        Objects.requireNonNull(joinedAt, "joinedAt");
        if (seats.isEmpty()) {
            throw new IllegalArgumentException("player " + id + " has no seat: pick at least one race");
        }
        if (seats.stream().map(Seat::side).distinct().count() != seats.size()) {
            throw new IllegalArgumentException("player " + id + " has two seats on the same side");
        }
        if (waitCycles < 0) {
            throw new IllegalArgumentException("player " + id + " has negative wait cycles: " + waitCycles);
        }
    }

    /** A copy that has waited one more wave. */
    public QueuedPlayer nextCycle() {
        return new QueuedPlayer(id, seats, preferences, joinedAt, waitCycles + 1);
    }

    public QueuedPlayer withWaitCycles(int cycles) {
        return new QueuedPlayer(id, seats, preferences, joinedAt, cycles);
    }
}
