package dev.matchwave.matchmaking.ladder.penalty;

import dev.matchwave.matchmaking.PlayerId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A player barred from the queue for not confirming matches. Immutable.
 *
 * @param player   who is barred
 * @param from     when the bar started: the timeout that completed the count
 * @param until    when it ends unless lifted; after {@code from}
 * @param timeouts how many timeouts within the window caused it (at least the rule's count)
 * @param repeat   how many earlier bars the rule counted as repeats (0 for a first bar); the
 *                 cooldown grew this many times
 * @param liftedAt when an admin lifted it, if one did (not before {@code from})
 */
public record QueueBar(PlayerId player, Instant from, Instant until, int timeouts, int repeat,
                       Optional<Instant> liftedAt) {

    public QueueBar {
        Objects.requireNonNull(player, "player");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(liftedAt, "liftedAt");
        if (!until.isAfter(from)) {
            throw new IllegalArgumentException("a queue bar must end after it starts: from " + from + ", until " + until);
        }
        if (timeouts < 1) {
            throw new IllegalArgumentException("a queue bar needs at least one timeout, got " + timeouts);
        }
        if (repeat < 0) {
            throw new IllegalArgumentException("repeat must not be negative, got " + repeat);
        }
        if (liftedAt.isPresent() && liftedAt.get().isBefore(from)) {
            throw new IllegalArgumentException("a queue bar cannot be lifted (" + liftedAt.get()
                    + ") before it starts (" + from + ")");
        }
    }

    /** When the bar ends: its end, or when it was lifted if that came first. */
    public Instant endsAt() {
        return liftedAt.filter(lifted -> lifted.isBefore(until)).orElse(until);
    }

    /** Whether it keeps the player out of the queue at {@code now}. */
    public boolean inForceAt(Instant now) {
        return !now.isBefore(from) && now.isBefore(endsAt());
    }

    /** The same bar, lifted at {@code at}. */
    public QueueBar liftedAt(Instant at) {
        return new QueueBar(player, from, until, timeouts, repeat, Optional.of(at));
    }
}
