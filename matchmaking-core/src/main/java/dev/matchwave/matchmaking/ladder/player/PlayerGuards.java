package dev.matchwave.matchmaking.ladder.player;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.QueueGuard;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The guards a player passes before queueing, in the reference ladder's order: terms accepted,
 * setup complete, not banned, not already queueing, not in a match. Each refusal is a message
 * for the player.
 *
 * <p>The guards are thread-safe. {@link #standing} reads the player repository once per check
 * (put a cache in front of a database-backed repository); the others are as quick as the
 * predicate or guard they wrap.
 */
public final class PlayerGuards {

    private PlayerGuards() {
    }

    /** Terms accepted, setup complete and not banned, from one read of the player. */
    public static QueueGuard standing(PlayerRepository players) {
        Objects.requireNonNull(players, "players");
        return id -> {
            Optional<Player> found = players.find(id);
            if (found.isEmpty() || !found.get().termsAccepted()) {
                return Optional.of("Please accept the terms of service first (/termsofservice).");
            }
            Player player = found.get();
            if (!player.setupComplete()) {
                return Optional.of("Please complete your setup first (/setup).");
            }
            if (player.banned()) {
                return Optional.of("You are banned from the ladder; contact an admin.");
            }
            return Optional.empty();
        };
    }

    /** Refuses players the queue already holds. */
    public static QueueGuard notQueueing(Predicate<PlayerId> queueing) {
        Objects.requireNonNull(queueing, "queueing");
        return id -> queueing.test(id) ? Optional.of("You are already queueing.") : Optional.empty();
    }

    /**
     * All five, in order: {@link #standing}, {@link #notQueueing}, then {@code inMatch} (e.g.
     * {@link dev.matchwave.matchmaking.ladder.lifecycle.MatchLifecycle#inMatchGuard()}).
     */
    public static QueueGuard standard(PlayerRepository players, Predicate<PlayerId> queueing, QueueGuard inMatch) {
        return standing(players).and(notQueueing(queueing)).and(inMatch);
    }
}
