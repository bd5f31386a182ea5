package dev.matchwave.notification.ratelimit;

/** Never waits. Stateless, so thread-safe. */
enum Unlimited implements RateLimiter {
    INSTANCE;

    @Override
    public Reservation reserve(Route route) {
        return Reservation.IMMEDIATE;
    }

    @Override
    public String toString() {
        return "RateLimiter.unlimited()";
    }
}
