package dev.matchwave.matchmaking.ladder.season;

import dev.matchwave.matchmaking.PlayerId;
import java.util.Objects;

/**
 * A season an admin set to start later. Immutable.
 *
 * @param season what will start: its number, its start and its reset
 * @param admin  who planned it (the start is audited in his name)
 * @param reason why, as he gave it
 */
public record PlannedSeason(Season season, PlayerId admin, String reason) {

    public PlannedSeason {
        Objects.requireNonNull(season, "season");
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(reason, "reason");
        if (season.number() < 2) {
            throw new IllegalArgumentException("only a season after the first can be planned, got " + season.number());
        }
    }
}
