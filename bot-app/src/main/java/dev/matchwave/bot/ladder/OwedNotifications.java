package dev.matchwave.bot.ladder;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.match.Match;
import dev.matchwave.matchmaking.ladder.match.MatchEvent;
import dev.matchwave.matchmaking.ladder.match.MatchState;
import dev.matchwave.notification.ConfirmReminder;
import dev.matchwave.notification.MatchAborted;
import dev.matchwave.notification.MatchCompleted;
import dev.matchwave.notification.MatchConflict;
import dev.matchwave.notification.MatchDetails;
import dev.matchwave.notification.MatchFound;
import dev.matchwave.notification.MatchInfo;
import dev.matchwave.notification.Notification;
import dev.matchwave.persistence.outbox.NotificationOutbox;
import dev.matchwave.persistence.outbox.OutboxMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the ladder owes its players, kept in the PostgreSQL outbox from the moment it is decided
 * until Discord has accepted it (issue 12, "Nothing owed is forgotten").
 *
 * <ul>
 *   <li>A wave's "match found" and match message for each of its players are added inside the
 *       wave's transaction ({@link #oweWave}): the matches and what they owe commit together.</li>
 *   <li>The messages of a match's life (abort, result, conflict, resolution, and the match
 *       message showing the details once both confirmed) are added inside the transaction of
 *       the change that causes them ({@link #oweInTransaction}): the change and what it owes
 *       commit together. A reminder, which changes nothing, is added when it fires
 *       ({@link #oweEvent}). One already owed or delivered (a reminder re-armed after a
 *       restart) is not sent again. The edit of the match message when the
 *       opponent reported is a refresh, not owed: a refresh lost in a crash leaves the message
 *       one state behind until the player's next click renders it anew (docs/bot.md says so).</li>
 *   <li>Each message Discord accepted is marked delivered ({@link #delivered}) by one marking
 *       thread, in batches of what came within {@link #MARK_GATHERING} of the first.</li>
 *   <li>At start, what is still pending is sent again, oldest first ({@link #owed}): a message
 *       is rebuilt from the stored match (so it shows the current state), or dropped as obsolete
 *       when its match moved on (a "match found" of a match that started or ended).</li>
 * </ul>
 *
 * <p>Every key names what the message is, so adding is idempotent and a message create made
 * again after a crash carries the same Discord nonce (discord-adapter's {@code JdaMessenger}):
 * the player sees it once.
 *
 * <p>Thread-safe: {@link #oweWave} runs on the wave's thread, {@link #oweEvent} on the thread
 * that changed the match, {@link #delivered} on any; the keys of messages in flight are a
 * concurrent map, and the marking thread is the only one that writes delivery marks.
 */
final class OwedNotifications implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OwedNotifications.class);
    /** Pending messages read at start, at most. */
    static final int REPLAY_LIMIT = 100_000;
    /**
     * How long the marking thread gathers delivery marks after the first of a batch (real time:
     * it paces writes, nothing a player waits for). A crash loses at most these marks besides
     * the batch being written; their messages are sent again and their nonces dedupe them.
     */
    static final Duration MARK_GATHERING = Duration.ofMillis(100);
    /** Delivery marks written in one statement, at most. */
    static final int MARK_BATCH = 1000;

    private final NotificationOutbox outbox;
    private final InstantSource clock;
    /** Keys of the messages of a match's life in flight, by the notification sent. */
    private final Map<Notification, String> keyOfEvent = new ConcurrentHashMap<>();
    private final LinkedBlockingQueue<String> toMark = new LinkedBlockingQueue<>();
    /** Keys marked delivered and not yet written (or failed): with the outbox, what Discord accepted. */
    private final Set<String> unwritten = ConcurrentHashMap.newKeySet();
    /** Marks queued and marks handled (written or failed), for {@link #flush}; guarded by {@link #handledLock}. */
    private long queuedMarks;
    private long handledMarks;
    private final Object handledLock = new Object();
    private final Thread marker;
    private volatile boolean closed;

    OwedNotifications(NotificationOutbox outbox, InstantSource clock) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.marker = Thread.ofPlatform().name("matchwave-outbox-marker").daemon(true).start(this::markLoop);
    }

    // --- keys -----------------------------------------------------------------------------

    static String foundKey(long match, PlayerId player) {
        return "found:" + match + ":" + player.value();
    }

    static String detailsKey(long match, PlayerId player) {
        return "details:" + match + ":" + player.value();
    }

    /** The key of a wave's message: its "match found" or its match message. */
    private static Optional<String> waveKey(Notification notification) {
        return switch (notification) {
            case MatchFound found -> Optional.of(foundKey(found.matchId(), found.player()));
            case MatchDetails details -> Optional.of(detailsKey(details.matchId(), details.player()));
            default -> Optional.empty();
        };
    }

    /** The key of a message a match event causes: what happened, to which match, for whom. */
    static String eventKey(MatchEvent event, Notification notification) {
        String what = switch (event) {
            case MatchEvent.MatchStarted started -> "started";
            case MatchEvent.ResultReported reported -> "reported";
            case MatchEvent.ConfirmReminder reminder -> "reminder";
            case MatchEvent.MatchAborted aborted -> "aborted";
            case MatchEvent.MatchTimedOut timedOut -> "aborted";
            case MatchEvent.MatchCompleted completed -> "completed";
            case MatchEvent.MatchConflict conflict -> "conflict";
            // An admin may resolve a match more than once: each resolution is told.
            case MatchEvent.MatchResolved resolved -> "resolved@" + resolved.match().version();
            default -> event.getClass().getSimpleName();
        };
        return what + ":" + notification.matchId() + ":" + notification.player().value();
    }

    // --- owing ----------------------------------------------------------------------------

    /**
     * Adds what a wave's matches owe their players; on the wave's thread, inside the wave's
     * transaction when the queue store shares it (PostgreSQL).
     */
    void oweWave(List<Match> created, Function<PlayerId, Optional<String>> searchOf) {
        List<NotificationOutbox.Entry> entries = new ArrayList<>(4 * created.size());
        for (Match match : created) {
            for (PlayerId player : match.players()) {
                // The searching message "match found" goes into: after a crash the next process
                // edits the same message (an edit shows nothing twice) instead of sending a DM.
                entries.add(new NotificationOutbox.Entry(player, "match_found", searchOf.apply(player).orElse(""),
                        foundKey(match.id().value(), player)));
            }
        }
        for (Match match : created) {
            for (PlayerId player : match.players()) {
                entries.add(new NotificationOutbox.Entry(player, "match_details", "",
                        detailsKey(match.id().value(), player)));
            }
        }
        outbox.addAll(entries, clock.instant());
    }

    /**
     * Adds the messages an event causes and returns those to send now: not the ones owed or
     * delivered already. When the outbox cannot be written, they are sent anyway (the player
     * is told; only a crash before delivery could lose them) and the failure is logged.
     */
    List<Notification> oweEvent(MatchEvent event, List<Notification> notifications) {
        return toSend(event, notifications, add(event, notifications));
    }

    /** Which of an event's owed messages to send: those just added, or all when the outbox failed. */
    private record Added(Set<String> keys, boolean all) {
    }

    /** Adds the owed messages of {@code notifications} to the outbox; what was added. */
    private Added add(MatchEvent event, List<Notification> notifications) {
        List<NotificationOutbox.Entry> entries = new ArrayList<>();
        for (Notification notification : notifications) {
            if (owed(event, notification)) {
                entries.add(new NotificationOutbox.Entry(notification.player(), kind(notification), payload(notification),
                        eventKey(event, notification)));
            }
        }
        if (entries.isEmpty()) {
            return new Added(Set.of(), false);
        }
        try {
            return new Added(outbox.addAll(entries, clock.instant()), false);
        } catch (RuntimeException e) {
            LOG.warn("the outbox could not keep the {} messages of {} on match {}: {}; sending them anyway",
                    entries.size(), event.getClass().getSimpleName(), event.match().id(), e.getMessage());
            return new Added(Set.of(), true);
        }
    }

    /**
     * Whether a message is owed (kept in the outbox until delivered). The match message's details
     * after the opponent reported are a refresh, not owed: a replay minutes later could not find
     * the message again and would make a second one.
     */
    private static boolean owed(MatchEvent event, Notification notification) {
        return !(notification instanceof MatchDetails) || event instanceof MatchEvent.MatchStarted;
    }

    /** Of {@code notifications}, the refreshes and the owed messages {@code added} says to send, remembered for their marks. */
    private List<Notification> toSend(MatchEvent event, List<Notification> notifications, Added added) {
        List<Notification> send = new ArrayList<>();
        for (Notification notification : notifications) {
            if (!owed(event, notification)) {
                send.add(notification);
                continue;
            }
            String key = eventKey(event, notification);
            if (added.all()) {
                send.add(notification);
            } else if (added.keys().contains(key)) {
                keyOfEvent.put(notification, key);
                send.add(notification);
            }
        }
        return send;
    }

    /**
     * What {@link #oweInTransaction} added, by event, on the thread that changed the match; its
     * {@link #owedInTransaction} takes it after the commit. An entry whose change then failed
     * stays until the thread ends or the map is cleared at its next use past {@link #KEPT_AT_MOST}.
     */
    private final ThreadLocal<Map<MatchEvent, Added>> addedInTransaction =
            ThreadLocal.withInitial(java.util.IdentityHashMap::new);
    private static final int KEPT_AT_MOST = 64;

    /**
     * Adds an event's owed messages inside the transaction of the change that causes it (the
     * lifecycle's {@code owe}): the rows commit with the change, or neither does. Only the
     * messages' keys and kinds are written, so {@code notifications} may be made without reading
     * anything (no second connection while the transaction holds one); the ones to send are
     * chosen after the commit by {@link #owedInTransaction}.
     */
    void oweInTransaction(MatchEvent event, List<Notification> notifications) {
        Map<MatchEvent, Added> byEvent = addedInTransaction.get();
        if (byEvent.size() >= KEPT_AT_MOST) {
            byEvent.clear(); // changes that failed after owing: nothing of theirs will be asked for
        }
        byEvent.put(event, add(event, notifications));
    }

    /**
     * After the commit: of {@code notifications} (the event's messages as they are sent), those to
     * send, as {@link #oweInTransaction} added them on this thread; when it was not asked (a
     * reminder has no change of its own), they are owed now, as {@link #oweEvent}.
     */
    List<Notification> owedInTransaction(MatchEvent event, List<Notification> notifications) {
        Added added = addedInTransaction.get().remove(event);
        return added == null ? oweEvent(event, notifications) : toSend(event, notifications, added);
    }

    /** Discord accepted this message: it is marked delivered soon (one marking thread, in batches). */
    void delivered(Notification notification) {
        String key = keyOfEvent.remove(notification);
        if (key == null) {
            key = waveKey(notification).orElse(null);
        }
        if (key != null && !closed) {
            mark(key);
        }
    }

    private void mark(String key) {
        synchronized (handledLock) {
            queuedMarks++;
        }
        unwritten.add(key);
        toMark.add(key);
    }

    /**
     * Whether Discord accepted this player's "match found" of this match (in this process or,
     * as the outbox says, an earlier one). Blocks on the database; false when it cannot be read.
     */
    boolean matchFoundDelivered(long match, PlayerId player) {
        String key = foundKey(match, player);
        if (unwritten.contains(key)) {
            return true;
        }
        try {
            return outbox.isDelivered(key);
        } catch (RuntimeException e) {
            LOG.warn("could not read whether {} was delivered: {}", key, e.getMessage());
            return false;
        }
    }

    private void handled(Collection<String> keys) {
        unwritten.removeAll(keys);
        handled(keys.size());
    }

    private void handled(int marks) {
        synchronized (handledLock) {
            handledMarks += marks;
            handledLock.notifyAll();
        }
    }

    private void markLoop() {
        List<String> batch = new ArrayList<>();
        while (!closed || !toMark.isEmpty()) {
            try {
                String first = toMark.poll(200, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                // A wave's messages are accepted over a second or so: gather them for a moment,
                // so a burst is written in a few transactions rather than one each.
                long until = System.nanoTime() + MARK_GATHERING.toNanos();
                while (batch.size() < MARK_BATCH && !closed) {
                    long left = until - System.nanoTime();
                    String next = left > 0 ? toMark.poll(left, java.util.concurrent.TimeUnit.NANOSECONDS) : null;
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                    toMark.drainTo(batch, MARK_BATCH - batch.size());
                }
                outbox.markDelivered(new HashSet<>(batch), clock.instant());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // The marks are lost for now: those messages are sent again after a restart, and
                // their nonces keep the player from seeing them twice.
                LOG.warn("could not mark {} delivered notifications: {}", batch.size(), e.getMessage());
            } finally {
                handled(batch);
                batch.clear();
            }
        }
    }

    /**
     * Writes every mark queued so far before returning: those still waiting on the caller's
     * thread, and waits (at most 10 s) for the batch the marking thread is writing (tests, before
     * a simulated crash).
     */
    void flush() {
        long target;
        synchronized (handledLock) {
            target = queuedMarks;
        }
        List<String> batch = new ArrayList<>();
        toMark.drainTo(batch);
        try {
            if (!batch.isEmpty()) {
                outbox.markDelivered(new HashSet<>(batch), clock.instant());
            }
        } finally {
            handled(batch);
        }
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        synchronized (handledLock) {
            while (handledMarks < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("delivery marks not written within 10 s: " + handledMarks
                            + " of " + target);
                }
                try {
                    java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(handledLock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** How many messages are owed (not yet accepted by Discord). */
    int pendingCount() {
        return outbox.pendingCount();
    }

    // --- after a restart --------------------------------------------------------------------

    /**
     * What is still owed, oldest first, rebuilt from the stored matches: one list per player,
     * in the order decided. Messages whose match moved on are marked delivered (obsolete).
     *
     * @param matches  a stored match by id
     * @param infoOf   the dispatcher's view of a match (names, channel)
     * @param searches told the searching message of each player owed a "match found" (before it is sent)
     */
    Map<PlayerId, List<Notification>> owed(LongFunction<Optional<Match>> matches, Function<Match, MatchInfo> infoOf,
                                           java.util.function.BiConsumer<PlayerId, String> searches) {
        List<OutboxMessage> pending = outbox.pending(REPLAY_LIMIT);
        Map<PlayerId, List<Notification>> owed = new LinkedHashMap<>();
        List<String> obsolete = new ArrayList<>();
        Map<Long, Optional<Match>> read = new java.util.HashMap<>();
        for (OutboxMessage message : pending) {
            String key = message.dedupeKey().orElse(null);
            if (key == null) {
                continue;
            }
            Optional<Notification> rebuilt;
            try {
                long matchId = Long.parseLong(key.split(":")[1]);
                Optional<Match> match = read.computeIfAbsent(matchId, matches::apply);
                rebuilt = rebuild(message, match, infoOf);
            } catch (RuntimeException e) {
                LOG.warn("owed notification {} ({}) could not be rebuilt: {}", message.id(), key, e.toString());
                rebuilt = Optional.empty();
            }
            if (rebuilt.isEmpty()) {
                obsolete.add(key);
                continue;
            }
            Notification notification = rebuilt.get();
            if (notification instanceof MatchFound && !message.payload().isEmpty()) {
                searches.accept(message.recipient(), message.payload());
            }
            if (!key.startsWith("found:") && !key.startsWith("details:")) {
                keyOfEvent.put(notification, key);
            }
            owed.computeIfAbsent(message.recipient(), p -> new ArrayList<>()).add(notification);
        }
        if (!obsolete.isEmpty()) {
            outbox.markDelivered(obsolete, clock.instant());
            LOG.info("outbox: {} owed notifications dropped as obsolete (their match moved on)", obsolete.size());
        }
        return owed;
    }

    /**
     * Whether an owed "match found" or match message has become obsolete since it was read (its
     * match started or ended meanwhile); if so it is marked delivered. Other messages never are.
     */
    boolean obsoleteNow(Notification notification, LongFunction<Optional<Match>> matches) {
        boolean obsolete;
        try {
            obsolete = switch (notification) {
                case MatchFound found -> matches.apply(found.matchId()).map(m -> m.state() != MatchState.FOUND).orElse(true);
                case MatchDetails details -> matches.apply(details.matchId()).map(m -> !m.isOpen()).orElse(true);
                default -> false;
            };
        } catch (RuntimeException e) {
            return false; // cannot tell: send it (it renders the current state)
        }
        if (obsolete) {
            waveKey(notification).ifPresent(this::mark);
        }
        return obsolete;
    }

    private static Optional<Notification> rebuild(OutboxMessage message, Optional<Match> stored,
                                                  Function<Match, MatchInfo> infoOf) {
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        Match match = stored.get();
        PlayerId player = message.recipient();
        long id = match.id().value();
        return switch (message.kind()) {
            // "Match found" is owed while the match waits for confirmations.
            case "match_found" -> match.state() == MatchState.FOUND
                    ? Optional.of(new MatchFound(player, id, match.opponentOf(player))) : Optional.empty();
            // The match message is rendered from the match as it is now: owed while it is open.
            case "match_details" -> match.isOpen() ? Optional.of(new MatchDetails(player, infoOf.apply(match)))
                    : Optional.empty();
            case "confirm_reminder" -> match.state() == MatchState.FOUND
                    ? Optional.of(new ConfirmReminder(player, id, Instant.parse(message.payload()))) : Optional.empty();
            case "match_aborted" -> Optional.of(new MatchAborted(player, id, message.payload()));
            case "match_completed" -> Optional.of(new MatchCompleted(player, id, message.payload()));
            case "match_conflict" -> Optional.of(new MatchConflict(player, id, message.payload()));
            default -> Optional.empty();
        };
    }

    private static String kind(Notification notification) {
        return switch (notification) {
            case MatchFound found -> "match_found";
            case MatchDetails details -> "match_details";
            case ConfirmReminder reminder -> "confirm_reminder";
            case MatchAborted aborted -> "match_aborted";
            case MatchCompleted completed -> "match_completed";
            case MatchConflict conflict -> "match_conflict";
        };
    }

    private static String payload(Notification notification) {
        return switch (notification) {
            case ConfirmReminder reminder -> reminder.confirmBy().toString();
            case MatchAborted aborted -> aborted.reason();
            case MatchCompleted completed -> completed.result();
            case MatchConflict conflict -> conflict.detail();
            case MatchFound found -> "";
            case MatchDetails details -> "";
        };
    }

    /** Writes the marks still waiting (a clean stop), then stops the marking thread. */
    @Override
    public void close() {
        closed = true;
        try {
            marker.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops at once, writing nothing more (a crash, for tests and the demo). */
    void halt() {
        closed = true;
        toMark.clear();
        marker.interrupt();
    }
}
