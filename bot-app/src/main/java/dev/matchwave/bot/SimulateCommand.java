package dev.matchwave.bot;

import dev.matchwave.notification.dispatch.Latencies;
import dev.matchwave.notification.dispatch.WaveFigures;
import dev.matchwave.notification.simulation.Policy;
import dev.matchwave.notification.simulation.DiscordModel;
import dev.matchwave.notification.simulation.Simulation;
import dev.matchwave.notification.simulation.SimulationConfig;
import dev.matchwave.notification.simulation.SimulationReport;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * {@code matchwave simulate}: one wave through the real two-phase dispatcher against the
 * in-process model of Discord's limits, on virtual time. Parses, runs, prints; the model and
 * the figures live in notification-core.
 */
final class SimulateCommand implements Subcommand {

    private static final String USAGE = "usage: matchwave simulate --matches N [--policy "
            + Policy.cliNames().replace(", ", "|") + "] [--global-limit 50] [--edits-global] [--tokens-expired] [--json]";

    @Override
    public String name() {
        return "simulate";
    }

    @Override
    public String summary() {
        return "send one wave through the dispatcher against a model of Discord's rate limits";
    }

    @Override
    public int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        Integer matches = null;
        Policy policy = Policy.LIMITER;
        int globalLimit = 50;
        boolean json = false;
        boolean editsGlobal = false;
        boolean tokensExpired = false;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                printHelp(out);
                return 0;
            }
            if (!arg.startsWith("--")) {
                throw new UsageException("unexpected argument '" + arg + "' (" + USAGE + ")");
            }
            String option = arg;
            String value = null;
            int equals = arg.indexOf('=');
            if (equals > 0) {
                option = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            }
            if (!seen.add(option)) {
                throw new UsageException(option + " is given twice");
            }
            switch (option) {
                case "--matches" -> {
                    value = value != null ? value : valueOf(args, ++i, option);
                    matches = number(option, value, 1, SimulationConfig.MAX_MATCHES);
                }
                case "--policy" -> {
                    String name = value != null ? value : valueOf(args, ++i, option);
                    policy = Policy.byCliName(name).orElseThrow(() -> new UsageException(
                            "--policy must be one of " + Policy.cliNames() + ", got '" + name + "'"));
                }
                case "--global-limit" -> {
                    value = value != null ? value : valueOf(args, ++i, option);
                    globalLimit = number(option, value, 1, SimulationConfig.MAX_GLOBAL_LIMIT);
                }
                case "--edits-global" -> {
                    if (value != null) {
                        throw new UsageException("--edits-global takes no value, got '" + value + "'");
                    }
                    editsGlobal = true;
                }
                case "--json" -> {
                    if (value != null) {
                        throw new UsageException("--json takes no value, got '" + value + "'");
                    }
                    json = true;
                }
                case "--tokens-expired" -> {
                    if (value != null) {
                        throw new UsageException("--tokens-expired takes no value, got '" + value + "'");
                    }
                    tokensExpired = true;
                }
                default -> throw new UsageException("unknown option '" + option + "' (" + USAGE + ")");
            }
        }
        if (matches == null) {
            throw new UsageException("--matches is required: the number of matches in the wave (" + USAGE + ")");
        }
        SimulationConfig config = SimulationConfig.of(matches, policy, globalLimit);
        if (editsGlobal) {
            // Field reports, not the documentation: interaction edits counted toward the global limit.
            DiscordModel.Limits documented = DiscordModel.Limits.documented(globalLimit);
            config = config.withLimits(new DiscordModel.Limits(documented.globalLimit(), documented.globalWindow(),
                    documented.channelLimit(), documented.channelWindow(), true));
        }
        if (tokensExpired) {
            config = config.withTokensExpired();
        }
        SimulationReport report = Simulation.run(config);
        out.println(json ? json(report) : table(report));
        if (json && report.figures().failures() > 0) {
            err.println("matchwave simulate: " + report.figures().failures() + " notifications failed for good (kept "
                    + "pending); the latencies cover the delivered ones");
        }
        return 0;
    }

    private static String valueOf(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args[index];
    }

    private static int number(String option, String value, int min, int max) {
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Same message as out of range.
        }
        throw new UsageException(option + " must be a whole number from " + min + " to " + max + ", got '" + value + "'");
    }

    /** The one JSON object of the issue, fields in its order; times in milliseconds. */
    static String json(SimulationReport report) {
        WaveFigures f = report.figures();
        return "{\"matches\":" + f.matches()
                + ",\"players\":" + f.players()
                + ",\"policy\":\"" + report.config().policy().cliName() + "\""
                + ",\"phase1\":" + latencies(f.phase1())
                + ",\"phase2\":" + latencies(f.phase2())
                + ",\"total_ms\":" + ms(f.total())
                + ",\"requests\":" + report.requests()
                + ",\"rate_limited_429\":" + report.rateLimited429()
                + ",\"lower_bound_ms\":" + ms(report.lowerBound())
                + "}";
    }

    private static String latencies(Latencies l) {
        return "{\"p50_ms\":" + ms(l.p50()) + ",\"p99_ms\":" + ms(l.p99()) + ",\"max_ms\":" + ms(l.max()) + "}";
    }

    /** Milliseconds, exact to the nanosecond, without trailing zeros: 50, 1025, 812.5. */
    private static String ms(Duration duration) {
        return BigDecimal.valueOf(duration.toNanos(), 6).stripTrailingZeros().toPlainString();
    }

    private static String table(SimulationReport report) {
        WaveFigures f = report.figures();
        SimulationConfig c = report.config();
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT,
                "%d matches (%d players), policy %s, global limit %d/s, Discord answers in %s ms (virtual time)%n%n",
                f.matches(), f.players(), c.policy().cliName(), c.globalLimit(), ms(c.latency())));
        text.append(String.format(Locale.ROOT, "%-8s %10s %10s %10s%n", "", "p50 ms", "p99 ms", "max ms"));
        text.append(row("phase 1", f.phase1())).append(row("phase 2", f.phase2()));
        text.append(String.format(Locale.ROOT, "%ntotal %s ms, %d requests, %d answered 429, %d failed for good%n",
                ms(f.total()), report.requests(), report.rateLimited429(), f.failures()));
        text.append(String.format(Locale.ROOT, "lower bound %s ms: phase 2 took %.3f x the bound",
                ms(report.lowerBound()), report.phase2OverLowerBound()));
        return text.toString();
    }

    private static String row(String name, Latencies l) {
        return String.format(Locale.ROOT, "%-8s %10s %10s %10s%n", name, ms(l.p50()), ms(l.p99()), ms(l.max()));
    }

    private static void printHelp(PrintStream out) {
        out.println(USAGE);
        out.println();
        out.println("Runs one wave of N matches through the two-phase dispatcher against an in-process model of");
        out.println("Discord's documented rate limits, on virtual time. Phase 1 edits each player's interaction");
        out.println("response (exempt from the global limit); phase 2 posts in each player's DM channel (global");
        out.println("limit per second; 5 per 5 s per channel). Over a limit the model answers 429 with retry_after.");
        out.println();
        out.println("  --matches N         matches in the wave, 1 to " + SimulationConfig.MAX_MATCHES + " (required)");
        out.println("  --policy P          limiter (default): paced by the Discord rate limiter;");
        out.println("                      fixed-batch: 10 matches per batch, 1 s apart; naive: all at once");
        out.println("  --global-limit L    Discord's global limit per second (default 50)");
        out.println("  --edits-global      count interaction edits toward the global limit too, as field reports");
        out.println("                      (not the documentation) describe; the limiter still trusts the docs");
        out.println("  --tokens-expired    the worst case: every player waited longer than an interaction token lives,");
        out.println("                      so \"match found\" is a DM too and the whole wave is on the global limit");
        out.println("  --json              print one JSON object instead of a table");
    }
}
