package dev.matchwave.matchmaking;

import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether a player may join the queue: terms accepted, setup done, not banned, not in
 * a match... Implementations are thread-safe and quick (no I/O on the caller's thread beyond a
 * cache lookup).
 */
@FunctionalInterface
public interface QueueGuard {

    /** Empty when the player may queue; otherwise the reason he may not, for his eyes. */
    Optional<String> refusal(PlayerId player);

    /** Lets everyone in. */
    static QueueGuard none() {
        return player -> Optional.empty();
    }

    /** This guard, then {@code next}: the first refusal wins. */
    default QueueGuard and(QueueGuard next) {
        Objects.requireNonNull(next, "next");
        return player -> {
            Optional<String> first = refusal(player);
            return first.isPresent() ? first : next.refusal(player);
        };
    }
}
