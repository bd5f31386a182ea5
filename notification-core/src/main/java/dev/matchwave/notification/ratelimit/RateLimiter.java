package dev.matchwave.notification.ratelimit;

import java.time.Duration;
import java.time.InstantSource;

/**
 * Decides when a request may go; the caller acts (sleeps, or schedules the request).
 *
 * <p>{@link #reserve} books one permit and returns how long the caller must wait before using
 * it. It never blocks. Reservations are first come, first served: a later reservation on the
 * same bucket is never admitted before an earlier one. Unless a factory says otherwise, a
 * limiter made for {@code permits} per {@code window} admits at most {@code permits} requests
 * in any half-open interval of length {@code window}, whatever the sequence of reservations
 * (its <em>window rule</em>; admission time = time of the reservation + its wait).
 *
 * <p>The server's answers are fed back through {@link #onResponse} and {@link #onRateLimited};
 * limiters that cannot use them ignore them.
 *
 * <p>Implementations are thread-safe; all of these methods are cheap and non-blocking.
 */
@FunctionalInterface
public interface RateLimiter {

    /**
     * Books a permit for one request on {@code route}.
     *
     * @return how long from now the request may be sent, zero when at once
     */
    Reservation reserve(Route route);

    /**
     * Books a permit for one request on {@code route} that goes no sooner than {@code notBefore}
     * from now (the rest of a 429's hold). The limiters of this interface's factories book the
     * permit from that instant, so their window rule holds across the hold. This default books
     * as {@link #reserve(Route)} and waits at least {@code notBefore}: requests booked during a
     * hold may then go together when it ends.
     *
     * @param notBefore zero or positive
     */
    default Reservation reserve(Route route, Duration notBefore) {
        Reservation booked = reserve(route);
        return booked.delay().compareTo(notBefore) >= 0 ? booked : new Reservation(notBefore);
    }

    /** The server accepted a request on {@code route} and sent these headers. */
    default void onResponse(Route route, RateLimitHeaders headers) {
    }

    /**
     * The server accepted a request on {@code route} and sent no rate-limit headers: the route
     * has no per-route limit (only the global one, if it counts toward it). A limiter that assumed
     * a per-route limit until the headers came drops it; headers that come later count again.
     */
    default void onResponseWithoutLimit(Route route) {
    }

    /**
     * The server refused a request on {@code route} with a 429.
     *
     * @param retryAfter the server's {@code retry_after}
     * @param global     the body's {@code global} flag: the global limit, not the route's
     */
    default void onRateLimited(Route route, Duration retryAfter, boolean global) {
    }

    /**
     * {@code limiter} with the hold-back of a 429: after the server says "retry after R", no
     * request on any route is admitted before R has passed; the answers also reach {@code
     * limiter}. The limiters below that honour 429s are built this way.
     */
    static RateLimiter holdingBack(RateLimiter limiter, InstantSource clock) {
        return new HoldBack(limiter, clock);
    }

    /** Never waits and ignores the server's answers: the "no coordination" baseline. */
    static RateLimiter unlimited() {
        return Unlimited.INSTANCE;
    }

    /**
     * A token bucket without burst: permits evenly spaced, {@code window / permits} apart
     * (rounded up to the nanosecond, so the window rule holds exactly).
     */
    static RateLimiter smooth(int permits, Duration window, InstantSource clock) {
        return new HoldBack(TokenBucket.create(permits, window, 1, clock), clock);
    }

    /**
     * A token bucket that holds {@code burst} tokens (1 to {@code permits}) and starts full.
     * Keeping the window rule with a burst costs sustained rate: the bucket refills
     * {@code permits - burst + 1} tokens per window, because a full bucket emptied at the start
     * of a window plus the refills within it must not exceed {@code permits}.
     */
    static RateLimiter bursty(int permits, Duration window, int burst, InstantSource clock) {
        return new HoldBack(TokenBucket.create(permits, window, burst, clock), clock);
    }

    /**
     * {@code permits} per window, windows aligned on multiples of {@code window} since the
     * epoch. Its window rule holds for those aligned windows only: across a boundary a
     * sliding window may see up to twice {@code permits}. Here for comparison and for servers
     * that count that way.
     */
    static RateLimiter fixedWindow(int permits, Duration window, InstantSource clock) {
        return new HoldBack(new FixedWindow(permits, window, clock), clock);
    }

    /** At most {@code permits} in any window of length {@code window}: bursts and full rate both. */
    static RateLimiter slidingWindow(int permits, Duration window, InstantSource clock) {
        return new HoldBack(new SlidingWindow(permits, window, clock), clock);
    }

    /**
     * The model of Discord's limits: a global sliding window for the routes that count toward
     * it, per-route buckets learnt from response headers, and the backoffs that 429s ask for.
     * See {@link DiscordLimits}.
     */
    static RateLimiter discord(DiscordLimits limits, InstantSource clock) {
        return new DiscordRateLimiter(limits, clock);
    }
}
