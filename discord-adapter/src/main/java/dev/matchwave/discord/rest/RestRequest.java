package dev.matchwave.discord.rest;

import java.util.Objects;

/**
 * One REST request as a limiter sees it.
 *
 * @param method          {@code GET}, {@code POST}, {@code PATCH}, ...
 * @param route           the route template, e.g. {@code channels/{channel_id}/messages}:
 *                        bounded, fit for metric tags
 * @param majorParameters the route's major parameters, e.g. {@code channel_id=123}
 *                        (Discord's per-route limits are per top-level resource); {@code n/a}
 *                        for none; interaction tokens come hashed
 * @param interaction     whether it is an interaction route (callback, original response,
 *                        followups): not bound to the global limit (docs/discord.md, Rate limits)
 */
public record RestRequest(String method, String route, String majorParameters, boolean interaction) {

    public RestRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(majorParameters, "majorParameters");
    }

    /** The member-role routes: adding or removing one role of a member, and modifying a member. */
    private static final java.util.Set<String> MEMBER_ROLE_ROUTES = java.util.Set.of(
            "PUT guilds/{guild_id}/members/{user_id}/roles/{role_id}",
            "DELETE guilds/{guild_id}/members/{user_id}/roles/{role_id}",
            "PATCH guilds/{guild_id}/members/{user_id}");

    /**
     * Background work (rank roles): sent on the global budget, but only with room left for
     * player-facing requests ({@link GatedRestRateLimiter}).
     */
    public boolean background() {
        return !interaction && MEMBER_ROLE_ROUTES.contains(method + " " + route);
    }

    /** {@code POST/channels/{channel_id}/messages}: the label for logs and metrics. */
    public String label() {
        return method + "/" + route;
    }
}
