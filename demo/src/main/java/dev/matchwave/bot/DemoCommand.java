package dev.matchwave.bot;

import org.jspecify.annotations.Nullable;
import dev.matchwave.bot.demo.DemoOptions;
import dev.matchwave.bot.demo.DemoOutput;
import dev.matchwave.bot.demo.OfflineDemo;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code matchwave demo}: the offline demo (a local Discord, the bot, scripted players), also
 * what {@code matchwave} runs with no arguments and no {@code DISCORD_TOKEN}. With
 * {@code --json} the figures are the only thing on stdout.
 */
@Command(name = "demo",
        description = {"the offline demo: a local Discord, the bot and scripted players, then a report", "",
                "Runs a local Discord, the bot and scripted players, then reports what the ladder did."},
        footer = {"", "The database is a temporary embedded one unless MATCHWAVE_DB_URL or MATCHWAVE_DB_DATA_DIR is set."})
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--players", paramLabel = "N", description = "scripted players, " + DemoOptions.MIN_PLAYERS
            + " to " + DemoOptions.MAX_PLAYERS + " (default ${DEFAULT-VALUE})")
    int players = DemoOptions.DEFAULT_PLAYERS;

    @Option(names = "--waves", paramLabel = "W", description = "waves with matches before it ends, 1 to "
            + DemoOptions.MAX_WAVES + " (default ${DEFAULT-VALUE})")
    int waves = DemoOptions.DEFAULT_WAVES;

    @Option(names = "--seed", paramLabel = "S", description = "seed of the players' random choices (default ${DEFAULT-VALUE})")
    long seed = DemoOptions.DEFAULT_SEED;

    // The defaults of the two durations are strings so that help shows seconds, not PT4S;
    // DemoOptionsTest checks that no option gives DemoOptions.defaults().
    @Option(names = "--wave-interval", paramLabel = "S", defaultValue = "4",
            description = "seconds between waves, 1 to 60 (default ${DEFAULT-VALUE})")
    Duration waveInterval;

    @Option(names = "--json", description = "print the figures as one JSON object on stdout; progress on stderr")
    boolean json;

    @Option(names = "--report-dir", paramLabel = "DIR", description = "where report.html goes (default ./${DEFAULT-VALUE})")
    Path reportDir = DemoOptions.DEFAULT_REPORT_DIR;

    @Option(names = "--record", paramLabel = "FILE",
            description = "writes every request the local Discord received, one JSON object a line")
    @Nullable Path record;

    @Option(names = "--crash-at-wave", paramLabel = "N", description = {
            "kills the bot (no clean stop) while wave N's match messages go out, starts a new one on the same"
                    + " database, and reports what the players saw (1 to W-1)"})
    Integer crashAtWave;

    @Option(names = "--standby", description = "with --crash-at-wave: a standby bot started with the first takes over"
            + " through the ladder's lease (a 3 s lease) instead of a new start")
    boolean standby;

    @Option(names = "--web-port", paramLabel = "P", description = "the ladder's web pages on 127.0.0.1:P (default: a free port)")
    int webPort;

    @Option(names = "--linger", paramLabel = "S", defaultValue = "0", description = "keeps the bot and its web pages up"
            + " S seconds after the report, 0 to 3600 (default ${DEFAULT-VALUE}), to browse the ladder the demo made")
    Duration linger;

    private final Map<String, String> environment;
    private final Streams streams;

    DemoCommand(Map<String, String> environment, Streams streams) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        this.streams = Objects.requireNonNull(streams, "streams");
    }

    /**
     * The options as parsed, checked together.
     *
     * @throws UsageException naming the first bad option, in one line
     */
    DemoOptions options() {
        try {
            return new DemoOptions(players, waves, seed, json, reportDir, waveInterval, Optional.ofNullable(record),
                    crashAtWave == null ? OptionalInt.empty() : OptionalInt.of(crashAtWave), standby, webPort, linger);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    @Override
    public Integer call() {
        PrintStream out = streams.out();
        PrintStream err = streams.err();
        DemoOptions options = options();
        try {
            OfflineDemo.checkEnvironment(options, environment);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        // Before any logger exists: the bot's INFO lines would drown the demo's progress.
        if (System.getProperty("matchwave.log.level") == null) {
            System.setProperty("matchwave.log.level", "WARN");
        }
        // Slow flows are in the report, against their targets; one WARN line each would bury it.
        if (System.getProperty("matchwave.flow.log.level") == null) {
            System.setProperty("matchwave.flow.log.level", "ERROR");
        }
        // The cores log through System.Logger (java.util.logging here): one line each, no stack
        // trace (a send cut short when the demo closes the bot is not the user's problem).
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$s %3$s - %5$s%n");
        }
        PrintStream progress = options.json() ? err : out;
        try {
            int[] code = new int[1];
            new OfflineDemo(options, environment, progress).run((outcome, web) -> {
                code[0] = DemoOutput.print(outcome, options, out, err);
                web.ifPresent(url -> progress.println(options.linger().isZero()
                        ? "web pages of this ladder were at " + url + " (closed now; --linger S keeps them up)"
                        : "web pages of this ladder: " + url + " (up for " + options.linger().toSeconds()
                                + " s; Ctrl-C stops earlier)"));
                progress.flush();
            });
            return code[0];
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("matchwave demo: interrupted");
            return 1;
        }
    }
}
