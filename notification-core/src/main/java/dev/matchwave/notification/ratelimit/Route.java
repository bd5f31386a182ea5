package dev.matchwave.notification.ratelimit;

import java.util.Objects;

/**
 * Where a request goes, as far as rate limits care. Discord limits each route per "major
 * parameter" (the channel, guild, or webhook and token: developers/topics/rate-limits), and
 * counts every route except the interaction endpoints toward the global limit.
 *
 * <p>Limiters that know no routes (all but {@link RateLimiter#discord}) ignore it.
 *
 * @param name            the route template, such as {@code POST /channels/{channel.id}/messages}
 * @param majorParameter  the value of the route's major parameter (empty when it has none)
 * @param globallyLimited whether the request counts toward the global limit
 */
public record Route(String name, String majorParameter, boolean globallyLimited) {

    /** For callers with a single kind of request: a globally limited route with no parameter. */
    public static final Route ANY = new Route("*", "", true);

    private static final String CHANNEL_MESSAGE = "POST /channels/{channel.id}/messages";
    private static final String INTERACTION_EDIT =
            "PATCH /webhooks/{application.id}/{interaction.token}/messages/@original";
    private static final String INTERACTION_FOLLOWUP = "POST /webhooks/{application.id}/{interaction.token}";
    private static final String OPEN_DM = "POST /users/@me/channels";

    public Route {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(majorParameter, "majorParameter");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
    }

    /** A message in a channel, a DM channel included: counts toward the global limit. */
    public static Route channelMessage(String channelId) {
        return new Route(CHANNEL_MESSAGE, channelId, true);
    }

    /**
     * An edit of an interaction's original response: exempt from the global limit
     * (developers/interactions/receiving-and-responding), limited per interaction token.
     */
    public static Route interactionEdit(String interactionToken) {
        return new Route(INTERACTION_EDIT, interactionToken, false);
    }

    /** A followup message of an interaction: exempt from the global limit like the edit. */
    public static Route interactionFollowup(String interactionToken) {
        return new Route(INTERACTION_FOLLOWUP, interactionToken, false);
    }

    /** Opening a DM channel with a user: counts toward the global limit. */
    public static Route openDm() {
        return new Route(OPEN_DM, "", true);
    }

    /** Whether this is a message in a channel ({@link #channelMessage}). */
    public boolean isChannelMessage() {
        return name.equals(CHANNEL_MESSAGE);
    }

    /** Route and major parameter together: the key of a per-route bucket until Discord names it. */
    public String key() {
        return majorParameter.isEmpty() ? name : name + " " + majorParameter;
    }

    /** Interaction tokens are credentials: shown shortened. */
    @Override
    public String toString() {
        String major = majorParameter.length() > 12 ? majorParameter.substring(0, 8) + "…" : majorParameter;
        return "Route[" + name + (major.isEmpty() ? "" : " " + major) + (globallyLimited ? "" : ", exempt from global")
                + "]";
    }
}
