package dev.matchwave.bot.monitoring;

import dev.matchwave.discord.timing.FlowListener;
import dev.matchwave.discord.timing.FlowReport;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one line per finished flow: at INFO, or at WARN when the flow was slower than its
 * target, so {@code grep slow=true} or a WARN filter finds the slow ones.
 *
 * <p>Thread-safe when its sinks are (SLF4J loggers are); never blocks beyond the sinks.
 */
public final class FlowLog implements FlowListener {

    /** The logger name: set its level to WARN to keep only the slow flows. */
    public static final String LOGGER = "matchwave.flow";

    private final Consumer<String> info;
    private final Consumer<String> warn;

    /** Lines to these sinks (tests). */
    public FlowLog(Consumer<String> info, Consumer<String> warn) {
        this.info = Objects.requireNonNull(info, "info");
        this.warn = Objects.requireNonNull(warn, "warn");
    }

    /** Lines to the SLF4J logger {@value #LOGGER}. */
    public static FlowLog toSlf4j() {
        Logger logger = LoggerFactory.getLogger(LOGGER);
        return new FlowLog(logger::info, logger::warn);
    }

    @Override
    public void flowFinished(FlowReport report) {
        (report.slow() ? warn : info).accept(report.logLine());
    }
}
