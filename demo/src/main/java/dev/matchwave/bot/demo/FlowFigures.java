package dev.matchwave.bot.demo;

import dev.matchwave.discord.timing.FlowTargets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The server-side latency of one command flow over the run, against its target. Immutable.
 *
 * @param name       the flow, as {@link FlowTargets} names it (e.g. {@code join})
 * @param latency    the spread of the flow's server-side durations; its count is how many ran
 * @param target     the flow's target, if it has one
 * @param overTarget how many single flows took longer than the target (0 without a target)
 */
public record FlowFigures(String name, Spread latency, Optional<Duration> target, int overTarget) {

    public FlowFigures {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a flow's name must not be blank");
        }
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(target, "target");
        target.ifPresent(t -> {
            if (t.isNegative() || t.isZero()) {
                throw new IllegalArgumentException("target of flow " + name + " must be positive, got " + t);
            }
        });
        if (overTarget < 0 || overTarget > latency.count()) {
            throw new IllegalArgumentException("overTarget of flow " + name + " must be 0 to " + latency.count()
                    + ", got " + overTarget);
        }
        if (target.isEmpty() && overTarget != 0) {
            throw new IllegalArgumentException("flow " + name + " has no target, so overTarget must be 0, got "
                    + overTarget);
        }
    }

    /**
     * Whether the flow missed its target: its 95th percentile is above it. A target is a line
     * most flows stay under; a single slow flow is counted in {@link #overTarget()} but does not
     * fail the run.
     */
    public boolean missed() {
        return target.isPresent() && latency.p95().compareTo(target.get()) > 0;
    }
}
