package dev.matchwave.notification;

import dev.matchwave.matchmaking.PlayerId;
import java.util.Objects;

/**
 * What the players of one match need to know to play it: the input of a wave's dispatch and
 * the content of {@link MatchDetails}.
 *
 * @param matchId the match, not negative
 * @param first   player 1
 * @param second  player 2, a different player
 * @param map     the map to play, not blank
 * @param server  the game server, not blank
 * @param channel the in-game channel to meet in, not blank
 */
public record MatchInfo(long matchId, Participant first, Participant second, String map, String server,
                        String channel) {

    public MatchInfo {
        Checks.matchId(matchId);
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        if (first.id().equals(second.id())) {
            throw new IllegalArgumentException("first and second must be different players, both are " + first.id());
        }
        Checks.text(map, "map");
        Checks.text(server, "server");
        Checks.text(channel, "channel");
    }

    /** Whether the player plays in this match. */
    public boolean involves(PlayerId player) {
        return first.id().equals(player) || second.id().equals(player);
    }

    /**
     * The other side of the match for {@code player}.
     *
     * @throws IllegalArgumentException if the player does not play in this match
     */
    public Participant opponentOf(PlayerId player) {
        if (first.id().equals(player)) {
            return second;
        }
        if (second.id().equals(player)) {
            return first;
        }
        throw new IllegalArgumentException("player " + player + " does not play in match " + matchId);
    }

    /** The player's own side of the match; same rule as {@link #opponentOf}. */
    public Participant sideOf(PlayerId player) {
        return opponentOf(opponentOf(player).id());
    }
}
