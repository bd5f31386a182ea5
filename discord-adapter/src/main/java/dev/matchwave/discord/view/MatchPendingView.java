package dev.matchwave.discord.view;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The match message a player gets in his DM at wave time, before both players have confirmed:
 * who he meets, the races, the ratings and who has confirmed. It has no field for the map,
 * the server, the in-game channel, contact names or result controls: the reference ladder shows those
 * only after both confirm, and a view that cannot hold them cannot leak them. When both have
 * confirmed the same message is edited into {@link MatchView}.
 *
 * @param matchId   the match
 * @param playerId  the Discord user it is for: player 1 or player 2
 * @param player1   player 1 (reference ladder: the Brood War side)
 * @param player2   player 2
 * @param confirmBy the deadline to confirm
 */
public record MatchPendingView(long matchId, long playerId, Side player1, Side player2, Instant confirmBy) {

    /**
     * One player as the pending message shows him.
     *
     * @param discordId   his Discord user id
     * @param name        his ladder user id
     * @param race        the race he plays, as a label
     * @param rating      his rating for that race before the game
     * @param countryCode ISO code or ZZ, if set
     * @param confirmed   whether he has confirmed
     */
    public record Side(long discordId, String name, String race, int rating, Optional<String> countryCode,
                       boolean confirmed) {
        public Side {
            Views.requireDiscordId("discordId", discordId);
            Views.requireText("name", name, 64);
            Views.requireText("race", race, 64);
            Views.requireCountryCode("countryCode", countryCode);
        }
    }

    public MatchPendingView {
        if (matchId <= 0) {
            throw new IllegalArgumentException("matchId must be positive, got " + matchId);
        }
        Objects.requireNonNull(player1, "player1");
        Objects.requireNonNull(player2, "player2");
        Objects.requireNonNull(confirmBy, "confirmBy");
        if (playerId != player1.discordId() && playerId != player2.discordId()) {
            throw new IllegalArgumentException("playerId " + playerId + " is neither player of match " + matchId);
        }
        if (player1.discordId() == player2.discordId()) {
            throw new IllegalArgumentException("a player cannot meet himself: " + player1.discordId());
        }
    }

    /** The viewing player. */
    public Side self() {
        return playerId == player1.discordId() ? player1 : player2;
    }

    /** The other player. */
    public Side opponent() {
        return playerId == player1.discordId() ? player2 : player1;
    }
}
