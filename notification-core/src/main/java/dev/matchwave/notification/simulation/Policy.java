package dev.matchwave.notification.simulation;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** How the simulated wave is paced. */
public enum Policy {
    /** Phase 2 paced by the Discord rate limiter ({@code RateLimiter.discord}). */
    LIMITER("limiter"),
    /** The policy first proposed for the old bot (docs/notifications.md): 10 matches a batch, 1 s apart, no limiter. */
    FIXED_BATCH("fixed-batch"),
    /** The old behaviour: every request as soon as it may go, no coordination; retries after 429s. */
    NAIVE("naive");

    private final String cliName;

    Policy(String cliName) {
        this.cliName = cliName;
    }

    /** The name on the command line. */
    public String cliName() {
        return cliName;
    }

    /** The policy with this command-line name. */
    public static Optional<Policy> byCliName(String name) {
        return Arrays.stream(values()).filter(p -> p.cliName.equals(name)).findFirst();
    }

    /** The command-line names, for messages: "limiter, fixed-batch, naive". */
    public static String cliNames() {
        return Arrays.stream(values()).map(Policy::cliName).collect(Collectors.joining(", "));
    }
}
