package dev.matchwave.matchmaking.ladder.match;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.MatchId;
import java.util.List;
import java.util.Optional;

/**
 * Stores matches. A player is in at most one open match ({@link MatchState#isOpen}) at a time;
 * the store enforces it.
 *
 * <p>Implementations are thread-safe. Methods may block on I/O (call them from a virtual thread
 * or a worker) and report failures as {@link dev.matchwave.matchmaking.ladder.StoreException};
 * a method that throws has changed nothing. Instants are kept to the microsecond.
 */
public interface MatchRepository {

    /**
     * Creates one wave's matches in one unit of work (one round trip or batch where the store
     * allows): all of them or, on any failure, none.
     *
     * @return the matches in the order of {@code drafts}, with increasing new ids, version 1,
     *         state {@link MatchState#FOUND}
     * @throws dev.matchwave.matchmaking.ladder.StoreException {@code DUPLICATE} if a player is
     *         already in an open match or in two drafts; {@code NOT_FOUND} if a player is not
     *         registered; {@code UNAVAILABLE} if the store failed (nothing was created)
     */
    List<Match> createAll(List<MatchDraft> drafts);

    Optional<Match> find(MatchId id);

    /** The open match of {@code player}, if he is in one. */
    Optional<Match> openMatchOf(PlayerId player);

    /** Every open match, by id; used to count matches in progress and to re-arm timers after a restart. */
    List<Match> open();

    /** Matches in {@code state}, oldest first (e.g. conflicts waiting for an admin). */
    List<Match> withState(MatchState state, int limit);

    /** The most recent matches of {@code player}, newest first. */
    List<Match> recentOf(PlayerId player, int limit);

    /**
     * Stores a transition as one unit of work: the new match version, the rating changes with
     * their ledger entries (the stored ratings become the changes' {@code after}), the abort used
     * and the audit entry; all or nothing. Storing the same transition twice changes nothing the
     * second time: it is refused as stale.
     *
     * @throws dev.matchwave.matchmaking.ladder.StoreException {@code NOT_FOUND} if the match does
     *         not exist; {@code STALE} if the stored version is not {@link
     *         MatchTransition#expectedVersion}, a rating's {@code before} differs from the stored
     *         rating, or the aborting player has no abort left; {@code INVALID} if the new version
     *         changes who plays (players, sides, races), the setup or the found time, or reopens a
     *         closed match
     */
    Committed commit(MatchTransition transition);
}
