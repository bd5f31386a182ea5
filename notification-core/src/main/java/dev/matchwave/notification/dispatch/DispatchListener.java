package dev.matchwave.notification.dispatch;

/**
 * Hears what the dispatcher did: the place to hang metrics and alerts (the core has no
 * metrics library). Called outside the dispatcher's locks, on whatever thread settled the
 * last send; must be thread-safe and quick.
 */
public interface DispatchListener {

    /** Hears nothing. */
    DispatchListener NONE = new DispatchListener() {
    };

    /** A wave is done: every send succeeded or failed for good. */
    default void waveDone(WaveFigures figures) {
    }

    /** A notification failed for good; it has been kept as pending. */
    default void undelivered(Undelivered undelivered) {
    }
}
