package dev.matchwave.matchmaking.time;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a task once after a delay. Implementations are thread-safe; {@link #schedule} never
 * blocks and the task runs on a thread of the implementation's choosing.
 */
@FunctionalInterface
public interface Scheduler {

    /**
     * @param delay how long from now; zero or negative runs the task as soon as possible
     * @return a handle that cancels the task if it has not started
     */
    Cancellable schedule(Runnable task, Duration delay);

    /** A handle on a scheduled task. */
    @FunctionalInterface
    interface Cancellable {
        /** Cancels the task if it has not started; harmless when it already ran. */
        void cancel();
    }

    /** Schedules on the given executor, which the caller owns and shuts down. */
    static Scheduler forScheduledExecutorService(ScheduledExecutorService executor) {
        Objects.requireNonNull(executor, "executor");
        return (task, delay) -> {
            long nanos = Math.max(0, delay.toNanos());
            ScheduledFuture<?> future = executor.schedule(task, nanos, TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
        };
    }
}
