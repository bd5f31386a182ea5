/**
 * Rate limiters: the limiter decides, the caller acts. {@link dev.matchwave.notification.ratelimit.RateLimiter#reserve}
 * books a permit and answers how long to wait before using it; it never sleeps. Time comes
 * from an injected {@link java.time.InstantSource}, so tests and simulations run on virtual time.
 *
 * <p>The standard limiters are made by the static factories of {@code RateLimiter}; their
 * classes are package-private. Every limiter is thread-safe.
 *
 * <p>Records here are immutable values, safe to share between threads; times are
 * {@link java.time.Duration}s and {@link java.time.Instant}s unless a name says otherwise.
 */
@NullMarked
package dev.matchwave.notification.ratelimit;

import org.jspecify.annotations.NullMarked;
