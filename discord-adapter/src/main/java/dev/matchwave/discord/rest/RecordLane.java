package dev.matchwave.discord.rest;

import java.util.Objects;

/**
 * Marks the requests a piece of code queues with JDA as part of a player's durable record (the
 * match message in his DM while his live view is an interaction message): on the global budget,
 * they yield to every other request on it ({@link GatedRestRateLimiter}). JDA hands a request to
 * the rate limiter on the thread that queues it, so the mark is that thread's while
 * {@link #queue} runs.
 *
 * <p>What a player needs now (a "match found" that goes by DM because no token lives, an abort,
 * a result) is not marked: it never waits behind the record.
 */
public final class RecordLane {

    private static final ThreadLocal<Boolean> MARKED = new ThreadLocal<>();

    private RecordLane() {
    }

    /** Runs {@code queueing} (which queues JDA requests) with its requests marked as the record. */
    public static void queue(Runnable queueing) {
        Objects.requireNonNull(queueing, "queueing");
        Boolean before = MARKED.get();
        MARKED.set(Boolean.TRUE);
        try {
            queueing.run();
        } finally {
            if (before == null) {
                MARKED.remove();
            } else {
                MARKED.set(before);
            }
        }
    }

    /** Whether the requests queued now, on this thread, are the record. */
    static boolean marked() {
        return Boolean.TRUE.equals(MARKED.get());
    }
}
