package dev.matchwave.notification.simulation;

import java.time.Duration;
import java.util.Objects;

/**
 * One simulated wave.
 *
 * @param matches     matches in the wave, 1 to {@value #MAX_MATCHES}
 * @param policy      how phase 2 is paced
 * @param globalLimit Discord's global limit per second, 1 to {@value #MAX_GLOBAL_LIMIT}; the
 *                    model enforces it and the limiter policy is told it
 * @param latency     the model's answer time, 0 to 10 s
 * @param limits      the limits the model enforces; their global limit must be {@code globalLimit}
 * @param tokensExpired the worst case: the players waited longer than an interaction token lives,
 *                      so "match found" too is a DM on the global limit
 */
public record SimulationConfig(int matches, Policy policy, int globalLimit, Duration latency,
                               DiscordModel.Limits limits, boolean tokensExpired) {

    /** With live tokens. */
    public SimulationConfig(int matches, Policy policy, int globalLimit, Duration latency,
                            DiscordModel.Limits limits) {
        this(matches, policy, globalLimit, latency, limits, false);
    }

    public static final int MAX_MATCHES = 10_000;
    public static final int MAX_GLOBAL_LIMIT = 10_000;
    /** A round trip to Discord's API from a nearby host. */
    public static final Duration DEFAULT_LATENCY = Duration.ofMillis(50);

    public SimulationConfig {
        if (matches < 1 || matches > MAX_MATCHES) {
            throw new IllegalArgumentException("matches must be between 1 and " + MAX_MATCHES + ", got " + matches);
        }
        Objects.requireNonNull(policy, "policy");
        checkGlobalLimit(globalLimit);
        Objects.requireNonNull(latency, "latency");
        if (latency.isNegative() || latency.compareTo(Duration.ofSeconds(10)) > 0) {
            throw new IllegalArgumentException("latency must be between 0 and 10 s, got " + latency);
        }
        Objects.requireNonNull(limits, "limits");
        if (limits.globalLimit() != globalLimit) {
            throw new IllegalArgumentException("limits.globalLimit " + limits.globalLimit()
                    + " must equal globalLimit " + globalLimit);
        }
    }

    /** The documented Discord limits with the given global limit, and the default latency. */
    public static SimulationConfig of(int matches, Policy policy, int globalLimit) {
        checkGlobalLimit(globalLimit);
        return new SimulationConfig(matches, policy, globalLimit, DEFAULT_LATENCY,
                DiscordModel.Limits.documented(globalLimit));
    }

    /** The same wave against other model limits (for example the field reports' variant). */
    public SimulationConfig withLimits(DiscordModel.Limits other) {
        return new SimulationConfig(matches, policy, globalLimit, latency, other, tokensExpired);
    }

    /** The same wave with every player's token expired: everything on channel routes. */
    public SimulationConfig withTokensExpired() {
        return new SimulationConfig(matches, policy, globalLimit, latency, limits, true);
    }

    private static void checkGlobalLimit(int globalLimit) {
        if (globalLimit < 1 || globalLimit > MAX_GLOBAL_LIMIT) {
            throw new IllegalArgumentException(
                    "globalLimit must be between 1 and " + MAX_GLOBAL_LIMIT + ", got " + globalLimit);
        }
    }

    public int players() {
        return 2 * matches;
    }

    /**
     * The earliest moment phase 2 can be done under the model's limits, whatever the policy:
     * details go out only after their player's "match found" is answered (one latency), the
     * 2N details all count toward the global limit, and at most L of them fit in any window W,
     * so the k-th (from 0) goes no earlier than floor(k / L) windows after the first; the last
     * one's answer takes one more latency:
     * {@code latency + floor((2N - 1) / L) * W + latency}. The per-channel limit does not bind:
     * each DM channel gets one message. With the tokens expired, the 2N "match found" DMs count
     * too: the last of the 4N requests goes no earlier than {@code floor((4N - 1) / L) * W} after
     * the first, and its answer takes a latency; the bound is the larger of the two (two
     * messages a channel, still under its limit).
     */
    public Duration lowerBound() {
        Duration details = latency.plus(limits.globalWindow().multipliedBy((players() - 1L) / globalLimit))
                .plus(latency);
        if (!tokensExpired) {
            return details;
        }
        Duration whole = limits.globalWindow().multipliedBy((2L * players() - 1L) / globalLimit).plus(latency);
        return whole.compareTo(details) > 0 ? whole : details;
    }
}
