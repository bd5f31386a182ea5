package dev.matchwave.matchmaking.ladder.rating;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.MatchId;
import dev.matchwave.matchmaking.ladder.audit.AdminAction;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stores ratings per (player, race) and the ledger of their changes.
 *
 * <p>The stored ratings are always the fold of the ledger: a rating changes only together with
 * the ledger entry that explains it, in one unit of work, and the stored row is that entry's
 * {@code after}. Changes that come from a match are written by
 * {@link dev.matchwave.matchmaking.ladder.match.MatchRepository#commit} together with the match;
 * {@link #record} is for changes without a match state change (admin adjustments).
 *
 * <p>Implementations are thread-safe. Methods may block on I/O (call them from a virtual thread
 * or a worker) and report failures as {@link dev.matchwave.matchmaking.ladder.StoreException};
 * a method that throws has changed nothing. Instants are kept to the microsecond.
 */
public interface RatingRepository {

    /** The rating of one (player, race); empty if he never played it and no admin set it. */
    Optional<PlayerRating> find(PlayerId player, String race);

    /** All ratings of one player, keyed by race, in one query. */
    Map<String, PlayerRating> ratingsOf(PlayerId player);

    /** Every stored rating, for building rank and leaderboard snapshots. */
    List<PlayerRating> all();

    /**
     * Stores the changes and their ledger entries (and the audit entry, if given) as one unit:
     * all or nothing. Changes apply in order: a later change of the same (player, race) starts
     * from the {@code after} of the earlier one.
     *
     * @return the stored entries, in the order of {@code changes}, with increasing sequences
     * @throws dev.matchwave.matchmaking.ladder.StoreException {@code STALE} if a change's
     *         {@code before} differs from the stored rating (a missing row stands for a fresh one)
     *         or from the earlier change's {@code after}; {@code NOT_FOUND} if a player is not
     *         registered
     */
    List<LedgerEntry> record(List<RatingChange> changes, Optional<AdminAction> audit);

    /**
     * Ledger entries in sequence order.
     *
     * @param afterSequence only entries with a greater sequence (0 for the start)
     * @param limit         at most this many, positive
     */
    List<LedgerEntry> ledger(long afterSequence, int limit);

    /** The ledger entries of one match, in sequence order. */
    List<LedgerEntry> ledgerOf(MatchId match);

    /** The ledger entries of one (player, race), in sequence order. */
    List<LedgerEntry> ledgerOf(PlayerId player, String race);
}
