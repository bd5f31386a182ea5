package dev.matchwave.discord.view;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of {@code /leaderboard}, ready to render: the rows, where the page stands and the
 * filters that made it (the page buttons carry them, so paging keeps the filters).
 *
 * @param viewer the Discord id of who asked (the page buttons are his)
 * @param rows   at most one page, best first
 * @param page   1-based
 * @param pages  at least 1
 * @param total  rows over every page
 */
public record LeaderboardView(long viewer, List<Row> rows, int page, int pages, int total, Filter filter) {

    public LeaderboardView {
        rows = List.copyOf(rows);
        Objects.requireNonNull(filter, "filter");
        if (pages < 1 || page < 1 || page > pages) {
            throw new IllegalArgumentException("page must be within 1.." + pages + ", got " + page);
        }
        if (total < 0) {
            throw new IllegalArgumentException("total must not be negative, got " + total);
        }
    }

    /** One line: a player's rating in one race. {@code race} is a label ("BW Zerg"). */
    public record Row(int position, String name, String country, String race, String rank, int rating,
                      int wins, int losses, int draws) {
        public Row {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(country, "country");
            Objects.requireNonNull(race, "race");
            Objects.requireNonNull(rank, "rank");
        }
    }

    /**
     * The filters of a page, and its number. {@link #encode} fits them in a custom id's argument
     * ({@code page;country;race;rank;best}, "-" for none), {@link #decode} reads them back.
     */
    public record Filter(Optional<String> country, Optional<String> race, Optional<String> rank,
                         boolean bestRaceOnly) {
        public static final Filter NONE = new Filter(Optional.empty(), Optional.empty(), Optional.empty(), false);

        public Filter {
            Objects.requireNonNull(country, "country");
            Objects.requireNonNull(race, "race");
            Objects.requireNonNull(rank, "rank");
        }

        /** The argument of a page button that opens {@code page} with these filters. */
        public String encode(int page) {
            return page + ";" + country.orElse("-") + ";" + race.orElse("-") + ";" + rank.orElse("-") + ";"
                    + (bestRaceOnly ? "1" : "0");
        }

        /** Reads {@link #encode}'s argument: the filters and the page; empty if it is not one. */
        public static Optional<Paged> decode(String argument) {
            String[] parts = argument.split(";", -1);
            if (parts.length != 5) {
                return Optional.empty();
            }
            try {
                int page = Integer.parseInt(parts[0]);
                if (page < 1) {
                    return Optional.empty();
                }
                return Optional.of(new Paged(new Filter(part(parts[1]), part(parts[2]), part(parts[3]),
                        parts[4].equals("1")), page));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        private static Optional<String> part(String value) {
            return value.isEmpty() || value.equals("-") ? Optional.empty() : Optional.of(value);
        }

        /** Words for the embed's footer: "country DE, race bw_zerg, best race only". */
        public String describe() {
            List<String> words = new java.util.ArrayList<>();
            country.ifPresent(c -> words.add("country " + c));
            race.ifPresent(r -> words.add("race " + r));
            rank.ifPresent(r -> words.add("rank " + r));
            if (bestRaceOnly) {
                words.add("best race only");
            }
            return words.isEmpty() ? "all players" : String.join(", ", words);
        }
    }

    /** Filters and a page number. */
    public record Paged(Filter filter, int page) {
        public Paged {
            Objects.requireNonNull(filter, "filter");
        }
    }
}
