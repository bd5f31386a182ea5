package dev.matchwave.matchmaking.ladder.rank;

import java.util.Objects;

/**
 * The shape of the leaderboard. Immutable; validated when built.
 *
 * @param pageSize rows per page (reference: 40), positive
 * @param maxPages pages shown at most (reference: 25), positive
 * @param ranks    how letter ranks are given
 */
public record LeaderboardRules(int pageSize, int maxPages, RankScheme ranks) {

    /** The reference ladder: 40 rows a page, 25 pages, {@link RankScheme#REFERENCE}. */
    public static final LeaderboardRules REFERENCE = new LeaderboardRules(40, 25, RankScheme.REFERENCE);

    public LeaderboardRules {
        Objects.requireNonNull(ranks, "ranks");
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be positive, got " + pageSize);
        }
        if (maxPages < 1) {
            throw new IllegalArgumentException("maxPages must be positive, got " + maxPages);
        }
    }
}
