package dev.matchwave.bot;

import dev.matchwave.notification.dispatch.Latencies;
import dev.matchwave.notification.dispatch.WaveFigures;
import dev.matchwave.notification.simulation.Policy;
import dev.matchwave.notification.simulation.DiscordModel;
import dev.matchwave.notification.simulation.Simulation;
import dev.matchwave.notification.simulation.SimulationConfig;
import dev.matchwave.notification.simulation.SimulationReport;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code matchwave simulate}: one wave through the real two-phase dispatcher against the
 * in-process model of Discord's limits, on virtual time. Parses, runs, prints; the model and
 * the figures live in notification-core.
 */
@Command(name = "simulate",
        description = {"send one wave through the dispatcher against a model of Discord's rate limits", "",
                "Runs one wave of N matches through the two-phase dispatcher against an in-process model of"
                        + " Discord's documented rate limits, on virtual time. Phase 1 edits each player's"
                        + " interaction response (exempt from the global limit); phase 2 posts in each player's DM"
                        + " channel (global limit per second; 5 per 5 s per channel). Over a limit the model"
                        + " answers 429 with retry_after."})
final class SimulateCommand implements Callable<Integer> {

    @Option(names = "--matches", paramLabel = "N", required = true, converter = MatchCount.class,
            description = "matches in the wave, 1 to " + SimulationConfig.MAX_MATCHES)
    int matches;

    @Option(names = "--policy", paramLabel = "P", converter = PolicyName.class, completionCandidates = PolicyNames.class,
            description = {"limiter (default): paced by the Discord rate limiter;",
                    "fixed-batch: 10 matches per batch, 1 s apart; naive: all at once"})
    Policy policy = Policy.LIMITER;

    @Option(names = "--global-limit", paramLabel = "L", converter = GlobalLimit.class,
            description = "Discord's global limit per second, 1 to " + SimulationConfig.MAX_GLOBAL_LIMIT
                    + " (default ${DEFAULT-VALUE})")
    int globalLimit = 50;

    @Option(names = "--edits-global", description = {"count interaction edits toward the global limit too, as field"
            + " reports (not the documentation) describe; the limiter still trusts the docs"})
    boolean editsGlobal;

    @Option(names = "--tokens-expired", description = {"the worst case: every player waited longer than an interaction"
            + " token lives, so \"match found\" is a DM too and the whole wave is on the global limit"})
    boolean tokensExpired;

    @Option(names = "--json", description = "print one JSON object instead of a table")
    boolean json;

    private final Streams streams;

    SimulateCommand(Streams streams) {
        this.streams = Objects.requireNonNull(streams, "streams");
    }

    static final class MatchCount extends OptionTypes.WholeNumberFrom {
        MatchCount() {
            super(1, SimulationConfig.MAX_MATCHES);
        }
    }

    static final class GlobalLimit extends OptionTypes.WholeNumberFrom {
        GlobalLimit() {
            super(1, SimulationConfig.MAX_GLOBAL_LIMIT);
        }
    }

    static final class PolicyName implements ITypeConverter<Policy> {
        @Override
        public Policy convert(String name) {
            return Policy.byCliName(name).orElseThrow(() -> new TypeConversionException(
                    "must be one of " + Policy.cliNames() + ", got '" + name + "'"));
        }
    }

    /** For help and shell completion. */
    static final class PolicyNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Policy.values()).map(Policy::cliName).iterator();
        }
    }

    @Override
    public Integer call() {
        PrintStream out = streams.out();
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
            streams.err().println("matchwave simulate: " + report.figures().failures() + " notifications failed for"
                    + " good (kept pending); the latencies cover the delivered ones");
        }
        return 0;
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
}
