package dev.matchwave.bot;

import java.util.List;
import java.util.Map;

/**
 * Subcommands that another module adds to the command line, found with {@link java.util.ServiceLoader}
 * (a {@code META-INF/services/dev.matchwave.bot.MoreCommands} entry). The bot itself ships none:
 * the {@code demo} module adds {@code demo} and {@code roles}, which drive the local Discord, so
 * that the production bot's classpath has no emulator (bot-app's enforcer rule checks it). The
 * {@code ./matchwave} launcher runs the demo module's jar, which has both.
 *
 * <p>An implementation is a public class with a public no-argument constructor in this package.
 */
interface MoreCommands {

    /** The picocli command objects to add, new for each run, writing to {@code streams}. */
    List<Object> commands(Map<String, String> environment, Streams streams);

    /** Whether these commands include {@code demo}, which {@code matchwave} runs when no token is set. */
    default boolean offlineDemo() {
        return false;
    }
}
