package dev.matchwave.discord.view;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The match details one player sees once both have confirmed (phase 2): both players, map,
 * server, in-game channel, and the result controls.
 *
 * @param matchId             the match
 * @param playerId            the Discord user it is for: player 1 or player 2
 * @param player1             player 1 (reference ladder: the Brood War side)
 * @param player2             player 2
 * @param map                 the map drawn
 * @param server              the game server, e.g. {@code EUC}
 * @param channel             the in-game channel, e.g. {@code scevo02}
 * @param status              where the match stands
 * @param reports             the reports so far
 * @param finalResult         the result, present exactly when {@code status} is {@code COMPLETED}
 * @param player1RatingChange player 1's rating change, only when {@code COMPLETED}
 * @param abortsLeft          aborts the player has left
 * @param abortArmed          whether he clicked abort once
 */
public record MatchView(
        long matchId,
        long playerId,
        MatchPlayer player1,
        MatchPlayer player2,
        String map,
        String server,
        String channel,
        Status status,
        Reports reports,
        Optional<MatchResult> finalResult,
        OptionalInt player1RatingChange,
        int abortsLeft,
        boolean abortArmed) {

    /** Where a match stands. */
    public enum Status {
        /** Being played; reports open. */
        IN_PROGRESS,
        /** Both reports agree: the result counts. */
        COMPLETED,
        /** The reports differ: no rating change until an admin resolves it (code -2). */
        CONFLICT,
        /** Aborted: no rating change (code -1). */
        ABORTED
    }

    /**
     * One player as the match view shows him.
     *
     * @param discordId   his Discord user id (mentioned, so it links to him)
     * @param name        his ladder user id
     * @param race        the race he plays, as a label
     * @param rating      his rating for that race before the game
     * @param countryCode ISO code or ZZ, if set
     * @param rank        his letter rank, if ranked
     * @param contacts    names to find him in game: BattleTag, alternative ids
     */
    public record MatchPlayer(
            long discordId,
            String name,
            String race,
            int rating,
            Optional<String> countryCode,
            Optional<String> rank,
            List<String> contacts) {
        public MatchPlayer {
            Views.requireDiscordId("discordId", discordId);
            Views.requireText("name", name, 64);
            Views.requireText("race", race, 64);
            Views.requireCountryCode("countryCode", countryCode);
            Objects.requireNonNull(rank, "rank");
            contacts = List.copyOf(contacts);
            contacts.forEach(contact -> Views.requireText("contact", contact, 64));
        }
    }

    /**
     * The reports of a match, as the viewing player knows them.
     *
     * @param own              what he reported, if he has
     * @param opponentReported whether his opponent has reported (not what: that would invite
     *                         copying)
     * @param pending          what he picked in the result select but has not confirmed yet
     */
    public record Reports(Optional<MatchResult> own, boolean opponentReported, Optional<MatchResult> pending) {
        public static final Reports NONE = new Reports(Optional.empty(), false, Optional.empty());

        public Reports {
            Objects.requireNonNull(own, "own");
            Objects.requireNonNull(pending, "pending");
            if (own.isPresent() && pending.isPresent()) {
                throw new IllegalArgumentException("a player who has reported has nothing pending");
            }
        }
    }

    public MatchView {
        if (matchId <= 0) {
            throw new IllegalArgumentException("matchId must be positive, got " + matchId);
        }
        Objects.requireNonNull(player1, "player1");
        Objects.requireNonNull(player2, "player2");
        if (playerId != player1.discordId() && playerId != player2.discordId()) {
            throw new IllegalArgumentException("playerId " + playerId + " is neither player of match " + matchId);
        }
        if (player1.discordId() == player2.discordId()) {
            throw new IllegalArgumentException("a player cannot meet himself: " + player1.discordId());
        }
        Views.requireText("map", map, 100);
        Views.requireText("server", server, 32);
        Views.requireText("channel", channel, 32);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reports, "reports");
        Objects.requireNonNull(finalResult, "finalResult");
        Objects.requireNonNull(player1RatingChange, "player1RatingChange");
        if ((status == Status.COMPLETED) != finalResult.isPresent()) {
            throw new IllegalArgumentException("finalResult is present exactly when the match is COMPLETED, status "
                    + status + ", finalResult " + finalResult);
        }
        if (status != Status.COMPLETED && player1RatingChange.isPresent()) {
            throw new IllegalArgumentException("a rating change needs a COMPLETED match, status " + status);
        }
        Views.requireNotNegative("abortsLeft", abortsLeft);
        if (abortArmed && abortsLeft == 0) {
            throw new IllegalArgumentException("abortArmed needs an abort left");
        }
    }

    /** The viewing player. */
    public MatchPlayer self() {
        return playerId == player1.discordId() ? player1 : player2;
    }

    /** The other player. */
    public MatchPlayer opponent() {
        return playerId == player1.discordId() ? player2 : player1;
    }
}
