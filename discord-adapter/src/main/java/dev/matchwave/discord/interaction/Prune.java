package dev.matchwave.discord.interaction;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Objects;

/**
 * Which messages {@code /prune} deletes (docs/reference-ladder.md, "Commands": the bot's own
 * direct messages older than 3 hours): the bot's own, strictly older than {@link #AGE}; and how
 * ({@link #run}): the whole DM history is read page by page ({@value #PAGE} messages a request,
 * Discord's maximum),
 * back to the first message, then the chosen messages are deleted one at a time,
 * {@link #PACE} apart. A delete is a per-channel route that also counts toward the global
 * limit; the REST gate in front of JDA holds a delete back when the route's headers say so,
 * and the pace keeps {@code /prune} to a few of the bot's 50 requests a second even before
 * the headers are known. The deletes stop after {@link #TIME_BUDGET}, so the answer goes out
 * while the interaction token still lives (15 minutes); running {@code /prune} again deletes
 * the rest.
 *
 * <p>Stateless and thread-safe; {@link #run} blocks (on the history and the pauses).
 */
final class Prune {

    /** Messages younger than this are kept: a running match's messages stay. */
    public static final Duration AGE = Duration.ofHours(3);

    /** Messages a history request returns at most (Discord's limit for GET channel messages). */
    public static final int PAGE = 100;

    /** The pause between two deletes. */
    public static final Duration PACE = Duration.ofMillis(250);

    /** How long the deletes may run: the interaction token lives 15 minutes, the answer needs it. */
    public static final Duration TIME_BUDGET = Duration.ofMinutes(13);

    /** The DM channel as {@link #run} needs it: Discord behind it, a fake in tests. May block. */
    public interface History {
        /**
         * Up to {@code limit} messages older than the message {@code before} (the newest when
         * empty), newest first; fewer than {@code limit} at the start of the channel.
         */
        List<Sent> before(OptionalLong before, int limit);

        /** Deletes one message; throws when Discord refuses. */
        void delete(long messageId);
    }

    /** Waits between deletes: {@code Thread::sleep} on Discord, a clock's advance in tests. */
    @FunctionalInterface
    public interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    /**
     * What a prune did.
     *
     * @param examined     messages read from the history
     * @param deleted      messages deleted
     * @param failed       messages Discord did not delete (skipped)
     * @param left         messages chosen but not tried: the time budget ran out or the thread
     *                     was interrupted
     */
    public record Result(int examined, int deleted, int failed, int left) {
        public Result {
            if (examined < 0 || deleted < 0 || failed < 0 || left < 0) {
                throw new IllegalArgumentException("prune counts must not be negative");
            }
        }
    }

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

    /**
     * Reads the whole history, then deletes the bot's messages older than {@link #AGE} before
     * {@code now}, paced (class comment).
     *
     * @param now   the time the command was given (the cutoff is counted from it)
     * @param clock measures the time budget
     */
    public static Result run(History history, long botId, Instant now, InstantSource clock, Pause pause) {
        List<Long> doomed = new ArrayList<>();
        int examined = 0;
        OptionalLong cursor = OptionalLong.empty();
        while (true) {
            List<Sent> page = history.before(cursor, PAGE);
            if (page.isEmpty()) {
                break;
            }
            examined += page.size();
            doomed.addAll(toDelete(page, botId, now));
            // Snowflakes grow with time: the oldest message of the page is the next page's cursor.
            cursor = OptionalLong.of(page.stream().mapToLong(Sent::messageId).min().orElseThrow());
            if (page.size() < PAGE) {
                break;
            }
        }
        Instant start = clock.instant();
        int deleted = 0;
        int failed = 0;
        int tried = 0;
        for (long id : doomed) {
            if (tried > 0) {
                try {
                    pause.pause(PACE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (Duration.between(start, clock.instant()).compareTo(TIME_BUDGET) > 0) {
                break;
            }
            tried++;
            try {
                history.delete(id);
                deleted++;
            } catch (RuntimeException e) {
                failed++;
            }
        }
        return new Result(examined, deleted, failed, doomed.size() - tried);
    }

    /** The answer after a prune. */
    public static String answer(Result result) {
        String text = answer(result.deleted());
        if (result.failed() > 0) {
            text += " " + result.failed() + (result.failed() == 1 ? " message" : " messages")
                    + " could not be deleted.";
        }
        if (result.left() > 0) {
            text += " " + result.left() + " more to delete: run /prune again.";
        }
        return text;
    }

    /** The answer after deleting {@code deleted} messages. */
    public static String answer(int deleted) {
        return deleted == 0 ? "Nothing to delete: none of my messages here is older than 3 hours."
                : "Deleted " + deleted + (deleted == 1 ? " message" : " messages") + " of mine older than 3 hours.";
    }
}
