package dev.matchwave.discord.interaction;

import java.util.List;
import java.util.Objects;

/**
 * What a player typed in the {@code /setup} modal, unchecked (the ladder validates it and names
 * each bad field). Immutable.
 *
 * @param userId         his ladder user id
 * @param battleTag      his BattleTag
 * @param alternativeIds other in-game names, one per line in the modal, blanks dropped
 * @param country        an ISO 3166-1 alpha-2 code, or ZZ
 * @param homeRegion     one of the ladder's home regions; empty text when none was picked
 */
public record SetupForm(String userId, String battleTag, List<String> alternativeIds, String country,
                        String homeRegion) {

    public SetupForm {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(battleTag, "battleTag");
        alternativeIds = List.copyOf(alternativeIds);
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(homeRegion, "homeRegion");
    }
}
