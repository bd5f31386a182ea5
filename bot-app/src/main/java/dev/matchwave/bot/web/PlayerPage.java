package dev.matchwave.bot.web;

import java.util.List;
import java.util.Optional;

/**
 * What a player's page shows. Immutable.
 *
 * @param identities his BattleTag, alternative ids and Discord id: only when the operator
 *                   publishes them
 * @param races      one record per race he has a rating in
 * @param matches    his last matches, newest first
 */
public record PlayerPage(String name, String country, Optional<Identities> identities, List<RaceRecord> races,
                         List<MatchLine> matches) {

    public PlayerPage {
        races = List.copyOf(races);
        matches = List.copyOf(matches);
    }

    public record Identities(String battleTag, List<String> alternativeIds, String discordId) {
        public Identities {
            alternativeIds = List.copyOf(alternativeIds);
        }
    }

    /** A rating in one race, its record, and its history from the ledger (empty when it has none). */
    public record RaceRecord(String race, String raceLabel, int rating, String rank, int wins, int losses, int draws,
                             Optional<RatingChart> chart) {
    }

    /** One of his matches from his side. */
    public record MatchLine(long id, String url, String when, String race, String opponent,
                            Optional<String> opponentUrl, String opponentRace, String outcome) {
    }
}
