package dev.matchwave.discord.rest;

import dev.matchwave.notification.ratelimit.RateLimitHeaders;
import dev.matchwave.notification.ratelimit.RateLimiter;
import dev.matchwave.notification.ratelimit.Route;
import java.time.Duration;
import java.util.Objects;

/**
 * A {@link RestRequestGate} over a notification-core {@link RateLimiter}, normally the
 * Discord model ({@link RateLimiter#discord}): each JDA request becomes a {@link Route}, the
 * limiter's reservation becomes the wait, and Discord's answers teach the limiter its buckets.
 *
 * <p>Route mapping (docs/discord.md, Rate limits): JDA's interaction routes (the callback, the
 * original response, followups) are exempt from the global limit and limited per interaction
 * token; everything else counts toward it, keyed by route template and major parameter. A
 * message in a channel and opening a DM map to {@link Route#channelMessage} and {@link
 * Route#openDm}, the routes the dispatcher reasons about.
 *
 * <p>Answers: a 2xx/4xx with rate-limit headers goes to {@link RateLimiter#onResponse}; a 429 to
 * {@link RateLimiter#onRateLimited}, global when Discord says so ({@code X-RateLimit-Global} or
 * scope {@code global}) or when it came without {@code Via} (Cloudflare's block, which stops
 * everything). Malformed or inconsistent headers are ignored: the limiter keeps what it knew.
 *
 * <p>Thread-safe as the limiter is; never blocks. The ticker's {@code nowNanos} is not used:
 * the limiter reads its own clock and a reservation's delay counts from the moment of the call.
 */
final class RateLimiterGate implements RestRequestGate {

    /** Retry-After of a 429 that carries none: Discord always sends one, so this is a guard. */
    static final Duration UNKNOWN_RETRY_AFTER = Duration.ofSeconds(1);

    private final RateLimiter limiter;

    /** @param limiter decides when each request may go and learns from the answers */
    public RateLimiterGate(RateLimiter limiter) {
        this.limiter = Objects.requireNonNull(limiter, "limiter");
    }

    /** The notification-core route of a JDA request. */
    public static Route route(RestRequest request) {
        String major = majorValue(request.majorParameters());
        if (!request.interaction()) {
            if (request.method().equals("POST") && request.route().equals("channels/{channel_id}/messages")) {
                return Route.channelMessage(major);
            }
            if (request.method().equals("POST") && request.route().equals("users/@me/channels")) {
                return Route.openDm();
            }
        }
        return new Route(request.method() + " /" + request.route(), major, !request.interaction());
    }

    /** {@code channel_id=555} to {@code 555}; JDA's {@code n/a} (no major parameter) to empty. */
    private static String majorValue(String majorParameters) {
        if (majorParameters.equals("n/a")) {
            return "";
        }
        int eq = majorParameters.indexOf('=');
        // Several parameters ("a=1&b=2") stay whole: they are the key together.
        return eq >= 0 && majorParameters.indexOf('=', eq + 1) < 0 ? majorParameters.substring(eq + 1) : majorParameters;
    }

    @Override
    public long reserve(RestRequest request, long nowNanos) {
        return limiter.reserve(route(request)).delay().toNanos();
    }

    @Override
    public void observe(RestRequest request, RestResponse response) {
        Route route = route(request);
        if (response.rateLimited()) {
            Duration retryAfter = response.retryAfter().or(response::resetAfter).orElse(UNKNOWN_RETRY_AFTER);
            boolean global = response.global() || response.scope().filter("global"::equals).isPresent()
                    || !response.via();
            limiter.onRateLimited(route, retryAfter, global);
            return;
        }
        if (response.limit().isEmpty() && response.remaining().isEmpty() && response.resetAfter().isEmpty()
                && response.status() >= 200 && response.status() < 300) {
            // No headers at all on a success: the route has no bucket of its own.
            limiter.onResponseWithoutLimit(route);
            return;
        }
        if (response.limit().isEmpty() || response.remaining().isEmpty() || response.resetAfter().isEmpty()) {
            return;
        }
        int limit = response.limit().getAsInt();
        int remaining = response.remaining().getAsInt();
        if (limit < 1 || remaining < 0 || remaining > limit) {
            return;
        }
        limiter.onResponse(route, new RateLimitHeaders(response.bucket(), limit, remaining, response.resetAfter().get()));
    }

    @Override
    public String toString() {
        return "RateLimiterGate[" + limiter + "]";
    }
}
