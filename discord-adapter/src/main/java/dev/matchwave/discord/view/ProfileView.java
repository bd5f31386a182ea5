package dev.matchwave.discord.view;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code /profile} shows: the saved profile, one line per race played, aborts left.
 *
 * @param name        the player's user id on the ladder, or his Discord id before {@code /setup}
 * @param abortsLeft  aborts he may still use, of {@code abortBudget}
 */
public record ProfileView(String name, Optional<String> country, Optional<String> battleTag,
                          Optional<String> homeRegion, List<RaceLine> races, int abortsLeft, int abortBudget,
                          boolean banned) {

    public ProfileView {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(battleTag, "battleTag");
        Objects.requireNonNull(homeRegion, "homeRegion");
        races = List.copyOf(races);
        if (abortsLeft < 0 || abortBudget < 0) {
            throw new IllegalArgumentException("aborts must not be negative, got " + abortsLeft + " of " + abortBudget);
        }
    }

    /** A rating in one race: {@code race} is a label ("BW Zerg"), {@code rank} a letter or "-" when unranked. */
    public record RaceLine(String race, int rating, String rank, int wins, int losses, int draws) {
        public RaceLine {
            Objects.requireNonNull(race, "race");
            Objects.requireNonNull(rank, "rank");
        }
    }
}
