package dev.matchwave.emulator.ratelimit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The emulator's rate limits, after Discord's documentation (developers/topics/rate-limits).
 *
 * <ul>
 *   <li>{@code globalPerSecond}: requests per second over every route except the interaction
 *       routes (Discord: 50 per bot).</li>
 *   <li>{@code routeDefault}: the bucket of a route with a top-level resource (a channel, a guild,
 *       a webhook); Discord does not publish these and tells bots to read the headers, so the
 *       default is the commonly observed 5 per 5 s of channel messages.</li>
 *   <li>{@code interactionDefault}: the bucket of an interaction route, per interaction token.</li>
 *   <li>{@code routes}: a bucket for one route, overriding the defaults, keyed by the method and
 *       route template the recording shows, e.g. {@code POST /channels/{channel_id}/messages}.
 *       A route without a top-level resource (opening a DM, users/@me) has no bucket unless
 *       given one here: only the global limit applies.</li>
 *   <li>{@code invalidRequestLimit} per {@code invalidRequestWindow}: 401, 403 and 429 answers
 *       (except scope shared) before a ban (Discord: 10,000 per 10 minutes, then a temporary
 *       Cloudflare ban); a ban lasts {@code banDuration} and answers 429 without a Via header.</li>
 * </ul>
 *
 * <p>Immutable; every {@code with...} returns a new, validated value.
 */
public record RateLimits(
        int globalPerSecond,
        BucketLimit routeDefault,
        BucketLimit interactionDefault,
        Map<String, BucketLimit> routes,
        int invalidRequestLimit,
        Duration invalidRequestWindow,
        Duration banDuration) {

    private static final Pattern ROUTE = Pattern.compile("(GET|POST|PUT|PATCH|DELETE) /\\S+");

    public RateLimits {
        if (globalPerSecond < 1) {
            throw new IllegalArgumentException("globalPerSecond must be at least 1, got " + globalPerSecond);
        }
        Objects.requireNonNull(routeDefault, "routeDefault");
        Objects.requireNonNull(interactionDefault, "interactionDefault");
        Objects.requireNonNull(routes, "routes");
        routes.forEach((route, limit) -> {
            if (!ROUTE.matcher(route).matches()) {
                throw new IllegalArgumentException("routes: a key must look like 'POST /channels/{channel_id}/messages', got '"
                        + route + "'");
            }
            Objects.requireNonNull(limit, "routes: limit of " + route);
        });
        routes = Map.copyOf(routes);
        if (invalidRequestLimit < 1) {
            throw new IllegalArgumentException("invalidRequestLimit must be at least 1, got " + invalidRequestLimit);
        }
        requirePositive("invalidRequestWindow", invalidRequestWindow);
        requirePositive("banDuration", banDuration);
    }

    /**
     * The member-role routes (adding or removing one role, and modifying a member), each a bucket
     * per guild. Discord publishes no figure; a field report (discord/discord-api-docs#7680) shows
     * {@code X-RateLimit-Limit: 10} on adding a member role, so the emulator assumes 10 a second
     * per guild for each route. A bot that reads the headers follows whatever they say.
     */
    public static final BucketLimit MEMBER_ROLES = BucketLimit.of(10, 1);

    /** The routes {@link #MEMBER_ROLES} applies to, as the recording shows them. */
    public static final java.util.List<String> MEMBER_ROLE_ROUTES = java.util.List.of(
            "PUT /guilds/{guild_id}/members/{user_id}/roles/{role_id}",
            "DELETE /guilds/{guild_id}/members/{user_id}/roles/{role_id}",
            "PATCH /guilds/{guild_id}/members/{user_id}");

    /**
     * Discord's figures: 50/s global, 5 per 5 s per resource, 5 per 2 s per interaction, the
     * member-role routes at {@link #MEMBER_ROLES}, 10,000 invalid per 10 min.
     */
    public static RateLimits discord() {
        Map<String, BucketLimit> routes = new LinkedHashMap<>();
        MEMBER_ROLE_ROUTES.forEach(route -> routes.put(route, MEMBER_ROLES));
        return new RateLimits(50, BucketLimit.of(5, 5), BucketLimit.of(5, 2), routes, 10_000,
                Duration.ofMinutes(10), Duration.ofHours(1));
    }

    /** This, with every member-role route's bucket set to {@code limit}. */
    public RateLimits withMemberRoles(BucketLimit limit) {
        Map<String, BucketLimit> copy = new LinkedHashMap<>(routes);
        MEMBER_ROLE_ROUTES.forEach(route -> copy.put(route, limit));
        return new RateLimits(globalPerSecond, routeDefault, interactionDefault, copy, invalidRequestLimit,
                invalidRequestWindow, banDuration);
    }

    /** Limits nobody reaches, for tests about something else. Headers are still sent. */
    public static RateLimits generous() {
        return new RateLimits(1_000_000, BucketLimit.of(1_000_000, 1), BucketLimit.of(1_000_000, 1), Map.of(),
                1_000_000, Duration.ofMinutes(10), Duration.ofSeconds(1));
    }

    public RateLimits withGlobalPerSecond(int requests) {
        return new RateLimits(requests, routeDefault, interactionDefault, routes, invalidRequestLimit,
                invalidRequestWindow, banDuration);
    }

    public RateLimits withRouteDefault(BucketLimit limit) {
        return new RateLimits(globalPerSecond, limit, interactionDefault, routes, invalidRequestLimit,
                invalidRequestWindow, banDuration);
    }

    public RateLimits withInteractionDefault(BucketLimit limit) {
        return new RateLimits(globalPerSecond, routeDefault, limit, routes, invalidRequestLimit,
                invalidRequestWindow, banDuration);
    }

    /** This, with one route's bucket set; {@code route} as the recording shows it. */
    public RateLimits withRoute(String route, BucketLimit limit) {
        Map<String, BucketLimit> copy = new LinkedHashMap<>(routes);
        if (copy.put(route, limit) != null) {
            throw new IllegalArgumentException("routes: " + route + " is set twice");
        }
        return new RateLimits(globalPerSecond, routeDefault, interactionDefault, copy, invalidRequestLimit,
                invalidRequestWindow, banDuration);
    }

    public RateLimits withInvalidRequests(int limit, Duration window, Duration ban) {
        return new RateLimits(globalPerSecond, routeDefault, interactionDefault, routes, limit, window, ban);
    }

    /** The bucket a request falls in; empty: only the global limit (if any) applies. */
    public Optional<BucketLimit> bucketOf(LimitedRoute request) {
        BucketLimit explicit = routes.get(request.route());
        if (explicit != null) {
            return Optional.of(explicit);
        }
        if (request.interaction()) {
            return Optional.of(interactionDefault);
        }
        return request.majorParameters().isEmpty() ? Optional.empty() : Optional.of(routeDefault);
    }

    private static void requirePositive(String field, Duration value) {
        Objects.requireNonNull(value, field);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + " must be positive, got " + value);
        }
    }
}
