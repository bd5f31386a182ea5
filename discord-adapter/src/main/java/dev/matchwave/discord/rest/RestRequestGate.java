package dev.matchwave.discord.rest;

import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * Decides when a REST request may go out: the adapter's side of notification-core's
 * Discord-model rate limiter. It decides and never sleeps; {@link GatedRestRateLimiter} acts.
 *
 * <p>TODO(issue 6, next session): implement this with notification-core's Discord-model
 * limiter once branch {@code notify} lands (a global budget of 50 requests per second for
 * non-interaction routes, per-bucket limits learned from {@link #observe}, interaction routes
 * on their own lane). Until then the bot runs with {@link #unlimited()}: JDA still obeys 429s.
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
