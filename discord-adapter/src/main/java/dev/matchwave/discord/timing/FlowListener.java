package dev.matchwave.discord.timing;

import java.util.Objects;

/**
 * Receives every finished flow: the bot logs it and records it in its metrics. Called on the
 * thread that finished the flow; implementations must be thread-safe and must not block.
 */
@FunctionalInterface
public interface FlowListener {

    void flowFinished(FlowReport report);

    /** Ignores every report. */
    static FlowListener ignoring() {
        return report -> { };
    }

    /** Hands each report to this listener, then to {@code next}. */
    default FlowListener andThen(FlowListener next) {
        Objects.requireNonNull(next, "next");
        return report -> {
            flowFinished(report);
            next.flowFinished(report);
        };
    }
}
