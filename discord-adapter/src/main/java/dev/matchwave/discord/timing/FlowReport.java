package dev.matchwave.discord.timing;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One finished flow: its total duration, the duration of each step in order, and whether it
 * was slower than its target.
 *
 * <p>Immutable and thread-safe.
 *
 * @param flow    the flow's name, e.g. {@code join}
 * @param outcome how it ended, e.g. {@code ok}, {@code refused}, {@code error}
 * @param total   from start to finish
 * @param steps   the steps in the order they ended; their durations add up to at most
 *                {@code total}, the rest is time after the last checkpoint
 * @param target  the flow's target, if it has one
 * @param targetUntil the step whose end the target is measured to, if not the finish: a wave's
 *                target is its phase 1 ("match found" sent), while the flow goes on to phase 2
 */
public record FlowReport(String flow, String outcome, Duration total, List<Step> steps, Optional<Duration> target,
                         Optional<String> targetUntil) {

    /** A flow whose target is measured to the finish. */
    public FlowReport(String flow, String outcome, Duration total, List<Step> steps, Optional<Duration> target) {
        this(flow, outcome, total, steps, target, Optional.empty());
    }

    /**
     * One step of a flow.
     *
     * @param name     e.g. {@code guards}, {@code database}, {@code render}, {@code discord}
     * @param duration from the previous checkpoint (or the start) to this one
     */
    public record Step(String name, Duration duration) {
        public Step {
            FlowTargets.requireFlowName(name);
            requireNotNegative("step " + name, duration);
        }
    }

    public FlowReport {
        FlowTargets.requireFlowName(flow);
        FlowTargets.requireFlowName(outcome);
        requireNotNegative("total", total);
        steps = List.copyOf(steps);
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(targetUntil, "targetUntil");
        targetUntil.ifPresent(FlowTargets::requireFlowName);
        Duration sum = steps.stream().map(Step::duration).reduce(Duration.ZERO, Duration::plus);
        if (sum.compareTo(total) > 0) {
            throw new IllegalArgumentException("the steps of flow " + flow + " add up to " + sum
                    + ", more than its total " + total);
        }
    }

    /**
     * What is held against the target: the time from the start to the end of the
     * {@link #targetUntil} step, or the total when there is none or the flow never reached it.
     */
    public Duration measured() {
        if (targetUntil.isEmpty()) {
            return total;
        }
        Duration upTo = Duration.ZERO;
        for (Step step : steps) {
            upTo = upTo.plus(step.duration());
            if (step.name().equals(targetUntil.get())) {
                return upTo;
            }
        }
        return total;
    }

    /** Whether the flow took longer than its target. */
    public boolean slow() {
        return target.isPresent() && measured().compareTo(target.get()) > 0;
    }

    /** The time after the last checkpoint, up to the finish. */
    public Duration untracked() {
        return steps.stream().map(Step::duration).reduce(total, Duration::minus);
    }

    /**
     * The flow on one line, in logfmt (key=value), milliseconds with one decimal:
     * {@code flow=join outcome=ok total_ms=612.4 target_ms=300.0 slow=true steps=guards:1.2,database:420.0,other:191.2}.
     * Steps are listed in order; {@code other} is the untracked time at the end, shown when
     * not zero.
     */
    public String logLine() {
        StringBuilder line = new StringBuilder(128)
                .append("flow=").append(flow)
                .append(" outcome=").append(outcome)
                .append(" total_ms=").append(millis(total));
        target.ifPresent(t -> line.append(" target_ms=").append(millis(t)));
        targetUntil.ifPresent(step -> line.append(" target_until=").append(step)
                .append(" measured_ms=").append(millis(measured())));
        line.append(" slow=").append(slow());
        line.append(" steps=");
        String separator = "";
        for (Step step : steps) {
            line.append(separator).append(step.name()).append(':').append(millis(step.duration()));
            separator = ",";
        }
        Duration rest = untracked();
        if (!rest.isZero()) {
            line.append(separator).append("other:").append(millis(rest));
        } else if (steps.isEmpty()) {
            line.append('-');
        }
        return line.toString();
    }

    private static String millis(Duration duration) {
        return String.format(Locale.ROOT, "%.1f", duration.toNanos() / 1_000_000.0);
    }

    private static void requireNotNegative(String what, Duration duration) {
        Objects.requireNonNull(duration, what);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative, got " + duration);
        }
    }
}
