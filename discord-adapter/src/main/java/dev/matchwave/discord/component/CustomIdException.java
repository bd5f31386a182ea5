package dev.matchwave.discord.component;

import java.util.Objects;

/**
 * A custom id that cannot be used: the message says why (for the log), {@link #userMessage()}
 * what to tell the player.
 */
public final class CustomIdException extends RuntimeException {

    /** Why a custom id was refused. */
    public enum Problem {
        /** Not one of the bot's ids at all. */
        FOREIGN,
        /** Made by an older (or newer) version of the bot. */
        STALE,
        /** The bot's prefix, but damaged or inconsistent. */
        MALFORMED
    }

    private final Problem problem;

    CustomIdException(Problem problem, String message) {
        super(message, null, false, false);
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public Problem problem() {
        return problem;
    }

    /** One sentence for the player: what happened and what to do. */
    public String userMessage() {
        return switch (problem) {
            case STALE -> "This button is from an older version of the bot and no longer works: run the command again.";
            case FOREIGN, MALFORMED -> "This button cannot be used: run the command again.";
        };
    }
}
