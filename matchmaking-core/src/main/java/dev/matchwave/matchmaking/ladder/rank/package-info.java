/**
 * Letter ranks by percentile and the leaderboard. Ranks are computed for a whole population at
 * once ({@link dev.matchwave.matchmaking.ladder.rank.Ranks}); the leaderboard is answered from an
 * immutable {@link dev.matchwave.matchmaking.ladder.rank.LeaderboardSnapshot}, which a
 * {@link dev.matchwave.matchmaking.ladder.rank.Leaderboard} swaps atomically so readers never
 * block writers.
 */
@NullMarked
package dev.matchwave.matchmaking.ladder.rank;

import org.jspecify.annotations.NullMarked;
