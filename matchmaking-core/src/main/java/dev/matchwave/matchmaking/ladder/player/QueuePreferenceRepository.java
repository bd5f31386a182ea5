package dev.matchwave.matchmaking.ladder.player;

import dev.matchwave.matchmaking.PlayerId;
import java.util.Optional;

/**
 * Stores each player's saved queue preferences (races and vetoed maps), validated before they
 * get here by {@link SetupRules#validatePreferences}.
 *
 * <p>Implementations are thread-safe. Methods may block on I/O and report failures as
 * {@link dev.matchwave.matchmaking.ladder.StoreException}; a method that throws has changed
 * nothing.
 */
public interface QueuePreferenceRepository {

    Optional<SavedPreferences> find(PlayerId player);

    /**
     * Saves the preferences, replacing earlier ones.
     *
     * @throws dev.matchwave.matchmaking.ladder.StoreException {@code NOT_FOUND} if the player is
     *         not registered
     */
    void save(PlayerId player, SavedPreferences preferences);

    /** Forgets the player's preferences; harmless when there are none. */
    void delete(PlayerId player);
}
