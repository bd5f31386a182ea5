package dev.matchwave.notification.mailbox;

import dev.matchwave.notification.Notification;
import java.util.ArrayList;
import java.util.List;

/** A listener that remembers what it heard. Thread-safe. */
final class Recorder implements MailboxListener {

    record Discarded(Notification notification, Discard reason) {
    }

    private final List<Discarded> discarded = new ArrayList<>();
    private final List<Notification> callbackFailures = new ArrayList<>();

    @Override
    public synchronized void discarded(Notification notification, Discard reason) {
        discarded.add(new Discarded(notification, reason));
    }

    @Override
    public synchronized void callbackFailed(Notification notification, RuntimeException failure) {
        callbackFailures.add(notification);
    }

    synchronized List<Discarded> discarded() {
        return List.copyOf(discarded);
    }

    synchronized List<Notification> callbackFailures() {
        return List.copyOf(callbackFailures);
    }
}
