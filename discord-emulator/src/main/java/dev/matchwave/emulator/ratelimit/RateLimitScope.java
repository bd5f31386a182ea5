package dev.matchwave.emulator.ratelimit;

/**
 * The X-RateLimit-Scope of a 429: which limit the request ran into.
 *
 * <p>Discord: {@code user} is a per-route (or the global) limit of this bot, {@code global} the
 * global limit, {@code shared} a limit shared with other bots on the same resource, which does
 * not count as an invalid request.
 */
public enum RateLimitScope {
    /** A per-route bucket of this bot. */
    USER,
    /** The global per-second budget. */
    GLOBAL,
    /** A resource's limit shared by every bot (the emulator never decides this by itself). */
    SHARED;

    /** The header value. */
    public String header() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
