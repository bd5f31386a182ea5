package dev.matchwave.bot.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The options of {@code matchwave demo} (read from the command line by bot-app's DemoCommand).
 * Immutable; validated when built: a bad value fails with a one-line message naming its option.
 *
 * @param players      scripted players, {@value #MIN_PLAYERS} to {@value #MAX_PLAYERS}
 * @param waves        waves with matches to run before the demo ends, 1 to {@value #MAX_WAVES}
 * @param seed         seeds every random choice of the players (names, races, ratings, vetoes,
 *                     aborts, results), so runs repeat as far as timing allows
 * @param json         print the figures as one JSON object on stdout (progress goes to stderr)
 * @param reportDir    where the HTML report is written
 * @param waveInterval time between two waves, whole seconds, 1 to 60
 * @param record       where to write every request the local Discord received, one JSON object a
 *                     line (docs/demo.md, "The request record"); empty: no record
 * @param crashAtWave  the counted wave (1 to {@code waves - 1}) after whose commit the bot is killed
 *                     while that wave's match messages go out, and a new bot carries on (docs/demo.md,
 *                     "A crash"); empty: no crash
 * @param standby      with a crash: the new bot is a hot standby started with the first one on the
 *                     same database server, which takes the ladder's lease when the first dies
 * @param webPort      the port of the ladder's web pages on 127.0.0.1 (docs/web.md); 0: a free one
 * @param linger       how long the bot and its pages stay up after the report, 0 to 3600 s
 */
public record DemoOptions(int players, int waves, long seed, boolean json, Path reportDir, Duration waveInterval,
                          java.util.Optional<Path> record, java.util.OptionalInt crashAtWave, boolean standby,
                          int webPort, Duration linger) {

    /** Web pages on a free port, closed with the report. */
    public DemoOptions(int players, int waves, long seed, boolean json, Path reportDir, Duration waveInterval,
                       java.util.Optional<Path> record, java.util.OptionalInt crashAtWave, boolean standby) {
        this(players, waves, seed, json, reportDir, waveInterval, record, crashAtWave, standby, 0, Duration.ZERO);
    }

    /** Without a request record. */
    public DemoOptions(int players, int waves, long seed, boolean json, Path reportDir, Duration waveInterval) {
        this(players, waves, seed, json, reportDir, waveInterval, java.util.Optional.empty());
    }

    /** Without a crash. */
    public DemoOptions(int players, int waves, long seed, boolean json, Path reportDir, Duration waveInterval,
                       java.util.Optional<Path> record) {
        this(players, waves, seed, json, reportDir, waveInterval, record, java.util.OptionalInt.empty(), false);
    }

    /** These options with a crash after counted wave {@code wave}, restarted or taken over by a standby. */
    public DemoOptions withCrash(int wave, boolean byStandby) {
        return new DemoOptions(players, waves, seed, json, reportDir, waveInterval, record,
                java.util.OptionalInt.of(wave), byStandby, webPort, linger);
    }

    public static final int DEFAULT_PLAYERS = 200;
    public static final int DEFAULT_WAVES = 5;
    public static final long DEFAULT_SEED = 7L;
    public static final Path DEFAULT_REPORT_DIR = Path.of("matchwave-demo");
    /** Short, so the default run ends well within two minutes (the public ladder: 45 s). */
    public static final Duration DEFAULT_WAVE_INTERVAL = Duration.ofSeconds(4);
    public static final int MIN_PLAYERS = 2;
    public static final int MAX_PLAYERS = 2000;
    public static final int MAX_WAVES = 100;

    public DemoOptions {
        Objects.requireNonNull(reportDir, "reportDir");
        Objects.requireNonNull(waveInterval, "waveInterval");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(crashAtWave, "crashAtWave");
        Objects.requireNonNull(linger, "linger");
        if (webPort < 0 || webPort > 65_535) {
            throw new IllegalArgumentException("--web-port must be from 0 to 65535, got " + webPort);
        }
        if (linger.isNegative() || linger.toNanosPart() != 0 || linger.toSeconds() > 3600) {
            throw new IllegalArgumentException("--linger must be whole seconds from 0 to 3600, got " + linger.toSeconds());
        }
        if (players < MIN_PLAYERS || players > MAX_PLAYERS) {
            throw new IllegalArgumentException("--players must be from " + MIN_PLAYERS + " to " + MAX_PLAYERS
                    + ", got " + players);
        }
        if (waves < 1 || waves > MAX_WAVES) {
            throw new IllegalArgumentException("--waves must be from 1 to " + MAX_WAVES + ", got " + waves);
        }
        if (waveInterval.toNanosPart() != 0 || waveInterval.toSeconds() < 1 || waveInterval.toSeconds() > 60) {
            throw new IllegalArgumentException("--wave-interval must be whole seconds from 1 to 60, got "
                    + waveInterval.toSeconds());
        }
        if (crashAtWave.isPresent() && (crashAtWave.getAsInt() < 1 || crashAtWave.getAsInt() >= waves)) {
            throw new IllegalArgumentException(waves < 2
                    ? "--crash-at-wave needs at least 2 waves (--waves " + waves + "): a wave after the crash must"
                            + " show the new bot carrying on"
                    : "--crash-at-wave must be from 1 to " + (waves - 1) + " (a wave after it must show the new bot"
                            + " carrying on), got " + crashAtWave.getAsInt());
        }
        if (standby && crashAtWave.isEmpty()) {
            throw new IllegalArgumentException("--standby needs --crash-at-wave N: the standby takes over when the"
                    + " first bot is killed");
        }
    }

    /** Every default: 200 players, 5 waves, seed 7, text output, ./matchwave-demo, a wave every 4 s. */
    public static DemoOptions defaults() {
        return new DemoOptions(DEFAULT_PLAYERS, DEFAULT_WAVES, DEFAULT_SEED, false, DEFAULT_REPORT_DIR,
                DEFAULT_WAVE_INTERVAL);
    }
}
