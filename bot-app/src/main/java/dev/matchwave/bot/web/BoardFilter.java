package dev.matchwave.bot.web;

import dev.matchwave.discord.command.CountryCatalog;
import dev.matchwave.matchmaking.ladder.rank.LeaderboardQuery;
import dev.matchwave.matchmaking.ladder.rank.LeaderboardRules;
import dev.matchwave.matchmaking.rules.EvoLadderRules;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The leaderboard page's filters and page, as they stand in its URL
 * ({@code /leaderboard?race=bw_zerg&country=FR&rank=A&best=1&page=2}): the same filters as
 * {@code /leaderboard} in Discord. Immutable.
 *
 * @param race         one of the ladder's races ({@code bw_zerg}), or empty for all
 * @param country      an ISO country code in capitals ({@code ZZ} for other), or empty for all
 * @param rank         a letter rank, or empty for all
 * @param bestRaceOnly one row per player, his best race
 * @param page         1 to the rules' last page
 */
public record BoardFilter(Optional<String> race, Optional<String> country, Optional<String> rank, boolean bestRaceOnly,
                          int page) {

    /** The query parameters the page knows. */
    static final Set<String> PARAMETERS = Set.of("race", "country", "rank", "best", "page");

    public static final BoardFilter NONE = new BoardFilter(Optional.empty(), Optional.empty(), Optional.empty(), false,
            1);

    public BoardFilter {
        Objects.requireNonNull(race, "race");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(rank, "rank");
        if (page < 1) {
            throw new IllegalArgumentException("page must be at least 1, got " + page);
        }
    }

    /** A parsed filter, or what is wrong with the URL's parameters (for a 400 page). */
    public sealed interface Parsed {
        record Valid(BoardFilter filter) implements Parsed {
        }

        record Invalid(List<String> problems) implements Parsed {
        }
    }

    /**
     * Reads the query parameters (each name once; an empty value is no filter).
     *
     * @param rules the leaderboard's rules: its rank letters and last page
     */
    public static Parsed parse(Map<String, List<String>> parameters, LeaderboardRules rules) {
        List<String> problems = new ArrayList<>();
        for (var entry : parameters.entrySet()) {
            if (!PARAMETERS.contains(entry.getKey())) {
                problems.add("unknown parameter \"" + entry.getKey() + "\": the filters are race, country, rank,"
                        + " best and page");
            } else if (entry.getValue().size() > 1) {
                problems.add("\"" + entry.getKey() + "\" is given " + entry.getValue().size() + " times; give it once");
            }
        }
        Optional<String> race = single(parameters, "race");
        if (race.isPresent() && !EvoLadderRules.RACES.contains(race.get())) {
            problems.add("unknown race \"" + race.get() + "\": expected one of " + String.join(", ", EvoLadderRules.RACES));
        }
        Optional<String> country = single(parameters, "country").map(c -> c.toUpperCase(Locale.ROOT));
        if (country.isPresent() && CountryCatalog.iso().byCode(country.get()).isEmpty()) {
            problems.add("unknown country \"" + country.get() + "\": expected a two-letter ISO code such as FR, or ZZ");
        }
        Optional<String> rank = single(parameters, "rank").map(r -> r.toUpperCase(Locale.ROOT));
        if (rank.isPresent() && !rules.ranks().letters().contains(rank.get())) {
            problems.add("unknown rank \"" + rank.get() + "\": expected one of "
                    + String.join(", ", rules.ranks().letters()));
        }
        Optional<String> best = single(parameters, "best");
        if (best.isPresent() && !best.get().equals("1") && !best.get().equals("0")) {
            problems.add("\"best\" must be 1 (best race only) or 0, got \"" + best.get() + "\"");
        }
        int page = 1;
        Optional<String> pageText = single(parameters, "page");
        if (pageText.isPresent()) {
            try {
                page = Integer.parseInt(pageText.get());
                if (page < 1 || page > rules.maxPages()) {
                    problems.add("page must be from 1 to " + rules.maxPages() + ", got " + page);
                }
            } catch (NumberFormatException e) {
                problems.add("page must be a whole number from 1 to " + rules.maxPages() + ", got \""
                        + pageText.get() + "\"");
            }
        }
        if (!problems.isEmpty()) {
            return new Parsed.Invalid(List.copyOf(problems));
        }
        return new Parsed.Valid(new BoardFilter(race, country, rank, best.filter("1"::equals).isPresent(), page));
    }

    private static Optional<String> single(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.getOrDefault(name, List.of());
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0).strip()).filter(v -> !v.isEmpty());
    }

    /** The query of the ladder's leaderboard. */
    public LeaderboardQuery query() {
        return new LeaderboardQuery(country, race, rank, bestRaceOnly, page);
    }

    /** This filter on another page. */
    public BoardFilter onPage(int number) {
        return new BoardFilter(race, country, rank, bestRaceOnly, number);
    }

    /** The page's URL, filters in the query (page 1 and absent filters left out). */
    public String url() {
        List<String> parts = new ArrayList<>();
        race.ifPresent(r -> parts.add("race=" + encode(r)));
        country.ifPresent(c -> parts.add("country=" + encode(c)));
        rank.ifPresent(r -> parts.add("rank=" + encode(r)));
        if (bestRaceOnly) {
            parts.add("best=1");
        }
        if (page > 1) {
            parts.add("page=" + page);
        }
        return "/leaderboard" + (parts.isEmpty() ? "" : "?" + String.join("&", parts));
    }

    /** Words for the page: "country FR, race BW Zerg, best race only", or "all players". */
    public String describe() {
        List<String> words = new ArrayList<>();
        race.ifPresent(r -> words.add("race " + dev.matchwave.bot.ladder.LadderFrontDesk.label(r)));
        country.ifPresent(c -> words.add("country " + c));
        rank.ifPresent(r -> words.add("rank " + r));
        if (bestRaceOnly) {
            words.add("best race only");
        }
        return words.isEmpty() ? "all players" : String.join(", ", words);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
