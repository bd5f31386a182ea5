package dev.matchwave.discord.rest;

import dev.matchwave.notification.ratelimit.DiscordLimits;
import dev.matchwave.notification.ratelimit.RateLimiter;
import java.time.InstantSource;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * Decides when a REST request may go out: the adapter's side of notification-core's
 * Discord-model rate limiter. It decides and never sleeps; {@link GatedRestRateLimiter} acts.
 *
 * <p>The bot runs with {@link #discord}: notification-core's Discord-model limiter (a global
 * budget of 50 requests per second for non-interaction routes, per-bucket limits learnt from
 * {@link #observe}, 429 backoffs), see {@link RateLimiterGate}.
 *
 * <p>Implementations are thread-safe and never block: {@link #reserve} is called on the
 * thread that queues the request, {@link #observe} on JDA's rate-limit threads.
 */
public interface RestRequestGate {

    /**
     * Reserves a slot for a request and says how long to wait before sending it. A reservation
     * is a promise: the caller sends the request then (or cancels it), so the gate counts it.
     *
     * @param request  the request
     * @param nowNanos the time now on the caller's ticker
     * @return nanoseconds to wait, zero or more; zero sends at once
     */
    long reserve(RestRequest request, long nowNanos);

    /** What Discord answered to a request that went out; a limiter learns its buckets from it. */
    default void observe(RestRequest request, RestResponse response) {
    }

    /** A gate over any notification-core limiter: see {@link RateLimiterGate}. */
    static RestRequestGate of(RateLimiter limiter) {
        return new RateLimiterGate(limiter);
    }

    /** The Discord model with Discord's documented limits ({@link DiscordLimits#defaults()}). */
    static RestRequestGate discord(InstantSource clock) {
        return of(RateLimiter.discord(DiscordLimits.defaults(), clock));
    }

    /** Lets every request go at once (JDA still obeys 429s). */
    static RestRequestGate unlimited() {
        return (request, nowNanos) -> 0;
    }

    /** This gate, with {@code observer} also told of every answer (metrics: 429s by route). */
    default RestRequestGate observedBy(BiConsumer<RestRequest, RestResponse> observer) {
        Objects.requireNonNull(observer, "observer");
        RestRequestGate gate = this;
        return new RestRequestGate() {
            @Override
            public long reserve(RestRequest request, long nowNanos) {
                return gate.reserve(request, nowNanos);
            }

            @Override
            public void observe(RestRequest request, RestResponse response) {
                gate.observe(request, response);
                observer.accept(request, response);
            }
        };
    }
}
