package dev.matchwave.matchmaking.queue.store;

import dev.matchwave.matchmaking.PlayerId;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where a {@link dev.matchwave.matchmaking.queue.QueueService} keeps the queue: its entries,
 * the join-limit log, who is in a match and the last wave's number. The service writes every
 * change here before it answers the caller, and reads it all back once, when it is built.
 *
 * <p>Each method is one unit of work: all of it is stored or, when it throws, none of it.
 * Failures are {@link dev.matchwave.matchmaking.ladder.StoreException}s ({@code UNAVAILABLE}
 * when the store cannot be reached, {@code DUPLICATE} for a second entry of one player).
 * Instants are kept to the microsecond.
 *
 * <p>Implementations are thread-safe; their methods may block on I/O. The queue calls them under
 * its own lock, except {@link #addAll} (its joins, a few calls at once), {@link #release} and
 * {@link #commitWave}: joins and releases are stored alongside a wave and each other, so that a
 * wave never waits on them nor they on a wave. No other call about a player runs alongside the
 * {@link #addAll} storing his join or the {@link #release} freeing him.
 */
public interface QueueStore {

    /**
     * Everything stored.
     *
     * @param joinsSince joins before this instant may be left out of the join log
     */
    StoredQueue load(Instant joinsSince);

    /**
     * Stores a new entry and its join in the join log (at the entry's join time).
     *
     * @param forgetJoinsBefore the store may drop the player's joins older than this
     * @throws dev.matchwave.matchmaking.ladder.StoreException {@code DUPLICATE} when the player
     *         has an entry already or is in a match
     */
    void add(StoredEntry entry, Instant forgetJoinsBefore);

    /**
     * Stores several new entries at once, as {@link #add} would one by one (a burst of joins:
     * one unit of work instead of one each). Never throws for an entry: each entry is stored, or
     * named in the answer with why not ({@code DUPLICATE}: its player is queued already or in a
     * match; {@code UNAVAILABLE}: the store failed).
     *
     * <p>The default calls {@link #add} for each entry. A store that writes them together should,
     * and then either stores every entry it does not refuse, or, when it fails, none of them.
     *
     * @param forgetJoinsBefore the store may drop joins older than this of the players it stores
     * @return the entries not stored, by player, each with its failure; empty when all were stored
     */
    default Map<PlayerId, RuntimeException> addAll(List<StoredEntry> entries, Instant forgetJoinsBefore) {
        Map<PlayerId, RuntimeException> failed = new HashMap<>();
        for (StoredEntry entry : entries) {
            try {
                add(entry, forgetJoinsBefore);
            } catch (RuntimeException e) {
                failed.put(entry.player().id(), e);
            }
        }
        return failed;
    }

    /**
     * Replaces the contact of the entry {@code key}.
     *
     * @return false when that entry is not stored (the player left, or joined again since)
     */
    boolean attach(EntryKey key, String contact);

    /**
     * Removes the entry {@code key} (a leave, or an expiry by the timer).
     *
     * @return false when that entry is not stored
     */
    boolean remove(EntryKey key);

    /** Removes every entry (an admin's clear); players in a match stay there. */
    void removeAll();

    /** The player is in a match made elsewhere: his entry, if any, is removed. */
    void markInMatch(PlayerId player);

    /** The player's match is over. Harmless when he was not in one. */
    void release(PlayerId player);

    /** A wave begins: its expired entries go, every entry that waited gets one more wait cycle. */
    void startWave(WaveStart start);

    /**
     * Stores a wave's outcome as one unit of work: runs {@code work} (the wave listener making
     * the wave's matches), then removes the {@link WaveCommit#matched()} entries it returns and
     * marks their players in a match. A store that shares its transactions with the matches'
     * store runs {@code work} inside the same transaction (PostgreSQL: the match repository's
     * writes on the calling thread join it), so a crash leaves either the queue before the wave
     * or the matches after it. Other stores store the commit after {@code work} returned: the
     * caller reconciles at start-up (a queued player with an open match is marked in a match).
     *
     * <p>An implementation may check more inside the unit of work (a leader's fencing number):
     * a failed check throws and nothing is stored.
     *
     * @throws RuntimeException whatever {@code work} threw, or the store's failure; nothing of
     *         the wave (in a shared transaction: nothing of {@code work} either) is stored
     */
    WaveCommit commitWave(Supplier<WaveCommit> work);
}
