package dev.matchwave.bot;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Help.Ansi.IStyle;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Help.IParamLabelRenderer;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code matchwave} command line: one subcommand per job, parsed by picocli (well kept, no
 * dependency of its own, one jar). Every subcommand has {@code --help}; a bad option or value is
 * one line on stderr naming the option, with exit code {@value #USAGE}; nobody sees a stack trace.
 * {@code matchwave completion} prints a bash completion script.
 *
 * <p>Each {@link #run} builds its own command objects (picocli keeps the parsed values in them);
 * {@link #run} blocks until the subcommand has finished.
 */
public final class Main {

    /** Exit code for bad usage or bad input (picocli's {@link CommandLine.ExitCode#USAGE} too). */
    public static final int USAGE = 2;

    /** Exit code for a bug: an exception the user could not have caused. */
    static final int INTERNAL_ERROR = 1;

    private final Map<String, String> environment;
    /** The subcommands other modules add (the demo module's demo and roles), found once. */
    private final List<MoreCommands> more;

    Main() {
        this(System.getenv());
    }

    /** With the given environment (tests). */
    Main(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
        this.more = ServiceLoader.load(MoreCommands.class, Main.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).toList();
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
            // The offline demo when its module is on the classpath (the launcher's jar); the bot alone
            // then says that it needs a token.
            boolean demo = (token == null || token.isBlank()) && hasDemo();
            if (demo) {
                err.println("matchwave: no DISCORD_TOKEN: running the offline demo (matchwave --help lists the other commands)");
            }
            String[] withCommand = new String[args.length + 1];
            withCommand[0] = demo ? "demo" : "bot";
            System.arraycopy(args, 0, withCommand, 1, args.length);
            args = withCommand;
        }
        CommandLine line = commandLine(new Streams(in, out, err));
        try {
            return line.execute(args);
        } finally {
            line.getOut().flush();
            line.getErr().flush();
        }
    }

    /** Whether the demo module is here (it adds {@code demo}: {@link MoreCommands}). */
    private boolean hasDemo() {
        return more.stream().anyMatch(MoreCommands::offlineDemo);
    }

    /** The whole command tree for one run, writing to {@code streams}. */
    CommandLine commandLine(Streams streams) {
        CommandLine root = new CommandLine(new Root());
        root.addSubcommand(new PairCommand(PairCommand.standardChoices(), streams));
        root.addSubcommand(new SimulateCommand(streams));
        root.addSubcommand(new BotCommand(environment, streams));
        more.forEach(commands -> commands.commands(environment, streams).forEach(root::addSubcommand));
        root.addSubcommand(new BenchCommand());
        root.addSubcommand(new CompletionCommand(streams));
        CommandLine help = new CommandLine(new CommandLine.HelpCommand());
        help.getCommandSpec().usageMessage().header("show the help of a subcommand: matchwave help demo")
                .description("With no COMMAND: the help of matchwave itself.");
        root.addSubcommand(help);
        return configure(root, streams);
    }

    /**
     * The settings every command of this command line shares: help layout, typed values, and the
     * one-line errors with their exit codes. For {@code line} and all its subcommands.
     */
    static CommandLine configure(CommandLine line, Streams streams) {
        addHelp(line);
        OptionTypes.register(line)
                .setOut(writer(streams.out()))
                .setErr(writer(streams.err()))
                .setColorScheme(Help.defaultColorScheme(Ansi.OFF))
                .setHelpFactory(SpacedLabelsHelp::new)
                // "@file" stays a value as it was: picocli would read arguments from the file.
                .setExpandAtFiles(false)
                .setParameterExceptionHandler((error, args) -> {
                    streams.err().println(error.getCommandLine().getCommandSpec().qualifiedName() + ": "
                            + UsageErrors.oneLine(error));
                    return USAGE;
                })
                .setExecutionExceptionHandler((error, command, parsed) -> {
                    String name = command.getCommandSpec().qualifiedName();
                    if (error instanceof UsageException usage) {
                        streams.err().println(name + ": " + usage.getMessage());
                        return USAGE;
                    }
                    // A bug, not bad input: still one line for the user.
                    streams.err().println(name + ": internal error: " + error);
                    return INTERNAL_ERROR;
                });
        return line;
    }

    /** {@code -h} and {@code --help} on every command, and the same headings and layout. */
    private static void addHelp(CommandLine line) {
        CommandSpec spec = line.getCommandSpec();
        if (spec.findOption("--help") == null) {
            spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                    .description("show this help and exit").build());
        }
        UsageMessageSpec usage = spec.usageMessage();
        usage.synopsisHeading("usage: ").descriptionHeading("%n").optionListHeading("%noptions:%n").commandListHeading("%nsubcommands:%n")
                .sortOptions(false).sortSynopsis(false).width(100).abbreviateSynopsis(false);
        line.getSubcommands().values().forEach(Main::addHelp);
    }

    private static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, stream.charset()), true);
    }

    /** {@code matchwave} itself: the list of subcommands. */
    @Command(name = "matchwave", customSynopsis = "matchwave [<subcommand>] [options]",
            description = "with no subcommand: the bot when DISCORD_TOKEN is set, else the offline demo",
            footer = {"", "matchwave <subcommand> --help shows the options of one subcommand."})
    static final class Root implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            // Reached only with options and no subcommand, which run() has already sent to demo or bot.
            spec.commandLine().usage(spec.commandLine().getErr());
            return USAGE;
        }
    }

    /**
     * Usage help that writes an option's value as the docs and error messages do,
     * {@code --players N}; {@code --players=N} is accepted as well.
     */
    static final class SpacedLabelsHelp extends Help {

        SpacedLabelsHelp(CommandSpec spec, ColorScheme colors) {
            super(spec, colors);
        }

        @Override
        public IParamLabelRenderer parameterLabelRenderer() {
            IParamLabelRenderer labels = super.parameterLabelRenderer();
            return new IParamLabelRenderer() {
                @Override
                public Text renderParameterLabel(ArgSpec arg, Ansi ansi, List<IStyle> styles) {
                    Text label = labels.renderParameterLabel(arg, ansi, styles);
                    String separator = labels.separator();
                    if (!arg.isOption() || separator.isEmpty() || !label.plainString().startsWith(separator)) {
                        return label;
                    }
                    return ansi.new Text(" ").concat(label.substring(separator.length()));
                }

                @Override
                public String separator() {
                    return " ";
                }
            };
        }
    }
}
