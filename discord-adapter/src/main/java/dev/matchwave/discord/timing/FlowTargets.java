package dev.matchwave.discord.timing;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How long each flow may take on the server before it is flagged as slow. A flow without a
 * target is never flagged.
 *
 * <p>The defaults are the reference bot's targets (docs/bot.md, "Flow timing"), measured
 * server-side: {@value #QUEUE_COMMAND} 150 ms, {@value #JOIN} 300 ms, {@value #CONFIRM} 200 ms,
 * {@value #MATCH_NOTIFICATION} 200 ms, {@value #RESULT_CONFIRM} 200 ms. A {@value #WAVE} has none
 * here; the bot gives it the match notification's target, measured to its phase 1
 * ({@link FlowTimer#targetUntil}).
 *
 * <p>Immutable and thread-safe.
 */
public final class FlowTargets {

    /** The /queue command, up to the response with the queue view. */
    public static final String QUEUE_COMMAND = "queue_command";
    /** The join button, up to the "Searching..." message. */
    public static final String JOIN = "join";
    /** The Confirm of a found match, up to Discord's answer to what the ladder said (a follow-up). */
    public static final String CONFIRM = "confirm";
    /** A match found, up to both players' "match found" messages. */
    public static final String MATCH_NOTIFICATION = "match_notification";
    /** The result confirm select, up to the updated match view. */
    public static final String RESULT_CONFIRM = "result_confirm";
    /** One wave: pairing, storing the matches, handing them to the dispatcher. */
    public static final String WAVE = "wave";

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    private static final FlowTargets DEFAULTS = new FlowTargets(Map.of(
            QUEUE_COMMAND, Duration.ofMillis(150),
            JOIN, Duration.ofMillis(300),
            CONFIRM, Duration.ofMillis(200),
            MATCH_NOTIFICATION, Duration.ofMillis(200),
            RESULT_CONFIRM, Duration.ofMillis(200)));

    private static final FlowTargets NONE = new FlowTargets(Map.of());

    private final Map<String, Duration> targets;

    private FlowTargets(Map<String, Duration> targets) {
        TreeMap<String, Duration> copy = new TreeMap<>();
        targets.forEach((flow, target) -> {
            requireFlowName(flow);
            Objects.requireNonNull(target, "target");
            if (target.isNegative() || target.isZero()) {
                throw new IllegalArgumentException("target of flow '" + flow + "' must be positive, got " + target);
            }
            copy.put(flow, target);
        });
        this.targets = Collections.unmodifiableMap(copy);
    }

    /** The targets of performance-timing.md. */
    public static FlowTargets defaults() {
        return DEFAULTS;
    }

    /** No targets: nothing is ever flagged. */
    public static FlowTargets none() {
        return NONE;
    }

    /** Exactly these targets. */
    public static FlowTargets of(Map<String, Duration> targets) {
        return new FlowTargets(targets);
    }

    /** These targets with one flow's target set or replaced. */
    public FlowTargets with(String flow, Duration target) {
        TreeMap<String, Duration> copy = new TreeMap<>(targets);
        copy.put(flow, target);
        return new FlowTargets(copy);
    }

    /** The target of a flow, if it has one. */
    public Optional<Duration> target(String flow) {
        return Optional.ofNullable(targets.get(flow));
    }

    /** Every flow with a target, by name. */
    public Map<String, Duration> asMap() {
        return targets;
    }

    /**
     * Checks a flow or step name: lower-case letters, digits and underscores, starting with a
     * letter, at most 64 characters (they become log keys and metric tags).
     */
    static String requireFlowName(String name) {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a flow or step name is lower-case letters, digits and '_', "
                    + "starting with a letter, at most 64 characters; got '" + name + "'");
        }
        return name;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof FlowTargets other && targets.equals(other.targets);
    }

    @Override
    public int hashCode() {
        return targets.hashCode();
    }

    @Override
    public String toString() {
        return "FlowTargets" + targets;
    }
}
