package dev.matchwave.matchmaking.ladder.player;

import java.util.List;
import java.util.Objects;

/**
 * A player's setup as he typed it, not yet checked. Immutable.
 *
 * @param userId         the name he wants on the ladder
 * @param battleTag      his game account, {@code Name#1234}
 * @param alternativeIds other in-game names; blank entries are ignored
 * @param country        a country code, any case
 * @param homeRegion     a home region code, any case
 */
public record ProfileForm(String userId, String battleTag, List<String> alternativeIds, String country,
                          String homeRegion) {

    public ProfileForm {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(battleTag, "battleTag");
        alternativeIds = List.copyOf(Objects.requireNonNull(alternativeIds, "alternativeIds"));
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(homeRegion, "homeRegion");
    }
}
