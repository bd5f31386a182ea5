package dev.matchwave.matchmaking.ladder.rank;

import java.util.Objects;
import java.util.Optional;

/**
 * Which rows of the leaderboard to show. Immutable.
 *
 * @param country      only players of this country code (players without a profile count as {@code ZZ})
 * @param race         only this race
 * @param rank         only this letter rank
 * @param bestRaceOnly one row per player: his best ranked race (applied before the other filters)
 * @param page         1-based; pages past the last show the last
 */
public record LeaderboardQuery(Optional<String> country, Optional<String> race, Optional<String> rank,
                               boolean bestRaceOnly, int page) {

    /** Every ranked entry, first page. */
    public static final LeaderboardQuery ALL = new LeaderboardQuery(Optional.empty(), Optional.empty(),
            Optional.empty(), false, 1);

    public LeaderboardQuery {
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(race, "race");
        Objects.requireNonNull(rank, "rank");
        if (page < 1) {
            throw new IllegalArgumentException("leaderboard page must be at least 1, got " + page);
        }
    }

    public LeaderboardQuery withCountry(String code) {
        return new LeaderboardQuery(Optional.of(code), race, rank, bestRaceOnly, page);
    }

    public LeaderboardQuery withRace(String name) {
        return new LeaderboardQuery(country, Optional.of(name), rank, bestRaceOnly, page);
    }

    public LeaderboardQuery withRank(String letter) {
        return new LeaderboardQuery(country, race, Optional.of(letter), bestRaceOnly, page);
    }

    public LeaderboardQuery withBestRaceOnly() {
        return new LeaderboardQuery(country, race, rank, true, page);
    }

    public LeaderboardQuery withPage(int number) {
        return new LeaderboardQuery(country, race, rank, bestRaceOnly, number);
    }
}
