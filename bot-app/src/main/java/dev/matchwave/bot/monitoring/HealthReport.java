package dev.matchwave.bot.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer of {@code /health}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param checkedAt         when the probes were asked
 * @param databaseReachable whether the database answered
 * @param gateway           the gateway connection
 * @param lastWave          when the last wave ran, if one has
 * @param staleWaveAfter    how old the last wave may be
 */
public record HealthReport(
        Instant checkedAt,
        boolean databaseReachable,
        HealthProbes.GatewayState gateway,
        Optional<Instant> lastWave,
        Duration staleWaveAfter) {

    public HealthReport {
        Objects.requireNonNull(checkedAt, "checkedAt");
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(lastWave, "lastWave");
        Objects.requireNonNull(staleWaveAfter, "staleWaveAfter");
    }

    /** Time since the last wave (zero if its time lies ahead of the check). */
    public Optional<Duration> sinceLastWave() {
        return lastWave.map(at -> at.isAfter(checkedAt) ? Duration.ZERO : Duration.between(at, checkedAt));
    }

    /** Whether the waves have stopped: a last wave older than {@code staleWaveAfter}. */
    public boolean wavesStale() {
        return sinceLastWave().map(age -> age.compareTo(staleWaveAfter) > 0).orElse(false);
    }

    /** Healthy: database reachable, gateway connected (or offline on purpose), waves running. */
    public boolean healthy() {
        return databaseReachable && gateway.healthy() && !wavesStale();
    }

    /**
     * The report as a JSON object, e.g.
     * {@code {"status":"ok","database_reachable":true,"gateway":"connected","gateway_connected":true,
     * "last_wave":"2026-01-01T12:00:45Z","seconds_since_last_wave":3.2,"waves_stale":false,
     * "checked_at":"2026-01-01T12:00:48.200Z"}}; {@code last_wave} and
     * {@code seconds_since_last_wave} are {@code null} before the first wave.
     */
    public String toJson() {
        // Every value is a boolean, a number, an ISO instant or a fixed word: nothing to escape.
        StringBuilder json = new StringBuilder(256).append('{');
        json.append("\"status\":\"").append(healthy() ? "ok" : "unhealthy").append('"');
        json.append(",\"database_reachable\":").append(databaseReachable);
        json.append(",\"gateway\":\"").append(gateway.name().toLowerCase(Locale.ROOT)).append('"');
        json.append(",\"gateway_connected\":").append(gateway == HealthProbes.GatewayState.CONNECTED);
        json.append(",\"last_wave\":").append(lastWave.map(at -> "\"" + at + "\"").orElse("null"));
        json.append(",\"seconds_since_last_wave\":").append(sinceLastWave()
                .map(age -> String.format(Locale.ROOT, "%.1f", age.toMillis() / 1000.0)).orElse("null"));
        json.append(",\"waves_stale\":").append(wavesStale());
        json.append(",\"checked_at\":\"").append(checkedAt).append('"');
        return json.append('}').toString();
    }
}
