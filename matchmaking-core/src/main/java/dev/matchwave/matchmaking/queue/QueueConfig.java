package dev.matchwave.matchmaking.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The options of a {@link QueueService}. Immutable and thread-safe; every option is checked
 * when the config is built, and a bad one fails at once with a message naming it.
 *
 * <p>Build one with {@link #builder()} (an option set twice fails) or take {@link #defaults()},
 * the reference ladder's values.
 *
 * @param waveInterval       time between two waves; waves fall on whole multiples of it since
 *                           the Unix epoch (see {@link #nextWaveAfter}). Default 45 s.
 * @param maxWait            how long an entry may stay queued before it expires. Default 2.5 h
 *                           (9000 s).
 * @param joinLimit          how many joins one player may make in any {@code joinLimitWindow}.
 *                           Default 10.
 * @param joinLimitWindow    the sliding window of the join limit. Default 1 minute.
 * @param activeWindow       how recently a player must have been seen to count in the active
 *                           population. Default 15 minutes.
 * @param estimateWaves      how many recent waves the wait estimate learns from. Default 80
 *                           (one hour at 45 s).
 * @param estimateBandWidth  width of the rating bands the wait estimate groups players by, in
 *                           rating points. Default 100.
 */
public record QueueConfig(Duration waveInterval, Duration maxWait, int joinLimit, Duration joinLimitWindow,
                          Duration activeWindow, int estimateWaves, int estimateBandWidth) {

    public static final Duration DEFAULT_WAVE_INTERVAL = Duration.ofSeconds(45);
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(9000);
    public static final int DEFAULT_JOIN_LIMIT = 10;
    public static final Duration DEFAULT_JOIN_LIMIT_WINDOW = Duration.ofMinutes(1);
    public static final Duration DEFAULT_ACTIVE_WINDOW = Duration.ofMinutes(15);
    public static final int DEFAULT_ESTIMATE_WAVES = 80;
    public static final int DEFAULT_ESTIMATE_BAND_WIDTH = 100;

    private static final QueueConfig DEFAULTS = new QueueConfig(DEFAULT_WAVE_INTERVAL, DEFAULT_MAX_WAIT,
            DEFAULT_JOIN_LIMIT, DEFAULT_JOIN_LIMIT_WINDOW, DEFAULT_ACTIVE_WINDOW, DEFAULT_ESTIMATE_WAVES,
            DEFAULT_ESTIMATE_BAND_WIDTH);

    public QueueConfig {
        checkDuration("waveInterval", waveInterval);
        if (waveInterval.toNanos() % 1_000_000 != 0) {
            throw new IllegalArgumentException("waveInterval must be a whole number of milliseconds, got " + waveInterval);
        }
        checkDuration("maxWait", maxWait);
        checkPositive("joinLimit", joinLimit);
        if (joinLimit > 10_000) {
            // The limiter keeps one timestamp per allowed join and player.
            throw new IllegalArgumentException("joinLimit must be at most 10000, got " + joinLimit);
        }
        checkDuration("joinLimitWindow", joinLimitWindow);
        checkDuration("activeWindow", activeWindow);
        checkPositive("estimateWaves", estimateWaves);
        if (estimateWaves > 100_000) {
            throw new IllegalArgumentException("estimateWaves must be at most 100000, got " + estimateWaves);
        }
        checkPositive("estimateBandWidth", estimateBandWidth);
    }

    /** The reference ladder's options: waves every 45 s, 2.5 h max wait, 10 joins a minute. */
    public static QueueConfig defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The first wave time strictly after {@code now}: {@code floor(now / interval + 1) * interval}
     * on the Unix time line (the reference ladder's formula, docs/reference-ladder.md "Waves"), computed in
     * milliseconds so that any whole-millisecond interval works.
     */
    public Instant nextWaveAfter(Instant now) {
        long interval = waveInterval.toMillis();
        long slot = Math.floorDiv(now.toEpochMilli(), interval) + 1;
        return Instant.ofEpochMilli(slot * interval);
    }

    /** How many waves fit in {@link #maxWait}, plus one: no entry can wait more cycles than this. */
    int maxCycles() {
        long cycles = maxWait.toMillis() / waveInterval.toMillis() + 1;
        return (int) Math.min(cycles, 100_000);
    }

    private static void checkDuration(String option, Duration value) {
        Objects.requireNonNull(value, option);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(option + " must be positive, got " + value);
        }
        if (value.compareTo(Duration.ofDays(365)) > 0) {
            throw new IllegalArgumentException(option + " must be at most 365 days, got " + value);
        }
    }

    private static void checkPositive(String option, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(option + " must be positive, got " + value);
        }
    }

    /**
     * Builds a {@link QueueConfig}; options left unset take their defaults. Each option may be
     * set once; a second call or a bad value fails at once naming the option. Not thread-safe.
     */
    public static final class Builder {
        private @Nullable Duration waveInterval;
        private @Nullable Duration maxWait;
        private @Nullable Integer joinLimit;
        private @Nullable Duration joinLimitWindow;
        private @Nullable Duration activeWindow;
        private @Nullable Integer estimateWaves;
        private @Nullable Integer estimateBandWidth;

        private Builder() {
        }

        public Builder waveInterval(Duration interval) {
            once("waveInterval", waveInterval);
            checkDuration("waveInterval", interval);
            waveInterval = interval;
            return this;
        }

        public Builder maxWait(Duration wait) {
            once("maxWait", maxWait);
            checkDuration("maxWait", wait);
            maxWait = wait;
            return this;
        }

        /** At most {@code joins} joins per player in any sliding {@code window}. */
        public Builder joinLimit(int joins, Duration window) {
            once("joinLimit", joinLimit);
            checkPositive("joinLimit", joins);
            checkDuration("joinLimitWindow", window);
            joinLimit = joins;
            joinLimitWindow = window;
            return this;
        }

        public Builder activeWindow(Duration window) {
            once("activeWindow", activeWindow);
            checkDuration("activeWindow", window);
            activeWindow = window;
            return this;
        }

        public Builder estimateWaves(int waves) {
            once("estimateWaves", estimateWaves);
            checkPositive("estimateWaves", waves);
            estimateWaves = waves;
            return this;
        }

        public Builder estimateBandWidth(int ratingPoints) {
            once("estimateBandWidth", estimateBandWidth);
            checkPositive("estimateBandWidth", ratingPoints);
            estimateBandWidth = ratingPoints;
            return this;
        }

        /** @throws IllegalArgumentException when the options do not fit together */
        public QueueConfig build() {
            return new QueueConfig(
                    orDefault(waveInterval, DEFAULT_WAVE_INTERVAL),
                    orDefault(maxWait, DEFAULT_MAX_WAIT),
                    orDefault(joinLimit, DEFAULT_JOIN_LIMIT),
                    orDefault(joinLimitWindow, DEFAULT_JOIN_LIMIT_WINDOW),
                    orDefault(activeWindow, DEFAULT_ACTIVE_WINDOW),
                    orDefault(estimateWaves, DEFAULT_ESTIMATE_WAVES),
                    orDefault(estimateBandWidth, DEFAULT_ESTIMATE_BAND_WIDTH));
        }

        private static void once(String option, @Nullable Object current) {
            if (current != null) {
                throw new IllegalStateException(option + " is already set");
            }
        }

        private static <T> T orDefault(@Nullable T value, T fallback) {
            return value != null ? value : fallback;
        }
    }
}
