package dev.matchwave.bot.e2e;

import dev.matchwave.matchmaking.time.ManualClock;
import dev.matchwave.matchmaking.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The ladder's time in an end-to-end test: a {@link ManualClock} that moves only when the test
 * says ({@link #advance}), so waves, reminders and the confirmation timeout happen when the test
 * wants them, without waiting for them.
 *
 * <p>Unlike a unit test, the bot does part of its work on other threads (JDA's callbacks, the
 * interaction handlers), and those schedule follow-up tasks with no delay (the dispatcher's next
 * step, a notification): a pump thread runs the tasks that are due "now" every few milliseconds,
 * as a real executor would. Time itself never moves by itself. The pump and {@link #advance}
 * take turns (one lock), so tasks still run one at a time and in order.
 *
 * <p>Thread-safe. Start it near the real time: JDA judges an interaction's age on the system
 * clock, and the emulator on its own.
 */
final class VirtualTime implements InstantSource, Scheduler, AutoCloseable {

    private final ManualClock clock;
    private final ReentrantLock turn = new ReentrantLock();
    private final Thread pump;
    private volatile boolean closed;

    /**
     * Virtual time just after the last wave slot before now (waves fall on multiples of the
     * interval), so that the first wave comes only when a test advances to it.
     */
    VirtualTime(Duration waveInterval) {
        long interval = waveInterval.toMillis();
        long now = System.currentTimeMillis();
        this.clock = new ManualClock(Instant.ofEpochMilli(Math.floorDiv(now, interval) * interval + 1));
        this.pump = Thread.ofPlatform().name("virtual-time-pump").daemon(true).start(this::pump);
    }

    private void pump() {
        while (!closed) {
            turn.lock();
            try {
                clock.runDue();
            } catch (RuntimeException e) {
                // A task's own failure; the ladder logs its own. The pump goes on.
            } finally {
                turn.unlock();
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    @Override
    public Instant instant() {
        return clock.instant();
    }

    @Override
    public Cancellable schedule(Runnable task, Duration delay) {
        return clock.schedule(task, delay);
    }

    /** Moves time forward, running every task due on the way on this thread (a wave, a timeout). */
    void advance(Duration duration) {
        turn.lock();
        try {
            clock.advance(duration);
        } finally {
            turn.unlock();
        }
    }

    /** Moves time to {@code target}. */
    void advanceTo(Instant target) {
        turn.lock();
        try {
            clock.advanceTo(target);
        } finally {
            turn.unlock();
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            pump.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
