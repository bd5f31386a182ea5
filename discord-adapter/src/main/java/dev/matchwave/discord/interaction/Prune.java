package dev.matchwave.discord.interaction;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Which messages {@code /prune} deletes (LADDER.md: "deletes the bot's direct messages older
 * than 3 hours"): the bot's own, strictly older than {@link #AGE}. A pure rule; the router
 * reads the channel's history and deletes what it names.
 *
 * <p>Stateless and thread-safe.
 */
public final class Prune {

    /** Messages younger than this are kept: a running match's messages stay. */
    public static final Duration AGE = Duration.ofHours(3);

    /** How many of the latest messages {@code /prune} looks at. */
    public static final int HISTORY_LIMIT = 500;

    /** A message of the channel's history: who wrote it, when. */
    public record Sent(long messageId, long authorId, Instant createdAt) {
        public Sent {
            Objects.requireNonNull(createdAt, "createdAt");
        }
    }

    private Prune() {
    }

    /** The ids of the messages to delete: written by {@code botId}, created before {@code now - AGE}. */
    public static List<Long> toDelete(List<Sent> history, long botId, Instant now) {
        Instant cutoff = now.minus(AGE);
        return history.stream()
                .filter(m -> m.authorId() == botId && m.createdAt().isBefore(cutoff))
                .map(Sent::messageId)
                .toList();
    }

    /** The answer after deleting {@code deleted} messages. */
    public static String answer(int deleted) {
        return deleted == 0 ? "Nothing to delete: none of my messages here is older than 3 hours."
                : "Deleted " + deleted + (deleted == 1 ? " message" : " messages") + " of mine older than 3 hours.";
    }
}
