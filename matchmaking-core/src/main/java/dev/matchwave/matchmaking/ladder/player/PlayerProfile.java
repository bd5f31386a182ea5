package dev.matchwave.matchmaking.ladder.player;

import java.util.List;
import java.util.Objects;

/**
 * A player's setup, as {@link SetupRules#validate} accepted it. Immutable.
 *
 * <p>The record only checks structure (nothing null or blank); the formats (letters, lengths,
 * known codes) belong to the configurable {@link SetupRules}, which reports every invalid field
 * at once instead of stopping at the first.
 *
 * @param userId         the name the player chose on the ladder (reference: 3 to 12 English letters),
 *                       unique ignoring case
 * @param battleTag      the game account, e.g. {@code Name#1234}
 * @param alternativeIds other in-game names, in the order given (reference: at most 2)
 * @param country        ISO 3166-1 alpha-2 code in upper case, or {@code ZZ} for other
 * @param homeRegion     one of the ladder's home regions, e.g. {@code EUW}
 */
public record PlayerProfile(String userId, String battleTag, List<String> alternativeIds, String country,
                            String homeRegion) {

    public PlayerProfile {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(battleTag, "battleTag");
        alternativeIds = List.copyOf(Objects.requireNonNull(alternativeIds, "alternativeIds"));
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(homeRegion, "homeRegion");
        requireText(userId, "userId");
        requireText(battleTag, "battleTag");
        requireText(country, "country");
        requireText(homeRegion, "homeRegion");
        for (String alternative : alternativeIds) {
            requireText(alternative, "alternativeIds");
        }
    }

    private static void requireText(String value, String field) {
        if (value.isBlank()) {
            throw new IllegalArgumentException("profile " + field + " must not be blank");
        }
    }
}
