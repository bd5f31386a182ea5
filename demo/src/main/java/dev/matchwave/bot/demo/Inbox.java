package dev.matchwave.bot.demo;

import dev.matchwave.emulator.MessageEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The message changes one scripted player sees, in the emulator's order, as the
 * {@link MessageFeed} hands them over; the player's script waits here instead of in the
 * emulator, so hundreds of players do not each re-render what they see on every change.
 *
 * <p>Thread-safe: the feed adds, the player's own thread waits. {@link #await} blocks.
 */
final class Inbox {

    private final String owner;
    private final List<MessageEvent> events = new ArrayList<>();
    private boolean closed;

    Inbox(String owner) {
        this.owner = Objects.requireNonNull(owner, "owner");
    }

    /** Whose inbox it is (his Discord user name). */
    String owner() {
        return owner;
    }

    synchronized void add(MessageEvent event) {
        events.add(event);
        notifyAll();
    }

    /** Where the next change will be: wait from here for what an action causes. */
    synchronized int mark() {
        return events.size();
    }

    /** Wakes every waiter with {@link Stopped}: the demo is over. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }

    /**
     * The first change from {@code from} on that matches.
     *
     * @throws Stopped        if the inbox was closed
     * @throws DemoTimeout    if none came within {@code timeout}
     */
    synchronized MessageEvent await(int from, Predicate<MessageEvent> condition, Duration timeout, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int next = from;
        while (true) {
            for (; next < events.size(); next++) {
                if (condition.test(events.get(next))) {
                    return events.get(next);
                }
            }
            if (closed) {
                throw new Stopped(what);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new DemoTimeout(owner + " waited " + timeout.toSeconds() + " s for " + what + " in vain");
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** The demo is over: a waiting player stops; the message says what he was waiting for. */
    static final class Stopped extends RuntimeException {
        Stopped(String waitingFor) {
            super(waitingFor, null, false, false);
        }
    }

    /** A player did not see what he waited for in time. */
    static final class DemoTimeout extends RuntimeException {
        DemoTimeout(String message) {
            super(message, null, false, false);
        }
    }
}
