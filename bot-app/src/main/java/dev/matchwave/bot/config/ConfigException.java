package dev.matchwave.bot.config;

import java.util.List;

/**
 * The configuration cannot be used. Each problem is one line that names the setting, where its
 * value came from, what is wrong and what is expected; the message is those lines.
 */
public final class ConfigException extends RuntimeException {

    private final List<String> problems;

    ConfigException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems), null, false, false);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** One line per problem, in the order of the settings. */
    public List<String> problems() {
        return problems;
    }
}
