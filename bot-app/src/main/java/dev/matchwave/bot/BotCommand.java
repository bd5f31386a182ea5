package dev.matchwave.bot;

import org.jspecify.annotations.Nullable;
import dev.matchwave.bot.config.BotConfig;
import dev.matchwave.bot.config.BotConfigLoader;
import dev.matchwave.bot.config.ConfigException;
import dev.matchwave.bot.ladder.PairingBound;
import dev.matchwave.bot.ladder.DiscordBot;
import dev.matchwave.bot.web.LadderWebsite;
import dev.matchwave.bot.web.LiveFigures;
import dev.matchwave.matchmaking.pairing.Pairers;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * {@code matchwave bot}: the Discord ladder bot. Reads and checks the configuration
 * ({@code --check} stops there), then runs {@link DiscordBot} until Ctrl-C, which closes it in
 * order (no wave half-done, the embedded database stopped). Without a token it says so. On a
 * shared database it may first stand by for the ladder's lease (docs/operations.md); if it loses
 * the lease while leading it stops and exits with {@value #EXIT_LEASE_LOST}, for a supervisor
 * to restart it as a standby.
 */
@Command(name = "bot",
        description = {"run the Discord ladder bot (settings: docs/bot.md; --check only checks them)", "",
                "Settings come from environment variables or the properties file FILE (or the file named by"
                        + " MATCHWAVE_CONFIG); see docs/bot.md."})
final class BotCommand implements Callable<Integer> {

    /** The exit code after the bot lost the ladder's lease (taken by another process, or not renewed in time). */
    static final int EXIT_LEASE_LOST = 3;

    @Option(names = "--check", description = "read and check the settings, print them (no secrets) and stop")
    boolean checkOnly;

    @Option(names = "--config", paramLabel = "FILE", description = "a properties file with the settings")
    @Nullable Path configFile;

    // Kept to answer them in the bot's own words: its settings are environment variables.
    @Unmatched
    List<String> unknown = new ArrayList<>();

    private final Map<String, String> environment;
    private final Streams streams;

    /** Reads the settings from {@code environment} (and the file it or --config names). */
    BotCommand(Map<String, String> environment, Streams streams) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        this.streams = Objects.requireNonNull(streams, "streams");
    }

    @Override
    public Integer call() {
        PrintStream out = streams.out();
        PrintStream err = streams.err();
        if (!unknown.isEmpty()) {
            throw new UsageException("unknown argument '" + unknown.get(0) + "'; expected nothing, --check or"
                    + " --config FILE (the other settings come from environment variables or that file)");
        }
        BotConfig config;
        try {
            config = new BotConfigLoader().loadWithOption(Optional.ofNullable(configFile), environment);
        } catch (ConfigException e) {
            // One line per problem, each naming the setting: nothing else, no stack trace.
            e.problems().forEach(problem -> err.println("matchwave bot: " + problem));
            return Main.USAGE;
        }
        out.println("matchwave bot: settings ok: " + config);
        if (checkOnly) {
            return 0;
        }
        if (!config.online()) {
            err.println("matchwave bot: no DISCORD_TOKEN set (docs/bot.md); matchwave demo runs the offline demo without one");
            return 1;
        }
        return runBot(config, out, err);
    }

    /** Runs the bot until Ctrl-C (a JVM shutdown hook closes it in order). */
    private static int runBot(BotConfig config, PrintStream out, PrintStream err) {
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean leaseLost = new AtomicBoolean();
        LiveFigures live = new LiveFigures((queue, rules) -> PairingBound.of(queue, rules).maxPairs());
        DiscordBot bot = DiscordBot.builder(config).onLeaseLost(() -> {
            leaseLost.set(true);
            stopped.countDown();
        }).waveObserver(live).pairer(live.watching(Pairers.optimal())).build();
        AtomicReference<LadderWebsite> site = new AtomicReference<>();
        Thread hook = new Thread(() -> {
            LadderWebsite running = site.getAndSet(null);
            if (running != null) {
                running.close();
            }
            bot.close();
            live.close();
            stopped.countDown();
        }, "matchwave-shutdown");
        try {
            bot.start();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("matchwave bot: interrupted while connecting");
            return 1;
        } catch (RuntimeException e) {
            // One line: what failed and why (a refused token, an unreachable database).
            err.println("matchwave bot: could not start: " + e.getMessage());
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(hook);
        if (config.web().isPresent()) {
            try {
                site.set(LadderWebsite.start(bot, live, config.web().get()));
                out.println("matchwave bot: web pages on " + site.get().url());
            } catch (RuntimeException e) {
                err.println("matchwave bot: could not start the web pages: " + e.getMessage());
                return 1;
            }
        }
        out.println("matchwave bot: running; Ctrl-C stops it");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (leaseLost.get()) {
            err.println("matchwave bot: stopped: it lost the ladder's lease (the log says why); restart it to"
                    + " stand by");
            return EXIT_LEASE_LOST;
        }
        return 0;
    }
}
