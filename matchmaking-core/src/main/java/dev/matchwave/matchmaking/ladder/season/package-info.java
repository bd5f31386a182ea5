/**
 * Seasons: the ladder resets on a calendar. {@link SeasonReset} says where each rating starts
 * the new season (carried over, back to the initial rating, or a fraction of the way there);
 * {@link Seasons} starts a season by writing one ledger entry per rating ({@code SEASON_RESET}),
 * so the ledger still replays to the stored ratings, and keeps each player's final record of the
 * closing season readable ({@link SeasonRepository#records}). A player in a match that spans the
 * change keeps his old season's rating until the match ends: its result counts in the season the
 * match was created in, then his reset follows.
 */
@NullMarked
package dev.matchwave.matchmaking.ladder.season;

import org.jspecify.annotations.NullMarked;
