package dev.matchwave.matchmaking.ladder.match;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.MatchId;
import java.util.Optional;

/**
 * The result a player has picked for his match and not confirmed yet (the reference bot asks for
 * a pick, then a confirmation). Kept in the store, not in memory, so that a restart or a standby
 * that takes over shows the player his pick and lets him confirm it.
 *
 * <p>Implementations are thread-safe; methods may block on I/O and report failures as
 * {@link dev.matchwave.matchmaking.ladder.StoreException}.
 */
public interface ResultPickRepository {

    /** Keeps {@code verdict} as the player's pick for the match, replacing an earlier one. */
    void pick(MatchId match, PlayerId player, Verdict verdict);

    /** The player's pick for the match, if he has one. */
    Optional<Verdict> picked(MatchId match, PlayerId player);

    /** Forgets the player's pick (once his report is stored); nothing happens without one. */
    void clear(MatchId match, PlayerId player);
}
