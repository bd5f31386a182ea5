package dev.matchwave.notification;

import dev.matchwave.matchmaking.PlayerId;

/**
 * One side of a match as the players are shown it.
 *
 * @param id          the player
 * @param displayName the name shown to the opponent (for the reference bot: the player's
 *                    in-game id), not blank
 * @param side        what the player plays in this match (for the reference ladder: the race,
 *                    such as {@code bw_zerg}), not blank
 */
public record Participant(PlayerId id, String displayName, String side) {

    public Participant {
        Checks.player(id, "id");
        Checks.text(displayName, "displayName");
        Checks.text(side, "side");
    }
}
