package dev.matchwave.bot;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code matchwave} command line: one subcommand per job. Errors the user can fix are
 * printed as one line naming the problem, with exit code 2; nobody sees a stack trace.
 */
public final class Main {

    /** Exit code for bad usage or bad input. */
    public static final int USAGE = 2;

    private final Map<String, Subcommand> subcommands = new LinkedHashMap<>();
    private final Map<String, String> environment;

    Main() {
        this(System.getenv());
    }

    /** With the given environment (tests). */
    Main(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
        register(new PairCommand(PairCommand.standardChoices()));
        register(new SimulateCommand());
        register(new BotCommand(environment));
        register(new DemoCommand(environment));
        register(new RolesCommand());
    }

    private void register(Subcommand command) {
        subcommands.put(command.name(), command);
    }

    public static void main(String[] args) {
        // Before any HttpServer (the web pages, /health, the demo's local Discord): no Nagle
        // delay on pages written in more than one segment (LadderWebsite).
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        int code = new Main().run(args, System.in, System.out, System.err);
        System.out.flush();
        System.exit(code);
    }

    int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        if (args.length == 0 || (args[0].startsWith("--") && !args[0].equals("--help"))) {
            // The first thing a newcomer runs: with a token the bot, without one the offline demo
            // (options such as --json go to whichever runs).
            String token = environment.get("DISCORD_TOKEN");
            boolean demo = token == null || token.isBlank();
            if (demo) {
                err.println("matchwave: no DISCORD_TOKEN: running the offline demo (matchwave --help lists the other commands)");
            }
            String[] withCommand = new String[args.length + 1];
            withCommand[0] = demo ? "demo" : "bot";
            System.arraycopy(args, 0, withCommand, 1, args.length);
            args = withCommand;
        }
        String name = args[0];
        if (name.equals("--help") || name.equals("-h") || name.equals("help")) {
            printHelp(out);
            return 0;
        }
        Subcommand command = subcommands.get(name);
        if (command == null) {
            err.println("matchwave: unknown subcommand '" + name + "' (known: "
                    + String.join(", ", subcommands.keySet()) + "; see matchwave --help)");
            return USAGE;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            return command.run(rest, in, out, err);
        } catch (UsageException e) {
            err.println("matchwave " + name + ": " + e.getMessage());
            return USAGE;
        } catch (RuntimeException e) {
            // A bug, not bad input: still one line for the user, the details for the log.
            err.println("matchwave " + name + ": internal error: " + e);
            return 1;
        }
    }

    private void printHelp(PrintStream out) {
        out.println("usage: matchwave [<subcommand>] [options]");
        out.println("  with no subcommand: the bot when DISCORD_TOKEN is set, else the offline demo");
        out.println();
        out.println("subcommands:");
        for (Subcommand command : subcommands.values()) {
            out.printf("  %-10s %s%n", command.name(), command.summary());
        }
        out.printf("  %-10s %s%n", "bench", "run the JMH benchmarks (handled by the launcher script)");
        out.println();
        out.println("matchwave <subcommand> --help shows the options of one subcommand.");
    }
}
