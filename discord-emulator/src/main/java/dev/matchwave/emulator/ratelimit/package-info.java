/**
 * Discord's REST rate limits as the emulator enforces them (developers/topics/rate-limits): a
 * global budget per second for every route but the interaction routes, a bucket per route and
 * top-level resource, and the invalid-request counter that leads to a temporary ban.
 *
 * <p>{@link dev.matchwave.emulator.ratelimit.RateLimits} is the immutable configuration;
 * {@link dev.matchwave.emulator.ratelimit.RouteLimiter} decides, request by request, and returns
 * a {@link dev.matchwave.emulator.ratelimit.RateLimitDecision} with the headers to send; the
 * REST server acts on it.
 */
@NullMarked
package dev.matchwave.emulator.ratelimit;

import org.jspecify.annotations.NullMarked;
