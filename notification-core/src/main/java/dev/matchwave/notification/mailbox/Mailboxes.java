package dev.matchwave.notification.mailbox;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.notification.Notification;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Every player's mailbox: the notifications published to him and not yet delivered, in the
 * order they were published.
 *
 * <p>The rules:
 * <ul>
 * <li>A player has at most one subscription. Subscribing again replaces (closes) the old one;
 * whatever it had not taken goes to the new one. Nothing moves between players.</li>
 * <li>A notification is delivered once: taken from a polling subscription, or passed to a
 * callback subscription's callback. Each player's notifications are delivered in publication
 * order.</li>
 * <li>Until then it is <em>pending</em>, visible through {@link #pending}, whether or not the
 * player listens. A pending notification leaves only by delivery, by expiry
 * ({@link MailboxConfig#expiry()} after publication) or by overflow (the oldest goes when
 * {@link MailboxConfig#capacity()} is exceeded); the last two are reported to the
 * {@link MailboxListener}. Nothing is lost silently.</li>
 * <li>A player with no subscription and nothing pending takes no memory: after any number of
 * subscribe/close cycles nothing is left behind.</li>
 * </ul>
 *
 * <p>Thread-safe. {@link #publish} never blocks on a slow listener: a callback runs on the
 * subscription's executor (the publishing thread for the direct form), one notification at a
 * time, outside every lock. Expiry is checked against the injected clock whenever a mailbox is
 * touched; {@link #purgeExpired} sweeps the mailboxes nobody touches.
 */
public final class Mailboxes {

    private final MailboxConfig config;
    private final InstantSource clock;
    private final MailboxListener listener;
    private final ConcurrentHashMap<PlayerId, Box> boxes = new ConcurrentHashMap<>();

    public Mailboxes(MailboxConfig config, InstantSource clock, MailboxListener listener) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Default settings ({@link MailboxConfig#defaults()}) and the given listener. */
    public static Mailboxes create(InstantSource clock, MailboxListener listener) {
        return new Mailboxes(MailboxConfig.defaults(), clock, listener);
    }

    /**
     * Publishes to {@link Notification#player()}: delivered to his subscription if he has one,
     * pending otherwise. Never blocks, except that a direct callback subscription runs the
     * callback on this thread.
     */
    public void publish(Notification notification) {
        Objects.requireNonNull(notification, "notification");
        Instant now = clock.instant();
        Entry entry = new Entry(notification, now.plus(config.expiry()));
        Discards discards = new Discards();
        Sub[] wake = new Sub[1];
        boxes.compute(notification.player(), (player, existing) -> {
            Box box = existing != null ? existing : new Box();
            box.lock.lock();
            try {
                box.expire(now, discards);
                box.undelivered.addLast(entry);
                if (box.undelivered.size() > config.capacity()) {
                    discards.add(box.undelivered.pollFirst(), Discard.OVERFLOW);
                }
                Sub subscriber = box.subscriber;
                if (subscriber != null) {
                    if (subscriber.callback == null) {
                        box.arrived.signal();
                    } else {
                        wake[0] = subscriber;
                    }
                }
            } finally {
                box.lock.unlock();
            }
            return box;
        });
        discards.report(listener);
        if (wake[0] != null) {
            wake[0].schedule();
        }
    }

    /** Subscribes a listener that takes its notifications ({@link Subscription#take}). */
    public Subscription subscribe(PlayerId player) {
        return subscribe(new Sub(player, null, null));
    }

    /**
     * Subscribes a callback that gets every notification, one at a time, in order, on the
     * thread that publishes it (or subscribes, for those already pending).
     */
    public Subscription subscribe(PlayerId player, Consumer<? super Notification> callback) {
        return subscribe(player, Runnable::run, callback);
    }

    /**
     * Subscribes a callback that gets every notification, one at a time, in order, on
     * {@code executor}. The executor must not reject tasks.
     */
    public Subscription subscribe(PlayerId player, Executor executor, Consumer<? super Notification> callback) {
        return subscribe(new Sub(player, Objects.requireNonNull(executor, "executor"),
                Objects.requireNonNull(callback, "callback")));
    }

    private Subscription subscribe(Sub subscription) {
        Instant now = clock.instant();
        Discards discards = new Discards();
        boxes.compute(subscription.player, (player, existing) -> {
            Box box = existing != null ? existing : new Box();
            box.lock.lock();
            try {
                box.expire(now, discards);
                Sub replaced = box.subscriber;
                if (replaced != null) {
                    replaced.open = false;
                }
                box.subscriber = subscription;
                subscription.box = box;
                box.arrived.signalAll();
            } finally {
                box.lock.unlock();
            }
            return box;
        });
        discards.report(listener);
        if (subscription.callback != null) {
            subscription.schedule();
        }
        return subscription;
    }

    /**
     * The player's undelivered notifications, oldest first (for example for a "/match"
     * command). Expired ones are discarded first. Does not deliver anything.
     */
    public List<Notification> pending(PlayerId player) {
        Objects.requireNonNull(player, "player");
        Instant now = clock.instant();
        Discards discards = new Discards();
        List<Notification> copy = new ArrayList<>();
        boxes.computeIfPresent(player, (p, box) -> {
            box.lock.lock();
            try {
                box.expire(now, discards);
                for (Entry entry : box.undelivered) {
                    copy.add(entry.notification);
                }
                return box.isIdle() ? null : box;
            } finally {
                box.lock.unlock();
            }
        });
        discards.report(listener);
        return List.copyOf(copy);
    }

    /** Whether the player has an open subscription. */
    public boolean isSubscribed(PlayerId player) {
        Box box = boxes.get(player);
        if (box == null) {
            return false;
        }
        box.lock.lock();
        try {
            return box.subscriber != null;
        } finally {
            box.lock.unlock();
        }
    }

    /**
     * Discards every expired notification of every player and forgets idle mailboxes. Cheap
     * enough to run every minute; the other methods expire lazily, mailbox by mailbox.
     *
     * @return how many notifications expired
     */
    public int purgeExpired() {
        Instant now = clock.instant();
        Discards discards = new Discards();
        for (PlayerId player : boxes.keySet()) {
            boxes.computeIfPresent(player, (p, box) -> {
                box.lock.lock();
                try {
                    box.expire(now, discards);
                    return box.isIdle() ? null : box;
                } finally {
                    box.lock.unlock();
                }
            });
        }
        discards.report(listener);
        return discards.count();
    }

    /** How many players have a subscription or something pending: what the mailboxes hold in memory. */
    public int mailboxCount() {
        return boxes.size();
    }

    private void close(Sub subscription) {
        if (!subscription.open) {
            return;
        }
        Instant now = clock.instant();
        Discards discards = new Discards();
        boxes.computeIfPresent(subscription.player, (player, box) -> {
            box.lock.lock();
            try {
                subscription.open = false;
                if (box.subscriber == subscription) {
                    box.subscriber = null;
                }
                box.arrived.signalAll();
                box.expire(now, discards);
                return box.isIdle() ? null : box;
            } finally {
                box.lock.unlock();
            }
        });
        discards.report(listener);
    }

    private record Entry(Notification notification, Instant expiresAt) {
    }

    /** One player's mailbox. Guarded by {@code lock}; created and removed inside the map's compute. */
    private static final class Box {
        final ReentrantLock lock = new ReentrantLock();
        final Condition arrived = lock.newCondition();
        final ArrayDeque<Entry> undelivered = new ArrayDeque<>(4);
        @Nullable Sub subscriber;

        /** Entries share one expiry, so they expire in publication order: only the head needs a look. */
        void expire(Instant now, Discards discards) {
            while (!undelivered.isEmpty() && !now.isBefore(undelivered.peekFirst().expiresAt)) {
                discards.add(undelivered.pollFirst(), Discard.EXPIRED);
            }
        }

        @Nullable Entry pollLive(Instant now, Discards discards) {
            expire(now, discards);
            return undelivered.pollFirst();
        }

        boolean isIdle() {
            return subscriber == null && undelivered.isEmpty();
        }
    }

    /** Discards noticed under a lock, reported after it is released. */
    private static final class Discards {
        private @Nullable List<Entry> entries;
        private @Nullable List<Discard> reasons;

        void add(Entry entry, Discard reason) {
            if (entries == null || reasons == null) {
                entries = new ArrayList<>(2);
                reasons = new ArrayList<>(2);
            }
            entries.add(entry);
            reasons.add(reason);
        }

        int count() {
            return entries == null ? 0 : entries.size();
        }

        void report(MailboxListener listener) {
            if (entries == null || reasons == null) {
                return;
            }
            for (int i = 0; i < entries.size(); i++) {
                listener.discarded(entries.get(i).notification, reasons.get(i));
            }
        }
    }

    private final class Sub implements Subscription {
        final PlayerId player;
        final @Nullable Executor executor;
        final @Nullable Consumer<? super Notification> callback;
        /** Written under the box lock; volatile so that {@link #isOpen} needs none. */
        volatile boolean open = true;
        /** Set once, inside the compute that registers this subscription, before anyone else sees it. */
        Box box;
        private final AtomicInteger pendingRuns = new AtomicInteger();

        Sub(PlayerId player, @Nullable Executor executor, @Nullable Consumer<? super Notification> callback) {
            this.player = Objects.requireNonNull(player, "player");
            this.executor = executor;
            this.callback = callback;
        }

        @Override
        public PlayerId player() {
            return player;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public Optional<Notification> take(Duration timeout) throws InterruptedException {
            requirePolling();
            long nanos = saturatedNanos(Objects.requireNonNull(timeout, "timeout"));
            Discards discards = new Discards();
            Notification taken = null;
            box.lock.lockInterruptibly();
            try {
                while (open) {
                    Entry entry = box.pollLive(clock.instant(), discards);
                    if (entry != null) {
                        taken = entry.notification;
                        break;
                    }
                    if (nanos <= 0) {
                        break;
                    }
                    nanos = box.arrived.awaitNanos(nanos);
                }
            } finally {
                box.lock.unlock();
                discards.report(listener);
            }
            return Optional.ofNullable(taken);
        }

        @Override
        public Optional<Notification> poll() {
            requirePolling();
            Entry entry = pollLive();
            return entry == null ? Optional.empty() : Optional.of(entry.notification);
        }

        /** The next notification still live, or null; what expired on the way is reported as discarded. */
        private @Nullable Entry pollLive() {
            Discards discards = new Discards();
            Entry entry;
            box.lock.lock();
            try {
                entry = open ? box.pollLive(clock.instant(), discards) : null;
            } finally {
                box.lock.unlock();
            }
            discards.report(listener);
            return entry;
        }

        private void requirePolling() {
            if (callback != null) {
                throw new IllegalStateException("this subscription delivers to its callback; take() and poll() are "
                        + "for subscriptions made with subscribe(player)");
            }
        }

        @Override
        public void close() {
            Mailboxes.this.close(this);
        }

        /** Runs the drain on the executor unless a run is already going; that run then goes on. */
        void schedule() {
            if (pendingRuns.getAndIncrement() == 0) {
                Objects.requireNonNull(executor).execute(this::drain);
            }
        }

        private void drain() {
            Consumer<? super Notification> target = Objects.requireNonNull(callback);
            int missed = 1;
            while (true) {
                while (true) {
                    Entry entry = pollLive();
                    if (entry == null) {
                        break;
                    }
                    try {
                        target.accept(entry.notification);
                    } catch (RuntimeException e) {
                        listener.callbackFailed(entry.notification, e);
                    }
                }
                missed = pendingRuns.addAndGet(-missed);
                if (missed == 0) {
                    return;
                }
            }
        }

        @Override
        public String toString() {
            return "Subscription[" + player + (callback == null ? ", polling" : ", callback")
                    + (open ? "" : ", closed") + "]";
        }
    }

    private static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException e) {
            return duration.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }
}
