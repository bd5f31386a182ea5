package dev.matchwave.bot;

import dev.matchwave.bot.demo.DemoOptions;
import dev.matchwave.bot.demo.OfflineDemo;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code matchwave demo}: the offline demo (a local Discord, the bot, scripted players), also
 * what {@code matchwave} runs with no arguments and no {@code DISCORD_TOKEN}. With
 * {@code --json} the figures are the only thing on stdout.
 */
final class DemoCommand implements Subcommand {

    private final Map<String, String> environment;

    DemoCommand() {
        this(System.getenv());
    }

    DemoCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
    }

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "the offline demo: a local Discord, the bot and scripted players, then a report";
    }

    @Override
    public int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        List<String> rest = List.of(args);
        if (rest.contains("--help") || rest.contains("-h")) {
            out.println(DemoOptions.usage());
            return 0;
        }
        DemoOptions options;
        try {
            options = DemoOptions.parse(rest);
            dev.matchwave.bot.demo.OfflineDemo.checkEnvironment(options, environment);
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
                code[0] = dev.matchwave.bot.demo.DemoOutput.print(outcome, options, out, err);
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
