package dev.matchwave.notification.ratelimit;

import java.time.Duration;
import java.util.Objects;

/**
 * The settings of {@link RateLimiter#discord}: Discord's documented limits
 * (developers/topics/rate-limits) and how cautious to be about them.
 *
 * @param globalLimit        requests per {@code globalWindow} for all routes that count toward
 *                           the global limit (Discord: 50 per second per bot token)
 * @param globalWindow       the global window (Discord: one second)
 * @param headroom           added to every window, global and per-route: absorbs the jitter
 *                           between the moment we send and the moment Discord counts. Zero or positive.
 * @param assumedRouteLimit  per-route requests allowed per {@code assumedRouteWindow} on a route
 *                           whose headers have not been seen yet; replaced by what the headers say
 * @param assumedRouteWindow the window of {@code assumedRouteLimit}
 */
public record DiscordLimits(int globalLimit, Duration globalWindow, Duration headroom, int assumedRouteLimit,
                            Duration assumedRouteWindow) {

    /** Discord's global limit of 50 per second. */
    public static final int DISCORD_GLOBAL_LIMIT = 50;

    public DiscordLimits {
        Nanos.atLeastOne(globalLimit, "globalLimit");
        Nanos.positive(Objects.requireNonNull(globalWindow, "globalWindow"), "globalWindow");
        Objects.requireNonNull(headroom, "headroom");
        if (headroom.isNegative()) {
            throw new IllegalArgumentException("headroom must not be negative, got " + headroom);
        }
        Nanos.atLeastOne(assumedRouteLimit, "assumedRouteLimit");
        Nanos.positive(Objects.requireNonNull(assumedRouteWindow, "assumedRouteWindow"), "assumedRouteWindow");
    }

    /**
     * 50 per second globally, 25 ms of headroom, and 5 per 5 seconds on a route until its
     * headers arrive (the limit Discord gives a DM channel's messages, the tightest one a wave
     * meets; the headers replace it at the first response).
     */
    public static DiscordLimits defaults() {
        return new DiscordLimits(DISCORD_GLOBAL_LIMIT, Duration.ofSeconds(1), Duration.ofMillis(25), 5,
                Duration.ofSeconds(5));
    }

    /** The same settings with another global limit per window. */
    public DiscordLimits withGlobalLimit(int limit) {
        return new DiscordLimits(limit, globalWindow, headroom, assumedRouteLimit, assumedRouteWindow);
    }

    /** The same settings with another headroom. */
    public DiscordLimits withHeadroom(Duration headroom) {
        return new DiscordLimits(globalLimit, globalWindow, headroom, assumedRouteLimit, assumedRouteWindow);
    }
}
