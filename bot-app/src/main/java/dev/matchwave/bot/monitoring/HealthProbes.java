package dev.matchwave.bot.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Where {@code /health} gets its answers. Each probe is asked on the monitoring server's
 * thread for every request; a probe that throws counts as failed.
 *
 * @param database      whether the database answers (a short query with a timeout: may block
 *                      that long)
 * @param gateway       the state of the Discord gateway connection; must not block
 * @param lastWave      when the last wave ran, if one has; must not block
 * @param staleWaveAfter a last wave older than this makes the bot unhealthy (the wave loop has
 *                      stopped); a few wave intervals
 * @param clock         the time the report is taken at
 */
public record HealthProbes(
        BooleanSupplier database,
        Supplier<GatewayState> gateway,
        Supplier<Optional<Instant>> lastWave,
        Duration staleWaveAfter,
        InstantSource clock) {

    /** The gateway connection, as {@code /health} shows it. */
    public enum GatewayState {
        /** Connected and receiving events. */
        CONNECTED,
        /** Starting or reconnecting. */
        CONNECTING,
        /** Not connected and not trying. */
        DISCONNECTED,
        /** No token: the bot runs without Discord on purpose. */
        OFFLINE;

        /** Whether the bot is where it should be. */
        public boolean healthy() {
            return this == CONNECTED || this == OFFLINE;
        }
    }

    public HealthProbes {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(lastWave, "lastWave");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(staleWaveAfter, "staleWaveAfter");
        if (staleWaveAfter.isNegative() || staleWaveAfter.isZero()) {
            throw new IllegalArgumentException("staleWaveAfter must be positive, got " + staleWaveAfter);
        }
    }

    /** Asks every probe once. */
    public HealthReport check() {
        boolean databaseReachable = ask(database::getAsBoolean, false);
        GatewayState gatewayState = ask(gateway, GatewayState.DISCONNECTED);
        Optional<Instant> wave = ask(lastWave, Optional.empty());
        return new HealthReport(clock.instant(), databaseReachable, gatewayState, wave, staleWaveAfter);
    }

    private static <T> T ask(Supplier<T> probe, T whenFailed) {
        try {
            return Objects.requireNonNullElse(probe.get(), whenFailed);
        } catch (RuntimeException e) {
            return whenFailed;
        }
    }
}
