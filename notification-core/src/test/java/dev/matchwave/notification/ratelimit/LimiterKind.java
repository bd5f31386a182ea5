package dev.matchwave.notification.ratelimit;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;

/**
 * Every rate limiter, made for "limit per window", with what it promises: the contract suites
 * run against each of these.
 */
enum LimiterKind {
    UNLIMITED(false) {
        @Override
        RateLimiter create(int limit, Duration window, InstantSource clock) {
            return RateLimiter.unlimited();
        }
    },
    SMOOTH(true) {
        @Override
        RateLimiter create(int limit, Duration window, InstantSource clock) {
            return RateLimiter.smooth(limit, window, clock);
        }
    },
    BURSTY(true) {
        @Override
        RateLimiter create(int limit, Duration window, InstantSource clock) {
            return RateLimiter.bursty(limit, window, Math.max(1, limit / 2), clock);
        }
    },
    FIXED_WINDOW(true) {
        @Override
        RateLimiter create(int limit, Duration window, InstantSource clock) {
            return RateLimiter.fixedWindow(limit, window, clock);
        }
    },
    SLIDING_WINDOW(true) {
        @Override
        RateLimiter create(int limit, Duration window, InstantSource clock) {
            return RateLimiter.slidingWindow(limit, window, clock);
        }
    },
    /** The Discord model on a globally limited route, no headroom, no per-route limit in the way. */
    DISCORD(true) {
        @Override
        RateLimiter create(int limit, Duration window, InstantSource clock) {
            return RateLimiter.discord(new DiscordLimits(limit, window, Duration.ZERO, Integer.MAX_VALUE, window), clock);
        }
    };

    private final boolean honoursRetryAfter;

    LimiterKind(boolean honoursRetryAfter) {
        this.honoursRetryAfter = honoursRetryAfter;
    }

    abstract RateLimiter create(int limit, Duration window, InstantSource clock);

    /** Whether a 429 holds later requests back. Unlimited is the no-coordination baseline: it ignores them. */
    boolean honoursRetryAfter() {
        return honoursRetryAfter;
    }

    /** Whether it has a limit at all. */
    boolean isLimited() {
        return this != UNLIMITED;
    }

    /**
     * The most admissions it lets into any half-open window of the given length: the limit,
     * except for the fixed window, which keeps the limit per aligned window only.
     */
    int slidingBound(int limit) {
        return switch (this) {
            case UNLIMITED -> Integer.MAX_VALUE;
            case FIXED_WINDOW -> 2 * limit;
            default -> limit;
        };
    }

    /**
     * The standard scenario's expected event log: limit 4 per second; acquire 6 back to back
     * (each acquire waits what the reservation says); sleep 1 s; acquire 2.
     */
    List<String> expectedAcquireLog() {
        return switch (this) {
            case UNLIMITED -> List.of("R0.00", "R0.00", "R0.00", "R0.00", "R0.00", "R0.00", "S1.00", "R0.00", "R0.00");
            case SMOOTH -> List.of("R0.00", "R0.25", "R0.25", "R0.25", "R0.25", "R0.25", "S1.00", "R0.00", "R0.25");
            // Burst 2 leaves 3 refills per second for the window rule: 1/3 s apart.
            case BURSTY -> List.of("R0.00", "R0.00", "R0.33", "R0.33", "R0.33", "R0.33", "S1.00", "R0.00", "R0.00");
            case FIXED_WINDOW, SLIDING_WINDOW, DISCORD ->
                    List.of("R0.00", "R0.00", "R0.00", "R0.00", "R1.00", "R0.00", "S1.00", "R0.00", "R0.00");
        };
    }

    /** Limit 4 per second; reserve 6 at once without waiting: each wait counted from now. */
    List<String> expectedBookingLog() {
        return switch (this) {
            case UNLIMITED -> List.of("R0.00", "R0.00", "R0.00", "R0.00", "R0.00", "R0.00");
            case SMOOTH -> List.of("R0.00", "R0.25", "R0.50", "R0.75", "R1.00", "R1.25");
            case BURSTY -> List.of("R0.00", "R0.00", "R0.33", "R0.67", "R1.00", "R1.33");
            case FIXED_WINDOW, SLIDING_WINDOW, DISCORD -> List.of("R0.00", "R0.00", "R0.00", "R0.00", "R1.00", "R1.00");
        };
    }
}
