package dev.matchwave.matchmaking.ladder.rank;

import java.util.List;
import java.util.Objects;

/**
 * One page of the leaderboard. Immutable.
 *
 * @param rows      at most a page of rows, in order
 * @param page      the page shown, 1-based
 * @param pages     how many pages the query has (at most the rules' maximum; at least 1)
 * @param totalRows how many rows match the query in all, including those past the last page
 */
public record LeaderboardPage(List<LeaderboardRow> rows, int page, int pages, int totalRows) {

    public LeaderboardPage {
        rows = List.copyOf(Objects.requireNonNull(rows, "rows"));
    }
}
