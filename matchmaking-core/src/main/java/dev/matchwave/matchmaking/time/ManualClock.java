package dev.matchwave.matchmaking.time;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * Virtual time for tests and simulations: a clock that moves only when told, and a scheduler
 * whose tasks run, in time order, on the thread that advances the clock.
 *
 * <p>Thread-safe: every method locks this object; tasks run outside the lock, so a task may
 * schedule more tasks or read the clock. Tasks due at the same instant run in the order they
 * were scheduled.
 */
public final class ManualClock implements InstantSource, Scheduler {

    private final PriorityQueue<Task> tasks = new PriorityQueue<>();
    private Instant now;
    private long sequence;

    public ManualClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    /** A clock at the given Unix second. */
    public static ManualClock atEpochSecond(long epochSecond) {
        return new ManualClock(Instant.ofEpochSecond(epochSecond));
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public synchronized Cancellable schedule(Runnable task, Duration delay) {
        Objects.requireNonNull(task, "task");
        Duration wait = delay.isNegative() ? Duration.ZERO : delay;
        Task entry = new Task(now.plus(wait), sequence++, task);
        tasks.add(entry);
        return () -> {
            synchronized (ManualClock.this) {
                tasks.remove(entry);
            }
        };
    }

    /** Moves the clock forward, running every task that falls due on the way, in order. */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time does not go backwards: " + duration);
        }
        Instant target;
        synchronized (this) {
            target = now.plus(duration);
        }
        advanceTo(target);
    }

    /** Moves the clock to {@code target} (not backwards), running due tasks in order. */
    public void advanceTo(Instant target) {
        while (true) {
            Task next;
            synchronized (this) {
                if (target.isBefore(now)) {
                    throw new IllegalArgumentException("time does not go backwards: " + target + " < " + now);
                }
                next = tasks.peek();
                if (next == null || next.due.isAfter(target)) {
                    now = target;
                    return;
                }
                tasks.poll();
                now = next.due;
            }
            next.task.run();
        }
    }

    /** Runs the tasks due now (scheduled with no delay) without moving the clock. */
    public void runDue() {
        advance(Duration.ZERO);
    }

    /** How many tasks wait to run. */
    public synchronized int pendingTasks() {
        return tasks.size();
    }

    /** When the pending tasks fall due, earliest first. */
    public synchronized List<Instant> pendingDueTimes() {
        List<Task> sorted = new ArrayList<>(tasks);
        sorted.sort(null);
        return sorted.stream().map(t -> t.due).toList();
    }

    private record Task(Instant due, long sequence, Runnable task) implements Comparable<Task> {
        @Override
        public int compareTo(Task other) {
            int byTime = due.compareTo(other.due);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }
}
