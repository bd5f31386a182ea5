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
 */
public record DemoOptions(int players, int waves, long seed, boolean json, Path reportDir, Duration waveInterval,
                          java.util.Optional<Path> record) {

    /** Without a request record. */
    public DemoOptions(int players, int waves, long seed, boolean json, Path reportDir, Duration waveInterval) {
        this(players, waves, seed, json, reportDir, waveInterval, java.util.Optional.empty());
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
                        + " [--report-dir DIR] [--record FILE]",
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
            if (!List.of("--players", "--waves", "--seed", "--json", "--report-dir", "--wave-interval", "--record")
                    .contains(name)) {
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
        return new DemoOptions(players, waves, seed, json, reportDir, Duration.ofSeconds(interval), record);
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
