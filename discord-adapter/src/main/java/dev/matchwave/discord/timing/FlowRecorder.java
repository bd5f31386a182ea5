package dev.matchwave.discord.timing;

import java.time.Duration;
import java.util.Objects;

/**
 * Starts flow timers that share a ticker, the targets and a listener: one per bot.
 *
 * <p>Immutable and thread-safe; {@link #start} never blocks.
 *
 * <pre>{@code
 * FlowTimer flow = recorder.start(FlowTargets.JOIN);
 * guards.check(player);          flow.checkpoint("guards");
 * queue.join(player);            flow.checkpoint("database");
 * var message = render(view);    flow.checkpoint("render");
 * hook.editOriginal(message).queue(ok -> {
 *     flow.checkpoint("discord");
 *     flow.finish("ok");         // the listener gets one FlowReport: one log line
 * });
 * }</pre>
 */
public final class FlowRecorder {

    private final Ticker ticker;
    private final FlowTargets targets;
    private final FlowListener listener;

    public FlowRecorder(Ticker ticker, FlowTargets targets, FlowListener listener) {
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.targets = Objects.requireNonNull(targets, "targets");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Starts timing a flow now. */
    public FlowTimer start(String flow) {
        return new FlowTimer(FlowTargets.requireFlowName(flow), ticker, targets.target(flow), listener);
    }

    /**
     * Starts timing a flow that began {@code alreadyElapsed} ago, for work measured before the
     * recorder could be called (a wave's pairing, timed by the queue). Its first checkpoint
     * includes that time.
     */
    public FlowTimer startedAgo(String flow, Duration alreadyElapsed) {
        Objects.requireNonNull(alreadyElapsed, "alreadyElapsed");
        if (alreadyElapsed.isNegative()) {
            throw new IllegalArgumentException("alreadyElapsed must not be negative, got " + alreadyElapsed);
        }
        return new FlowTimer(FlowTargets.requireFlowName(flow), ticker, targets.target(flow), listener, alreadyElapsed);
    }

    public FlowTargets targets() {
        return targets;
    }
}
