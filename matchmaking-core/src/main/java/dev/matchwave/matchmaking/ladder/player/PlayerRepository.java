package dev.matchwave.matchmaking.ladder.player;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.audit.AdminAction;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Stores players. Each write changes one aspect of one player (profile, terms, ban, aborts), so
 * concurrent writes to different aspects never overwrite each other; the abort budget is also
 * decreased by {@link dev.matchwave.matchmaking.ladder.match.MatchRepository#commit} when a
 * player aborts.
 *
 * <p>Implementations are thread-safe. Methods may block on I/O (call them from a virtual thread
 * or a worker) and report failures as {@link dev.matchwave.matchmaking.ladder.StoreException};
 * a method that throws has changed nothing.
 */
public interface PlayerRepository {

    Optional<Player> find(PlayerId id);

    /** The players among {@code ids} that exist, in one query; unknown ids are left out. */
    Map<PlayerId, Player> findAll(Collection<PlayerId> ids);

    /** The player whose profile has this user id, compared ignoring case. */
    Optional<Player> findByUserId(String userId);

    /**
     * Registers the player if he is new, with {@code abortsLeft} aborts; returns the stored
     * player either way (an existing player is returned unchanged). Idempotent.
     */
    Player register(PlayerId id, int abortsLeft, Instant at);

    /**
     * Saves the player's profile (setup), replacing any earlier one.
     *
     * @throws dev.matchwave.matchmaking.ladder.StoreException {@code NOT_FOUND} if the player is
     *         not registered; {@code DUPLICATE} if another player has the same user id (ignoring case)
     */
    Player saveProfile(PlayerId id, PlayerProfile profile);

    /**
     * Records that the player accepted the terms of service; a second call keeps the first time.
     *
     * @throws dev.matchwave.matchmaking.ladder.StoreException {@code NOT_FOUND} if not registered
     */
    Player acceptTerms(PlayerId id, Instant at);

    /**
     * Bans or unbans the player and audits it, together.
     *
     * @throws dev.matchwave.matchmaking.ladder.StoreException {@code NOT_FOUND} if not registered
     */
    Player setBanned(PlayerId id, boolean banned, AdminAction audit);

    /**
     * Sets the player's abort budget (an admin reset) and audits it, together.
     *
     * @param abortsLeft not negative
     * @throws dev.matchwave.matchmaking.ladder.StoreException {@code NOT_FOUND} if not registered,
     *         {@code INVALID} if negative
     */
    Player setAbortsLeft(PlayerId id, int abortsLeft, AdminAction audit);
}
