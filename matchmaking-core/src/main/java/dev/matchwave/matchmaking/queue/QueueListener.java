package dev.matchwave.matchmaking.queue;

/**
 * Hears {@link QueueEvent}s. Called after the fact, never while the queue's lock is held, on
 * the thread that noticed the event (the scheduler's or a wave's); it should return quickly.
 * An exception is logged and ignored.
 */
@FunctionalInterface
public interface QueueListener {

    void on(QueueEvent event);

    /** Hears nothing. */
    static QueueListener none() {
        return event -> { };
    }
}
