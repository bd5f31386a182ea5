package dev.matchwave.bot.web;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the leaderboard page shows. Immutable.
 *
 * @param filter   the filters and page asked for
 * @param rows     this page's rows, best first
 * @param pages    how many pages the filters have, at least 1
 * @param total    rows over every page
 * @param races    the race filter's choices (value, label)
 * @param ranks    the rank filter's letters
 */
public record BoardPage(BoardFilter filter, List<Row> rows, int pages, int total, List<Choice> races,
                        List<String> ranks) {

    public BoardPage {
        Objects.requireNonNull(filter, "filter");
        rows = List.copyOf(rows);
        races = List.copyOf(races);
        ranks = List.copyOf(ranks);
    }

    /** One line: a player's rating in one race; {@code playerUrl} empty for a player without a public name. */
    public record Row(int position, String name, Optional<String> playerUrl, String country, String race, String rank,
                      int rating, int wins, int losses, int draws) {
    }

    /** An option of a select. */
    public record Choice(String value, String label) {
    }

    public Optional<String> previousUrl() {
        return filter.page() > 1 ? Optional.of(filter.onPage(filter.page() - 1).url()) : Optional.empty();
    }

    public Optional<String> nextUrl() {
        return filter.page() < pages ? Optional.of(filter.onPage(filter.page() + 1).url()) : Optional.empty();
    }
}
