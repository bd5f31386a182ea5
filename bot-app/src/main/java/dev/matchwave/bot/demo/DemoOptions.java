package dev.matchwave.bot.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The options of {@code matchwave demo}. Immutable; validated when built.
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

    /** The usage text of {@code matchwave demo}. */
    public static String usage() {
        return String.join(System.lineSeparator(),
                "usage: matchwave demo [--players N] [--waves W] [--seed S] [--wave-interval SECONDS] [--json]"
                        + " [--report-dir DIR] [--record FILE] [--crash-at-wave N [--standby]] [--web-port P]"
                        + " [--linger S]",
                "  runs a local Discord, the bot and scripted players, then reports what the ladder did",
                "  --players N          scripted players, " + MIN_PLAYERS + " to " + MAX_PLAYERS + " (default "
                        + DEFAULT_PLAYERS + ")",
                "  --waves W            waves with matches before it ends, 1 to " + MAX_WAVES + " (default "
                        + DEFAULT_WAVES + ")",
                "  --seed S             seed of the players' random choices (default " + DEFAULT_SEED + ")",
                "  --wave-interval S    seconds between waves, 1 to 60 (default " + DEFAULT_WAVE_INTERVAL.toSeconds()
                        + ")",
                "  --json               print the figures as one JSON object on stdout; progress on stderr",
                "  --report-dir DIR     where report.html goes (default ./" + DEFAULT_REPORT_DIR + ")",
                "  --record FILE        writes every request the local Discord received, one JSON object a line",
                "  --crash-at-wave N    kills the bot (no clean stop) while wave N's match messages go out, starts a",
                "                       new one on the same database, and reports what the players saw (1 to W-1)",
                "  --standby            with --crash-at-wave: a standby bot started with the first takes over",
                "                       through the ladder's lease (a 3 s lease) instead of a new start",
                "  --web-port P         the ladder's web pages on 127.0.0.1:P (default: a free port)",
                "  --linger S           keeps the bot and its web pages up S seconds after the report, 0 to 3600",
                "                       (default 0), to browse the ladder the demo made",
                "  the database is a temporary embedded one unless MATCHWAVE_DB_URL or MATCHWAVE_DB_DATA_DIR is set");
    }

    /**
     * Reads the options.
     *
     * @throws IllegalArgumentException naming the first bad option, in one line
     */
    public static DemoOptions parse(List<String> args) {
        Objects.requireNonNull(args, "args");
        DemoOptions defaults = defaults();
        int players = defaults.players();
        int waves = defaults.waves();
        long seed = defaults.seed();
        boolean json = false;
        Path reportDir = defaults.reportDir();
        long interval = defaults.waveInterval().toSeconds();
        java.util.Optional<Path> record = java.util.Optional.empty();
        java.util.OptionalInt crashAtWave = java.util.OptionalInt.empty();
        boolean standby = false;
        int webPort = 0;
        long linger = 0;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg;
            String inline = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                inline = arg.substring(equals + 1);
            }
            if (!List.of("--players", "--waves", "--seed", "--json", "--report-dir", "--wave-interval", "--record",
                    "--crash-at-wave", "--standby", "--web-port", "--linger").contains(name)) {
                throw new IllegalArgumentException("unknown option '" + arg + "' (see matchwave demo --help)");
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException(name + " is given twice");
            }
            if (name.equals("--json")) {
                if (inline != null) {
                    throw new IllegalArgumentException("--json takes no value");
                }
                json = true;
                continue;
            }
            if (name.equals("--standby")) {
                if (inline != null) {
                    throw new IllegalArgumentException("--standby takes no value");
                }
                standby = true;
                continue;
            }
            String value;
            if (inline != null) {
                value = inline;
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new IllegalArgumentException(name + " needs a value");
            }
            switch (name) {
                case "--players" -> players = integer(name, value);
                case "--waves" -> waves = integer(name, value);
                case "--seed" -> seed = number(name, value);
                case "--wave-interval" -> interval = integer(name, value);
                case "--web-port" -> webPort = integer(name, value);
                case "--linger" -> linger = number(name, value);
                case "--crash-at-wave" -> crashAtWave = java.util.OptionalInt.of(integer(name, value));
                case "--report-dir" -> {
                    if (value.isBlank()) {
                        throw new IllegalArgumentException("--report-dir must not be blank");
                    }
                    reportDir = Path.of(value);
                }
                case "--record" -> {
                    if (value.isBlank()) {
                        throw new IllegalArgumentException("--record must name a file");
                    }
                    record = java.util.Optional.of(Path.of(value));
                }
                default -> throw new IllegalStateException(name);
            }
        }
        if (linger < 0 || linger > 3600) {
            throw new IllegalArgumentException("--linger must be whole seconds from 0 to 3600, got " + linger);
        }
        return new DemoOptions(players, waves, seed, json, reportDir, Duration.ofSeconds(interval), record,
                crashAtWave, standby, webPort, Duration.ofSeconds(linger));
    }

    private static int integer(String name, String value) {
        long parsed = number(name, value);
        if (parsed < Integer.MIN_VALUE || parsed > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " is out of range: " + value);
        }
        return (int) parsed;
    }

    private static long number(String name, String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'");
        }
    }
}
