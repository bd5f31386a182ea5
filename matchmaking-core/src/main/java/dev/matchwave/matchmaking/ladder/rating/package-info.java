/**
 * Ratings per (player, race) and the ledger that explains every change of them.
 *
 * <p>A {@link dev.matchwave.matchmaking.ladder.rating.RatingSystem} computes new ratings from a
 * game (Elo as in the reference ladder, Glicko-2 after Glickman); every change is stored as a
 * {@link dev.matchwave.matchmaking.ladder.rating.LedgerEntry} with the full before and after
 * state, and the stored ratings are always the fold of the ledger
 * ({@link dev.matchwave.matchmaking.ladder.rating.LedgerReplay}).
 */
@NullMarked
package dev.matchwave.matchmaking.ladder.rating;

import org.jspecify.annotations.NullMarked;
