package dev.matchwave.matchmaking.ladder.rank;

import dev.matchwave.matchmaking.PlayerId;

/**
 * Where commands and pages read the live leaderboard: a page, and one entry's letter rank,
 * by the rules of {@link LeaderboardSnapshot} (the same ranking, filters, pages and letters).
 * Implementations: {@link Leaderboard} (a snapshot of any {@link
 * dev.matchwave.matchmaking.ladder.store.LadderStore}, refreshed by its owner) and the
 * persistence module's {@code PostgresLeaderboard} (read from PostgreSQL, cached); one contract
 * suite checks both. Implementations are thread-safe; their methods may block on I/O.
 */
public interface LeaderboardSource {

    /** A page of the leaderboard as this source holds it now. */
    LeaderboardPage page(LeaderboardQuery query);

    /** The letter rank of one (player, race): a letter, or the scheme's unranked letter. */
    String rankOf(PlayerId player, String race);
}
