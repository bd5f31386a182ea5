package dev.matchwave.bot;

import java.util.List;
import java.util.Map;

/** The demo module's subcommands on the matchwave command line: {@code demo} and {@code roles}. */
public final class DemoCommands implements MoreCommands {

    /** For {@link java.util.ServiceLoader}. */
    public DemoCommands() {
    }

    @Override
    public List<Object> commands(Map<String, String> environment, Streams streams) {
        return List.of(new DemoCommand(environment, streams), new RolesCommand(streams));
    }

    @Override
    public boolean offlineDemo() {
        return true;
    }
}
