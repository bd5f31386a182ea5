package dev.matchwave.matchmaking.ladder.penalty;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.MatchId;
import dev.matchwave.matchmaking.ladder.audit.AdminAction;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The timeouts and queue bars of the no-show penalty.
 *
 * <p>Implementations are thread-safe. Methods may block on I/O (call them from a virtual thread
 * or a worker) and report failures as {@link dev.matchwave.matchmaking.ladder.StoreException}.
 */
public interface NoShowRepository {

    /**
     * Records that {@code player} did not confirm {@code match} in time.
     *
     * @return false when that timeout was recorded already (nothing changed)
     */
    boolean addTimeout(PlayerId player, MatchId match, Instant at);

    /** The player's timeouts at or after {@code since}, oldest first. */
    List<Instant> timeoutsSince(PlayerId player, Instant since);

    /** Stores a new bar. */
    void addBar(QueueBar bar);

    /** The player's bars that started at or after {@code since}, oldest first. */
    List<QueueBar> barsSince(PlayerId player, Instant since);

    /** The bar that keeps the player out at {@code now}, if any (the one ending last). */
    Optional<QueueBar> barInForce(PlayerId player, Instant now);

    /**
     * Lifts every bar of the player in force at {@code at}, and audits it in the same unit of
     * work; nothing is written (not the audit either) when none is in force.
     *
     * @return the bar that would have ended last, as lifted
     */
    Optional<QueueBar> lift(PlayerId player, Instant at, AdminAction audit);
}
