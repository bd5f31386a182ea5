package dev.matchwave.notification.ratelimit;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;

/**
 * The hold-back of a 429, around any limiter: after the server says "retry after R", no
 * request is admitted before R has passed, on any route. The limiter inside books each permit
 * from the end of the hold ({@link RateLimiter#reserve(Route, Duration)}), so the requests held
 * back keep their pace once it ends.
 *
 * <p>Thread-safe: the end of the hold is guarded by this object's lock, which is never held
 * while the inner limiter books (a 429 that lands meanwhile holds back the next reservation).
 */
final class HoldBack implements RateLimiter {

    private final RateLimiter inner;
    private final InstantSource clock;
    /** Epoch nanoseconds before which nothing is admitted; guarded by this. */
    private long blockedUntil = Long.MIN_VALUE;

    HoldBack(RateLimiter inner, InstantSource clock) {
        this.inner = Objects.requireNonNull(inner, "limiter");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Reservation reserve(Route route) {
        return reserve(route, Duration.ZERO);
    }

    @Override
    public Reservation reserve(Route route, Duration notBefore) {
        long now = Nanos.now(clock);
        long until;
        synchronized (this) {
            until = blockedUntil;
        }
        long held = until > now ? until - now : 0;
        Duration wait = held > notBefore.toNanos() ? Duration.ofNanos(held) : notBefore;
        return inner.reserve(route, wait);
    }

    @Override
    public void onResponse(Route route, RateLimitHeaders headers) {
        inner.onResponse(route, headers);
    }

    @Override
    public void onResponseWithoutLimit(Route route) {
        inner.onResponseWithoutLimit(route);
    }

    /** Holds every request back for {@code retryAfter}, then tells the inner limiter. */
    @Override
    public void onRateLimited(Route route, Duration retryAfter, boolean global) {
        long until = Nanos.plus(Nanos.now(clock), retryAfter);
        synchronized (this) {
            blockedUntil = Math.max(blockedUntil, until);
        }
        inner.onRateLimited(route, retryAfter, global);
    }

    @Override
    public String toString() {
        return inner.toString();
    }
}
