package dev.matchwave.emulator.ratelimit;

import java.util.Objects;

/**
 * A request as the limiter sees it. Immutable.
 *
 * @param route            the method and route template, e.g. {@code POST /channels/{channel_id}/messages}
 * @param majorParameters  the top-level resource the bucket is per (channel, guild, webhook and
 *                         token, interaction token), e.g. {@code channel_id=42}; empty for none
 * @param interaction      whether this is an interaction route (callback, original response,
 *                         followups): exempt from the global limit
 */
public record LimitedRoute(String route, String majorParameters, boolean interaction) {

    public LimitedRoute {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(majorParameters, "majorParameters");
        if (route.isBlank()) {
            throw new IllegalArgumentException("route must not be blank");
        }
    }
}
