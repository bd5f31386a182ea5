package dev.matchwave.discord.timing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Times one flow: each {@link #checkpoint} ends a named step that began at the previous
 * checkpoint (or at the start); {@link #finish} ends the flow and hands one
 * {@link FlowReport} to the listener. Start one with {@link FlowRecorder#start}.
 *
 * <p>Thread-safe: a flow may hop threads (a Discord callback finishes what a gateway thread
 * began). Never blocks; the listener runs on the thread that calls {@link #finish}.
 */
public final class FlowTimer {

    private final String flow;
    private final Ticker ticker;
    private final Optional<Duration> target;
    private final FlowListener listener;
    private final long startNanos;
    private final List<FlowReport.Step> steps = new ArrayList<>();
    private long lastNanos;
    private boolean finished;
    private Optional<String> targetUntil = Optional.empty();

    FlowTimer(String flow, Ticker ticker, Optional<Duration> target, FlowListener listener) {
        this(flow, ticker, target, listener, Duration.ZERO);
    }

    FlowTimer(String flow, Ticker ticker, Optional<Duration> target, FlowListener listener, Duration alreadyElapsed) {
        this.flow = flow;
        this.ticker = ticker;
        this.target = target;
        this.listener = listener;
        this.startNanos = ticker.read() - alreadyElapsed.toNanos();
        this.lastNanos = startNanos;
    }

    /**
     * Holds the target against the time up to the end of {@code step} instead of the total
     * (a wave's target is its phase 1; phase 2 is paced on purpose and may take seconds).
     *
     * @throws IllegalStateException if the flow has finished
     */
    public synchronized void targetUntil(String step) {
        FlowTargets.requireFlowName(step);
        requireRunning();
        targetUntil = Optional.of(step);
    }

    /** The flow's name. */
    public String flow() {
        return flow;
    }

    /**
     * Ends the step {@code step}: the time since the previous checkpoint (or the start).
     *
     * @throws IllegalStateException if the flow has finished
     */
    public void checkpoint(String step) {
        FlowTargets.requireFlowName(step);
        long now = ticker.read();
        synchronized (this) {
            requireRunning();
            // A ticker read on another thread may lag by a hair: never a negative step.
            long end = Math.max(now, lastNanos);
            steps.add(new FlowReport.Step(step, Duration.ofNanos(end - lastNanos)));
            lastNanos = end;
        }
    }

    /** Runs {@code work}, then ends the step {@code step}; returns what the work returned. */
    public <T> T time(String step, Supplier<T> work) {
        T result = work.get();
        checkpoint(step);
        return result;
    }

    /** Time since the start. */
    public Duration elapsed() {
        return Duration.ofNanos(Math.max(0, ticker.read() - startNanos));
    }

    /**
     * Ends the flow and hands its report to the listener.
     *
     * @param outcome how it ended, e.g. {@code ok}, {@code refused}, {@code error}
     * @throws IllegalStateException if the flow has finished already
     */
    public FlowReport finish(String outcome) {
        FlowTargets.requireFlowName(outcome);
        long now = ticker.read();
        FlowReport report;
        synchronized (this) {
            requireRunning();
            finished = true;
            long end = Math.max(now, lastNanos);
            report = new FlowReport(flow, outcome, Duration.ofNanos(end - startNanos), steps, target, targetUntil);
        }
        listener.flowFinished(report);
        return report;
    }

    /** Whether {@link #finish} was called. */
    public synchronized boolean finished() {
        return finished;
    }

    private void requireRunning() {
        if (finished) {
            throw new IllegalStateException("flow " + flow + " has finished already");
        }
    }

    @Override
    public String toString() {
        return "FlowTimer[" + flow + "]";
    }
}
