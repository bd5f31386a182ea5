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

    /**
     * The limits the bot's gate keeps: Discord's documented ones ({@link DiscordLimits#defaults()})
     * with a margin on the global budget, 45 per second and 100 ms of headroom. The gate admits a
     * request when it is queued, Discord counts it when it arrives; between the two lie JDA's
     * threads and the network, whose jitter on a busy host (tens of milliseconds and more) moved
     * enough requests of a full-speed second into the next one that a wave of 200 direct
     * messages drew global 429s at 50 per second with 25 ms of headroom (the end-to-end test
     * {@code WaveOfTwoHundredTest}).
     */
    DiscordLimits GATE_LIMITS = DiscordLimits.defaults().withGlobalLimit(45).withHeadroom(java.time.Duration.ofMillis(100));

    /**
     * The Discord model with {@link #GATE_LIMITS}. Opening a DM channel starts without a
     * per-route limit of its own (only the global one): its answers carry no rate-limit headers
     * (the local emulator's do not; headers that do come put a limit back). Assumed at 5 per 5 s
     * until the first answer, as any route is, the first wave after a start booked its 200
     * openings 5 per 5 s into the future, and the global lane's order then released them
     * together with everything queued behind them, past the global limit.
     */
    static RestRequestGate discord(InstantSource clock) {
        RateLimiter limiter = RateLimiter.discord(GATE_LIMITS, clock);
        limiter.onResponseWithoutLimit(dev.matchwave.notification.ratelimit.Route.openDm());
        return of(limiter);
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
