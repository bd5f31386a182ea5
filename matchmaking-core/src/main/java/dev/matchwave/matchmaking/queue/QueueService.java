package dev.matchwave.matchmaking.queue;

import dev.matchwave.matchmaking.MatchRules;
import dev.matchwave.matchmaking.Pair;
import dev.matchwave.matchmaking.Pairer;
import dev.matchwave.matchmaking.Pairing;
import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.Preferences;
import dev.matchwave.matchmaking.QueueGuard;
import dev.matchwave.matchmaking.QueuedPlayer;
import dev.matchwave.matchmaking.Seat;
import dev.matchwave.matchmaking.queue.store.EntryKey;
import dev.matchwave.matchmaking.queue.store.InMemoryQueueStore;
import dev.matchwave.matchmaking.queue.store.QueueStore;
import dev.matchwave.matchmaking.queue.store.StoredEntry;
import dev.matchwave.matchmaking.queue.store.StoredQueue;
import dev.matchwave.matchmaking.queue.store.WaveCommit;
import dev.matchwave.matchmaking.queue.store.WaveStart;
import dev.matchwave.matchmaking.time.Scheduler;
import dev.matchwave.matchmaking.time.Scheduler.Cancellable;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;

/**
 * The single source of truth for who is queued and who is in a match, and the waves that pair
 * the queue.
 *
 * <h2>Guarantees</h2>
 * Each player is in exactly one {@link PlayerState}: free, queued (once, never twice) or in a
 * match. A join while queued answers {@link JoinResult.AlreadyQueued} and changes nothing; a
 * join while in a match is refused; a leave while not queued is harmless. A wave moves matched
 * players from the queue to "in a match" atomically, only if both are still queued with the
 * entry the wave paired; {@link #release} frees them again. Nobody is lost: a player leaves the
 * queue only by leaving, expiring, being matched or {@link #clear()}.
 *
 * <h2>Thread-safety: one ownership rule</h2>
 * All state sits behind one private lock. Every public method takes it briefly (for work that
 * does not grow with the queue, except {@link #snapshot()}, {@link #clear()} and a wave's
 * snapshot and commit, linear in the queue size) and never calls foreign code while holding
 * it, with two exceptions: the {@link Scheduler} and the clock, which never block, and the
 * {@link QueueStore}, whose writes may block on I/O (see "Durability"). The pairer, the
 * listeners and the guard run outside the lock, on a snapshot. Waves run one at a time (a second lock, taken before the state lock, never after).
 * All methods may be called from any thread; none blocks except {@link #runWave()}, which waits
 * for a running wave and then runs the pairer and the {@link WaveListener}, and the store writes
 * below. A join stores its entry outside the lock, and so does a release: meanwhile the player is
 * "joining" (or still in his match), and only calls about him ({@link #join}, {@link #leave},
 * {@link #release}, {@link #markInMatch}, {@link #attach}; every joining player for
 * {@link #clear()}) wait for that write to end.
 *
 * <h2>Waves</h2>
 * After {@link #start()}, a wave runs at every multiple of the wave interval on the Unix time
 * line ({@link QueueConfig#nextWaveAfter}); {@link #runWave()} runs one by hand. A wave expires
 * overdue entries, adds one wait cycle to every queued player, pairs a snapshot (when it holds
 * two players or more), commits the pairs whose players are still queued, and hands them all
 * at once to the {@link WaveListener}, which may give some back (see {@link WaveReceipt}).
 * A failing pairer or listener is logged and the waves go on.
 *
 * <h2>Durability</h2>
 * The service keeps its state in a {@link QueueStore} (default {@link InMemoryQueueStore}: no
 * durability) and writes every change there before it answers: a join, a leave, an expiry, a
 * wave's start (expired entries, wait cycles) and a wave's matches, which the
 * {@link WaveListener} makes inside the store's unit of work ({@link QueueStore#commitWave}).
 * Store writes happen under the state lock (a store call is the one foreign call made there,
 * besides the scheduler and the clock), except a join's, which runs outside it (the player is
 * "joining" meanwhile: not queued for waves and counts until his entry is stored), a release's
 * (he stays in his match until it is stored), and the wave commit, which runs with the listener.
 * A store failure reaches the caller and changes nothing. When built, the service restores what
 * the store holds: entries in join order with their wait cycles and deadlines, the join-limit
 * log, who is in a match, the wave count; {@link #start()} re-arms the expiry timer from them.
 *
 * <p>Units: times are {@link Instant}s of the injected clock; durations are {@link Duration}s.
 */
public final class QueueService implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(QueueService.class.getName());
    private static final Comparator<QueueEntry> JOIN_ORDER = Comparator.comparingLong(e -> e.sequence);

    /** Read once by each wave's pairing; replaced by {@link #useRules} (a new season's map pool). */
    private volatile MatchRules rules;
    private final Pairer pairer;
    private final QueueConfig config;
    private final InstantSource clock;
    private final @Nullable Scheduler scheduler;
    private final QueueGuard guard;
    private final WaveListener waveListener;
    private final QueueListener queueListener;
    private final QueueStore store;
    private final List<QueuedPlayer> restored;

    private final long joinWindowMillis;
    private final long activeWindowMillis;
    private final long forgetAfterMillis;

    /** Serialises waves. Taken before {@link #lock}, never while holding it. */
    private final ReentrantLock waveLock = new ReentrantLock();
    /** Guards every field below. */
    private final ReentrantLock lock = new ReentrantLock();
    /**
     * Permits of the threads writing joins to the store at once (see {@link #writeJoins}); never
     * taken with {@link #lock} held, and {@link #lock} is never taken while holding one.
     */
    private final Semaphore writers;
    /** Joins reserved under the lock, waiting for the next group write. */
    private final ConcurrentLinkedQueue<PendingWrite> pendingWrites = new ConcurrentLinkedQueue<>();
    /** Signalled whenever a join leaves {@link #joining} or a release leaves {@link #releasing}. */
    private final Condition joinEnded = lock.newCondition();

    private final LinkedHashMap<PlayerId, QueueEntry> queued = new LinkedHashMap<>();
    /**
     * Joins whose entry is being stored (outside the lock): not queued yet, not seen by waves,
     * expiries or counts. Their sequence numbers are taken, so join order stays the order of
     * {@link #join} calls.
     */
    private final HashMap<PlayerId, QueueEntry> joining = new HashMap<>();
    /** Players whose release is being stored (outside the lock): still in a match until it is. */
    private final Set<PlayerId> releasing = new HashSet<>();
    private final HashMap<PlayerId, Matched> inMatch = new HashMap<>();
    /** In access order: touching a player moves him last, so the head is the least recently seen. */
    private final LinkedHashMap<PlayerId, PlayerRecord> seen = new LinkedHashMap<>(16, 0.75f, true);
    private final HashMap<String, int[]> queuedBySides = new HashMap<>();
    private final HashMap<String, int[]> queuedByRace = new HashMap<>();
    private final WaitHistory history;
    /** Players who asked to leave while the wave that matched them was still handing out pairs. */
    private final Set<PlayerId> leftWhilePending = new HashSet<>();
    /**
     * Players released while the wave that matched them was still pending: the store hears of
     * it when the wave is settled, after the wave's own commit (which marks them in a match).
     */
    private final Set<PlayerId> releasedWhilePending = new HashSet<>();
    private long nextSequence;
    private long lastWave;
    private long pendingWave;
    private boolean started;
    private boolean closed;
    private @Nullable Cancellable waveTimer;
    private Instant nextScheduledWave = Instant.EPOCH;
    private @Nullable Cancellable expiryTimer;
    private long expiryTimerAt = Long.MAX_VALUE;

    /** A join's entry waiting for the store; {@code stored} completes with its failure, or null once stored. */
    private static final class PendingWrite {
        final StoredEntry entry;
        final Instant forgetJoinsBefore;
        final CompletableFuture<@Nullable RuntimeException> stored = new CompletableFuture<>();

        PendingWrite(StoredEntry entry, Instant forgetJoinsBefore) {
            this.entry = entry;
            this.forgetJoinsBefore = forgetJoinsBefore;
        }
    }

    /** A player in a match; {@code entry} is his queue entry, kept so a failed match can requeue him. */
    private record Matched(@Nullable QueueEntry entry, long wave) {
    }

    private QueueService(Builder builder) {
        this.rules = builder.rules;
        this.pairer = builder.pairer;
        this.config = builder.config != null ? builder.config : QueueConfig.defaults();
        this.clock = builder.clock != null ? builder.clock : InstantSource.system();
        this.scheduler = builder.scheduler;
        this.guard = builder.guard != null ? builder.guard : QueueGuard.none();
        this.waveListener = builder.waveListener != null ? builder.waveListener : WaveListener.ignoring();
        this.queueListener = builder.queueListener != null ? builder.queueListener : QueueListener.none();
        this.joinWindowMillis = config.joinLimitWindow().toMillis();
        this.activeWindowMillis = config.activeWindow().toMillis();
        this.forgetAfterMillis = Math.max(joinWindowMillis, activeWindowMillis);
        this.history = new WaitHistory(config.estimateWaves(), config.estimateBandWidth(), config.maxCycles());
        this.store = builder.store != null ? builder.store : new InMemoryQueueStore();
        this.writers = new Semaphore(builder.storeWriters);
        this.restored = restore();
    }

    /** Reads the store back: the queue as it was when the last process stopped or crashed. */
    private List<QueuedPlayer> restore() {
        long nowMillis = clock.millis();
        StoredQueue stored = store.load(Instant.ofEpochMilli(nowMillis - joinWindowMillis));
        List<QueuedPlayer> players = new ArrayList<>(stored.entries().size());
        for (StoredEntry s : stored.entries()) {
            QueueEntry entry = new QueueEntry(s.player(), s.sequence(), s.deadline().toEpochMilli());
            entry.contact = s.contact();
            queued.put(s.player().id(), entry);
            count(entry, 1);
            touch(s.player().id(), nowMillis);
            nextSequence = Math.max(nextSequence, s.sequence() + 1);
            players.add(s.player());
        }
        for (PlayerId player : stored.inMatch()) {
            inMatch.put(player, new Matched(null, 0));
            touch(player, nowMillis);
        }
        stored.joins().forEach((player, times) -> {
            PlayerRecord record = touch(player, nowMillis);
            times.forEach(t -> record.recordJoin(t.toEpochMilli(), config.joinLimit()));
        });
        lastWave = stored.lastWave();
        return List.copyOf(players);
    }

    /** The rules the next wave pairs under. */
    public MatchRules rules() {
        return rules;
    }

    /**
     * From the next wave on, pairs under {@code rules} (a wave already pairing keeps the rules
     * it started with). For a new season's map pool: the caller creates each match under the
     * rules in force when it creates it, and a pair that no longer fits them goes back to the
     * queue ({@link WaveReceipt#notCreated}).
     */
    public void useRules(MatchRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /**
     * Starts building a service that pairs with {@code pairer} under {@code rules}.
     * Everything else has a default: {@link QueueConfig#defaults()}, the system clock, no
     * scheduler (waves only by {@link #runWave()}), {@link QueueGuard#none()}, a wave listener
     * that takes every pair as created, and no event listener.
     */
    public static Builder builder(MatchRules rules, Pairer pairer) {
        return new Builder(rules, pairer);
    }

    // ---------------------------------------------------------------- players

    /**
     * Puts a player in the queue, unless he is in it already (the existing entry stands,
     * unchanged), in a match, over the join limit, or refused by the guard, in that order of
     * precedence. Only joins that create an entry count towards the join limit.
     *
     * <p>The guard is asked outside the lock, before anything else; an exception from it
     * reaches the caller and changes nothing.
     *
     * @param seats       the seats he offers, at least one, at most one per side
     * @param preferences map vetoes and home region
     * @throws IllegalArgumentException when the seats are invalid (none, or two on one side)
     */
    public JoinResult join(PlayerId player, List<Seat> seats, Preferences preferences) {
        return join(player, seats, preferences, Optional.empty());
    }

    /**
     * {@link #join(PlayerId, List, Preferences)}, storing the front end's contact with the new
     * entry in the same write (the bot: his "Searching..." message), so that a process restored
     * from the store can still reach him. An entry that stands already keeps its contact.
     *
     * <p>The store write happens outside the state lock: while it runs the player is "joining",
     * which waves, expiries and the counts do not see; a second join, a leave, a
     * {@link #markInMatch} or a {@link #clear()} of him waits for it to end. The joins waiting
     * for the store are written together ({@link QueueStore#addAll}, a group commit), and a wave
     * never waits on them.
     */
    public JoinResult join(PlayerId player, List<Seat> seats, Preferences preferences, Optional<String> contact) {
        Objects.requireNonNull(player, "player");
        Objects.requireNonNull(seats, "seats");
        Objects.requireNonNull(preferences, "preferences");
        Objects.requireNonNull(contact, "contact");
        Optional<String> refusal = guard.refusal(player);
        QueueEntry created;
        long nowMillis;
        lock.lock();
        try {
            awaitJoinOf(player);
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            QueuedPlayer entry = new QueuedPlayer(player, seats, preferences, now, 0);
            nowMillis = now.toEpochMilli();
            PlayerRecord record = touch(player, nowMillis);
            // Released while his wave is still being settled: the store learns of it at the settling.
            if (inMatch.containsKey(player) || releasedWhilePending.contains(player)) {
                return JoinResult.Refused.inMatch();
            }
            QueueEntry existing = queued.get(player);
            if (existing != null) {
                return new JoinResult.AlreadyQueued(existing.player);
            }
            if (refusal.isPresent()) {
                return JoinResult.Refused.guard(refusal.get());
            }
            long wait = record.millisUntilJoinAllowed(nowMillis, config.joinLimit(), joinWindowMillis);
            if (wait > 0) {
                return JoinResult.Refused.rateLimited(Duration.ofMillis(wait), config.joinLimit(),
                        config.joinLimitWindow());
            }
            created = new QueueEntry(entry, nextSequence++, deadline(nowMillis));
            created.contact = contact;
            joining.put(player, created);
        } finally {
            lock.unlock();
        }
        boolean stored = false;
        try {
            PendingWrite write = new PendingWrite(created.stored(), Instant.ofEpochMilli(nowMillis - joinWindowMillis));
            pendingWrites.add(write);
            RuntimeException failure = writeJoins(write);
            if (failure != null) {
                throw failure;
            }
            stored = true;
        } finally {
            lock.lock();
            try {
                joining.remove(player);
                if (stored) {
                    touch(player, nowMillis).recordJoin(nowMillis, config.joinLimit());
                    enqueue(created, clock.millis());
                }
                joinEnded.signalAll();
            } finally {
                lock.unlock();
            }
        }
        return new JoinResult.Joined(created.player);
    }

    /**
     * Stores the joins waiting in {@link #pendingWrites} until {@code own} is stored (group
     * commit): a thread that gets one of the {@link Builder#storeWriters} permits writes every join
     * waiting at that moment in one {@link QueueStore#addAll}, so a burst of joins costs a few
     * writes, not one each, and a slow write holds up only the joins of its own batch while other
     * permits last. Called without the state lock; returns once {@code own} is done, by this
     * thread or another: {@code own} is in the queue when this thread gets its permit, or in the
     * batch of a writer that took it before.
     *
     * @return the failure of {@code own}'s write, or null once stored
     */
    private @Nullable RuntimeException writeJoins(PendingWrite own) {
        writers.acquireUninterruptibly();
        try {
            if (!own.stored.isDone()) {
                List<PendingWrite> batch = new ArrayList<>();
                for (PendingWrite next; (next = pendingWrites.poll()) != null; ) {
                    batch.add(next);
                }
                if (!batch.isEmpty()) {
                    write(batch);
                }
            }
        } finally {
            writers.release();
        }
        return own.stored.join();
    }

    /** One group write; completes every write of the batch, whatever happens. */
    private void write(List<PendingWrite> batch) {
        Map<PlayerId, RuntimeException> failed;
        try {
            Instant forget = batch.stream().map(w -> w.forgetJoinsBefore).min(Comparator.naturalOrder()).orElseThrow();
            failed = store.addAll(batch.stream().map(w -> w.entry).toList(), forget);
        } catch (RuntimeException e) {
            failed = new HashMap<>();
            for (PendingWrite write : batch) {
                failed.put(write.entry.player().id(), e);
            }
        } catch (Error e) {
            // No joiner waits for ever: each is told, then the error goes on.
            batch.forEach(w -> w.stored.complete(new IllegalStateException("the queue store failed: " + e, e)));
            throw e;
        }
        for (PendingWrite write : batch) {
            write.stored.complete(failed.get(write.entry.player().id()));
        }
    }

    /** Under the lock: waits while a join or a release of {@code player} is being stored. */
    private void awaitJoinOf(PlayerId player) {
        while (joining.containsKey(player) || releasing.contains(player)) {
            joinEnded.awaitUninterruptibly();
        }
    }

    /** Takes a player out of the queue; harmless when he is not in it. */
    public LeaveResult leave(PlayerId player) {
        Objects.requireNonNull(player, "player");
        lock.lock();
        try {
            awaitJoinOf(player);
            touch(player, clock.millis());
            QueueEntry entry = queued.get(player);
            if (entry != null) {
                store.remove(entry.key());
                queued.remove(player);
                count(entry, -1);
                return new LeaveResult.Left(entry.player);
            }
            Matched matched = inMatch.get(player);
            if (matched != null) {
                if (pendingWave != 0 && matched.wave() == pendingWave) {
                    leftWhilePending.add(player);
                }
                return new LeaveResult.InMatch();
            }
            return new LeaveResult.NotQueued();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Frees a player whose match is over (completed, aborted, in conflict): he may queue again.
     * The match lifecycle calls it for both players.
     *
     * @return whether he was in a match
     */
    public boolean release(PlayerId player) {
        Objects.requireNonNull(player, "player");
        lock.lock();
        try {
            awaitJoinOf(player);
            Matched matched = inMatch.get(player);
            if (matched == null) {
                return false;
            }
            if (pendingWave != 0 && matched.wave() == pendingWave) {
                releasedWhilePending.add(player);
                inMatch.remove(player);
                leftWhilePending.remove(player);
                touch(player, clock.millis());
                return true;
            }
            releasing.add(player);
        } finally {
            lock.unlock();
        }
        // Stored outside the lock (a wave of matches ends in a burst of releases); calls about
        // him wait meanwhile, and he stays in a match until the store said yes.
        boolean stored = false;
        try {
            store.release(player);
            stored = true;
        } finally {
            lock.lock();
            try {
                releasing.remove(player);
                if (stored) {
                    inMatch.remove(player);
                    leftWhilePending.remove(player);
                    touch(player, clock.millis());
                }
                joinEnded.signalAll();
            } finally {
                lock.unlock();
            }
        }
        return true;
    }

    /**
     * Marks a player as in a match that this service did not make: one restored from storage
     * at start-up, or set up by an admin. A queued player leaves the queue.
     *
     * @return false when he was in a match already
     */
    public boolean markInMatch(PlayerId player) {
        Objects.requireNonNull(player, "player");
        lock.lock();
        try {
            awaitJoinOf(player);
            if (inMatch.containsKey(player)) {
                return false;
            }
            store.markInMatch(player);
            QueueEntry entry = queued.remove(player);
            if (entry != null) {
                count(entry, -1);
            }
            inMatch.put(player, new Matched(null, 0));
            touch(player, clock.millis());
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Empties the queue (an admin's clear); players in a match stay there. */
    public List<QueuedPlayer> clear() {
        lock.lock();
        try {
            while (!joining.isEmpty()) {
                joinEnded.awaitUninterruptibly();
            }
            List<QueuedPlayer> removed = inJoinOrder(queued.values()).stream().map(e -> e.player).toList();
            store.removeAll();
            queued.clear();
            queuedBySides.clear();
            queuedByRace.clear();
            return removed;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stores the front end's contact with the player's current entry (the bot: his "Searching..."
     * message), so that a process restored from the store can still reach him.
     *
     * @return false when he is not queued
     */
    public boolean attach(PlayerId player, String contact) {
        Objects.requireNonNull(player, "player");
        Objects.requireNonNull(contact, "contact");
        lock.lock();
        try {
            awaitJoinOf(player);
            QueueEntry entry = queued.get(player);
            if (entry == null || !store.attach(entry.key(), contact)) {
                return false;
            }
            entry.contact = Optional.of(contact);
            return true;
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- reading

    /** The contact attached to the player's entry, while he is queued. */
    public Optional<String> contact(PlayerId player) {
        Objects.requireNonNull(player, "player");
        lock.lock();
        try {
            QueueEntry entry = queued.get(player);
            return entry == null ? Optional.empty() : entry.contact;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The contact the player's entry had when a wave matched him (his "Searching..." message, which
     * the wave's "match found" goes into), while he is in that match; empty when he is not in a
     * match from a wave of this process, or had no contact.
     */
    public Optional<String> contactAtWave(PlayerId player) {
        Objects.requireNonNull(player, "player");
        lock.lock();
        try {
            Matched matched = inMatch.get(player);
            return matched == null || matched.entry() == null ? Optional.empty() : matched.entry().contact;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The players this service found queued in its store when it was built (a restart), in join
     * order, as they were then. Empty for a new queue.
     */
    public List<QueuedPlayer> restored() {
        return restored;
    }

    /** The options this service runs with. */
    public QueueConfig config() {
        return config;
    }

    /** Where the player stands now. */
    public PlayerState stateOf(PlayerId player) {
        Objects.requireNonNull(player, "player");
        lock.lock();
        try {
            if (queued.containsKey(player)) {
                return PlayerState.QUEUED;
            }
            return inMatch.containsKey(player) ? PlayerState.IN_MATCH : PlayerState.FREE;
        } finally {
            lock.unlock();
        }
    }

    /** The player's queue entry, with the wait cycles he has reached, if he is queued. */
    public Optional<QueuedPlayer> find(PlayerId player) {
        Objects.requireNonNull(player, "player");
        lock.lock();
        try {
            QueueEntry entry = queued.get(player);
            return entry == null ? Optional.empty() : Optional.of(entry.player);
        } finally {
            lock.unlock();
        }
    }

    /** How many players are queued. */
    public int size() {
        lock.lock();
        try {
            return queued.size();
        } finally {
            lock.unlock();
        }
    }

    /** An immutable copy of the queue (in join order) and of the players in a match. */
    public QueueSnapshot snapshot() {
        lock.lock();
        try {
            List<QueuedPlayer> players = inJoinOrder(queued.values()).stream().map(e -> e.player).toList();
            return new QueueSnapshot(clock.instant(), players, inMatch.keySet());
        } finally {
            lock.unlock();
        }
    }

    /** The status for a UI, without a wait estimate. */
    public QueueStatus status() {
        return status(Optional.empty());
    }

    /**
     * The status for a UI, with {@code viewer}'s estimated wait when he is queued and recent
     * waves say enough. The estimate (docs/queue-and-waves.md, "Estimated wait"): among players
     * matched in the last {@link QueueConfig#estimateWaves()} waves with a seat on one of the
     * viewer's sides and a rating in his band or a band next to it (bands of
     * {@link QueueConfig#estimateBandWidth()} points), keep those matched after more wait
     * cycles than he has now; the lower median K of their cycles is when he should be matched.
     * With fewer than 3 of them, everybody matched on his sides counts; with fewer than 3 still,
     * there is no estimate. The wait is the time to the next wave plus (K - his cycles - 1)
     * wave intervals.
     */
    public QueueStatus status(PlayerId viewer) {
        return status(Optional.of(viewer));
    }

    private QueueStatus status(Optional<PlayerId> viewer) {
        lock.lock();
        try {
            Instant now = clock.instant();
            long nowMillis = now.toEpochMilli();
            Instant nextWave = started ? nextScheduledWave : config.nextWaveAfter(now);
            if (nextWave.isBefore(now)) {
                nextWave = config.nextWaveAfter(now);
            }
            Optional<WaitEstimate> estimate = Optional.empty();
            QueueEntry entry = viewer.map(queued::get).orElse(null);
            if (entry != null) {
                int cycles = entry.player.waitCycles();
                Duration untilNext = Duration.between(now, nextWave);
                estimate = history.expect(entry.player.seats(), cycles).map(e -> {
                    int waves = e.matchedAtCycle() - cycles;
                    Duration wait = untilNext.plus(config.waveInterval().multipliedBy(waves - 1L));
                    return new WaitEstimate(wait, waves, e.samples());
                });
            }
            return new QueueStatus(now, nextWave, lastWave, queued.size(), counts(queuedBySides),
                    counts(queuedByRace), inMatch.size() / 2, activePopulation(nowMillis), estimate);
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- waves

    /**
     * Starts the waves and the expiry timer on the scheduler: the first wave falls at
     * {@link QueueConfig#nextWaveAfter} now. Calling it again does nothing.
     *
     * @throws IllegalStateException when no scheduler was given or the service is closed
     */
    public void start() {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("this QueueService is closed; build a new one");
            }
            if (scheduler == null) {
                throw new IllegalStateException("no scheduler: give one to QueueService.builder(...).scheduler(...)");
            }
            if (started) {
                return;
            }
            started = true;
            Instant now = clock.instant();
            scheduleWaveAfter(now);
            queued.values().stream().mapToLong(e -> e.deadlineMillis).min()
                    .ifPresent(deadline -> armExpiry(deadline, now.toEpochMilli()));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops the waves and the expiry timer (a running wave finishes). The queue stays usable:
     * joins, leaves and {@link #runWave()} still work; {@link #start()} does not.
     */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            started = false;
            if (waveTimer != null) {
                waveTimer.cancel();
                waveTimer = null;
            }
            disarmExpiry();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs one wave now, on the calling thread, after any wave already running; for tests, the
     * simulator and admins. Blocks while the pairer and the wave listener run.
     *
     * @return the wave as it was handed to the listener (pairs the listener gave back are in it,
     *         and their players are queued again)
     * @throws IllegalStateException when called from the pairer or the wave listener
     */
    public Wave runWave() {
        if (waveLock.isHeldByCurrentThread()) {
            throw new IllegalStateException("runWave() called from inside a wave (its pairer or listener)");
        }
        waveLock.lock();
        try {
            return wave();
        } finally {
            waveLock.unlock();
        }
    }

    private Wave wave() {
        List<QueueEvent> events = new ArrayList<>();
        Instant at;
        long number;
        List<QueueEntry> entries;
        lock.lock();
        try {
            at = clock.instant();
            long nowMillis = at.toEpochMilli();
            List<QueueEntry> due = due(nowMillis);
            List<EntryKey> waited = new ArrayList<>(queued.size());
            for (QueueEntry entry : queued.values()) {
                if (entry.deadlineMillis > nowMillis) {
                    waited.add(entry.key());
                }
            }
            number = lastWave + 1;
            // Stored first: a store that cannot be written to leaves the queue as it was.
            store.startWave(new WaveStart(number, due.stream().map(QueueEntry::key).toList(), waited));
            lastWave = number;
            removeExpired(due, at, events);
            for (QueueEntry entry : queued.values()) {
                entry.player = entry.player.nextCycle();
                touch(entry.player.id(), nowMillis);
            }
            entries = inJoinOrder(queued.values());
        } finally {
            lock.unlock();
        }
        publish(events);
        events.clear();

        List<QueuedPlayer> players = entries.stream().map(e -> e.player).toList();
        List<Pair> proposed = List.of();
        long start = System.nanoTime();
        if (players.size() >= 2) {
            try {
                Pairing pairing = pairer.pair(players, rules);
                proposed = pairing.pairs();
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "wave " + number + ": the pairer failed; every player stays queued", e);
            }
        }
        Duration pairingTime = Duration.ofNanos(System.nanoTime() - start);

        List<Pair> committed = new ArrayList<>(proposed.size());
        Map<PlayerId, QueueEntry> leaving = new HashMap<>(proposed.size() * 2);
        int unmatched = 0;
        lock.lock();
        try {
            Map<PlayerId, QueueEntry> paired = new HashMap<>(entries.size() * 2);
            for (QueueEntry entry : entries) {
                paired.put(entry.player.id(), entry);
            }
            long nowMillis = clock.millis();
            for (Pair pair : proposed) {
                QueueEntry first = paired.remove(pair.first().id());
                QueueEntry second = paired.remove(pair.second().id());
                if (first == null || second == null) {
                    LOG.log(Level.WARNING, () -> "wave " + number + ": the pairer returned " + pair.first().id()
                            + " and " + pair.second().id() + ", not both in its snapshot once; pair dropped");
                    continue;
                }
                // Both must still hold the entry the wave paired: not left, not left and back.
                if (queued.get(first.player.id()) != first || queued.get(second.player.id()) != second) {
                    continue;
                }
                for (QueueEntry entry : List.of(first, second)) {
                    queued.remove(entry.player.id());
                    count(entry, -1);
                    inMatch.put(entry.player.id(), new Matched(entry, number));
                    leaving.put(entry.player.id(), entry);
                    touch(entry.player.id(), nowMillis);
                }
                committed.add(pair);
            }
            for (QueueEntry entry : entries) {
                if (queued.get(entry.player.id()) == entry) {
                    unmatched++;
                }
            }
            pendingWave = number;
        } finally {
            lock.unlock();
        }

        Wave wave = new Wave(number, at, committed, entries.size(), unmatched, pairingTime);
        // Whatever the listener or the store does, even an Error, the wave is settled: nobody stays pending.
        WaveReceipt[] receipt = {WaveReceipt.noneCreated(wave)};
        boolean[] listened = {false};
        boolean stored = false;
        try {
            store.commitWave(() -> {
                receipt[0] = Objects.requireNonNull(waveListener.onWave(wave), "the wave listener returned null");
                listened[0] = true;
                Set<Pair> failed = new HashSet<>(receipt[0].notCreated());
                List<EntryKey> matched = new ArrayList<>(2 * committed.size());
                for (Pair pair : committed) {
                    if (!failed.contains(pair)) {
                        matched.add(leaving.get(pair.first().id()).key());
                        matched.add(leaving.get(pair.second().id()).key());
                    }
                }
                return new WaveCommit(number, matched);
            });
            stored = true;
        } catch (RuntimeException e) {
            receipt[0] = WaveReceipt.noneCreated(wave);
            LOG.log(Level.ERROR, "wave " + number + ": " + (listened[0] ? "the queue store failed"
                    : "the wave listener failed") + "; its " + committed.size() + " pairs go back to the queue", e);
        } finally {
            settle(wave, receipt[0], leaving, events);
        }
        publish(events);
        try {
            waveListener.settled(wave, stored);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "wave " + number + ": the wave listener failed after the wave", e);
        }
        return wave;
    }

    /** Requeues the players of the pairs the listener gave back; learns from the others. */
    private void settle(Wave wave, WaveReceipt receipt, Map<PlayerId, QueueEntry> leaving, List<QueueEvent> events) {
        Set<Pair> failed = new HashSet<>(receipt.notCreated());
        Set<Pair> known = new HashSet<>(wave.pairs());
        for (Pair pair : failed) {
            if (!known.contains(pair)) {
                LOG.log(Level.WARNING, () -> "wave " + wave.number() + ": the listener gave back a pair that is not"
                        + " in the wave (" + pair.first().id() + ", " + pair.second().id() + "); ignored");
            }
        }
        lock.lock();
        try {
            Instant now = clock.instant();
            long nowMillis = now.toEpochMilli();
            List<Pair> created = new ArrayList<>(wave.pairs().size());
            for (Pair pair : wave.pairs()) {
                if (!failed.contains(pair)) {
                    created.add(pair);
                    continue;
                }
                for (PlayerId id : List.of(pair.first().id(), pair.second().id())) {
                    Matched matched = inMatch.get(id);
                    // Released meanwhile: he is free, not ours to requeue.
                    if (matched == null || matched.wave() != wave.number() || matched.entry() == null) {
                        continue;
                    }
                    inMatch.remove(id);
                    if (leftWhilePending.remove(id)) {
                        // His entry is still stored (the wave did not take it): his leave takes it now.
                        try {
                            store.remove(matched.entry().key());
                        } catch (RuntimeException e) {
                            LOG.log(Level.WARNING, "player " + id + " left during wave " + wave.number()
                                    + " but his entry could not be removed from the store", e);
                        }
                        continue;
                    }
                    enqueue(matched.entry(), nowMillis);
                    events.add(new QueueEvent.Requeued(matched.entry().player, now, wave.number()));
                }
            }
            Set<PlayerId> matchedPlayers = new HashSet<>();
            created.forEach(pair -> {
                matchedPlayers.add(pair.first().id());
                matchedPlayers.add(pair.second().id());
            });
            for (PlayerId id : releasedWhilePending) {
                QueueEntry entry = leaving.get(id);
                try {
                    if (matchedPlayers.contains(id)) {
                        store.release(id);
                    } else if (entry != null) {
                        store.remove(entry.key()); // the wave did not take his entry
                    }
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "player " + id + " was released during wave " + wave.number()
                            + " but the store could not be told", e);
                }
            }
            releasedWhilePending.clear();
            history.record(created);
            pendingWave = 0;
            leftWhilePending.clear();
            forgetStale(nowMillis);
        } finally {
            lock.unlock();
        }
    }

    private void scheduledWave() {
        lock.lock();
        try {
            if (!started) {
                return;
            }
            Instant now = clock.instant();
            // A timer that fires a little early must not schedule the same slot again.
            scheduleWaveAfter(now.isAfter(nextScheduledWave) ? now : nextScheduledWave);
        } finally {
            lock.unlock();
        }
        try {
            runWave();
        } catch (RuntimeException | Error e) {
            LOG.log(Level.ERROR, "a wave failed; the next one is scheduled", e);
            if (e instanceof Error error) {
                throw error;
            }
        }
    }

    /** Under the lock. */
    private void scheduleWaveAfter(Instant after) {
        Scheduler s = Objects.requireNonNull(scheduler);
        nextScheduledWave = config.nextWaveAfter(after);
        waveTimer = s.schedule(this::scheduledWave, Duration.between(clock.instant(), nextScheduledWave));
    }

    // ---------------------------------------------------------------- expiry

    /** Under the lock: arms the expiry timer for {@code deadline} unless it fires earlier. */
    private void armExpiry(long deadlineMillis, long nowMillis) {
        if (!started || deadlineMillis >= expiryTimerAt) {
            return;
        }
        disarmExpiry();
        expiryTimerAt = deadlineMillis;
        expiryTimer = Objects.requireNonNull(scheduler)
                .schedule(this::expiryDue, Duration.ofMillis(Math.max(0, deadlineMillis - nowMillis)));
    }

    private void disarmExpiry() {
        if (expiryTimer != null) {
            expiryTimer.cancel();
            expiryTimer = null;
        }
        expiryTimerAt = Long.MAX_VALUE;
    }

    private void expiryDue() {
        List<QueueEvent> events = new ArrayList<>();
        lock.lock();
        try {
            expiryTimer = null;
            expiryTimerAt = Long.MAX_VALUE;
            if (!started) {
                return;
            }
            Instant now = clock.instant();
            long nowMillis = now.toEpochMilli();
            List<QueueEntry> due = new ArrayList<>();
            for (QueueEntry entry : due(nowMillis)) {
                try {
                    store.remove(entry.key());
                    due.add(entry);
                } catch (RuntimeException e) {
                    // Stays queued; the next wave expires it (or the timer, once the store answers).
                    LOG.log(Level.WARNING, "player " + entry.player.id() + " expired but the store failed", e);
                }
            }
            removeExpired(due, now, events);
            queued.values().stream().mapToLong(e -> e.deadlineMillis).min()
                    .ifPresent(deadline -> armExpiry(deadline, nowMillis));
        } finally {
            lock.unlock();
        }
        publish(events);
    }

    /** Under the lock: the entries whose deadline has come, in the queue's order. */
    private List<QueueEntry> due(long nowMillis) {
        List<QueueEntry> due = new ArrayList<>();
        for (QueueEntry entry : queued.values()) {
            if (entry.deadlineMillis <= nowMillis) {
                due.add(entry);
            }
        }
        return due;
    }

    /** Under the lock: takes expired entries out of memory (the store has dropped them). */
    private void removeExpired(List<QueueEntry> due, Instant now, List<QueueEvent> events) {
        for (QueueEntry entry : due) {
            queued.remove(entry.player.id());
            count(entry, -1);
            events.add(new QueueEvent.Expired(entry.player, now));
        }
    }

    private long deadline(long joinedMillis) {
        long maxWait = config.maxWait().toMillis();
        return joinedMillis > Long.MAX_VALUE - maxWait ? Long.MAX_VALUE : joinedMillis + maxWait;
    }

    // ---------------------------------------------------------------- bookkeeping (under the lock)

    private void enqueue(QueueEntry entry, long nowMillis) {
        queued.put(entry.player.id(), entry);
        count(entry, 1);
        armExpiry(entry.deadlineMillis, nowMillis);
    }

    private void count(QueueEntry entry, int delta) {
        bump(queuedBySides, entry.sidesKey, delta);
        for (Seat seat : entry.player.seats()) {
            bump(queuedByRace, seat.race(), delta);
        }
    }

    private static void bump(Map<String, int[]> counts, String key, int delta) {
        int[] count = counts.computeIfAbsent(key, k -> new int[1]);
        count[0] += delta;
        if (count[0] == 0) {
            counts.remove(key);
        }
    }

    private static SortedMap<String, Integer> counts(Map<String, int[]> counts) {
        SortedMap<String, Integer> copy = new TreeMap<>();
        counts.forEach((key, count) -> copy.put(key, count[0]));
        return copy;
    }

    private PlayerRecord touch(PlayerId player, long nowMillis) {
        PlayerRecord record = seen.get(player);
        if (record == null) {
            record = new PlayerRecord(nowMillis);
            seen.put(player, record);
        } else {
            record.lastSeenMillis = Math.max(record.lastSeenMillis, nowMillis);
        }
        return record;
    }

    /** Players seen within the active window; the oldest come first in {@link #seen}. */
    private int activePopulation(long nowMillis) {
        forgetStale(nowMillis);
        int stale = 0;
        for (PlayerRecord record : seen.values()) {
            if (record.lastSeenMillis >= nowMillis - activeWindowMillis) {
                break;
            }
            stale++;
        }
        return seen.size() - stale;
    }

    /** Drops records that neither the active population nor the join limit needs any more. */
    private void forgetStale(long nowMillis) {
        Iterator<PlayerRecord> it = seen.values().iterator();
        while (it.hasNext() && it.next().lastSeenMillis < nowMillis - forgetAfterMillis) {
            it.remove();
        }
    }

    private static List<QueueEntry> inJoinOrder(java.util.Collection<QueueEntry> entries) {
        // Nearly sorted already (requeued entries go last): TimSort makes this linear.
        List<QueueEntry> list = new ArrayList<>(entries);
        list.sort(JOIN_ORDER);
        return list;
    }

    private void publish(List<QueueEvent> events) {
        for (QueueEvent event : events) {
            try {
                queueListener.on(event);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "the queue listener failed on " + event, e);
            }
        }
    }

    // ---------------------------------------------------------------- builder

    /**
     * Builds a {@link QueueService}. Each collaborator may be set once; a second call fails at
     * once naming it. Not thread-safe.
     */
    public static final class Builder {
        /** Group writes of joins at once, by default: a few, so one slow write holds up only its batch. */
        public static final int DEFAULT_STORE_WRITERS = 3;

        private final MatchRules rules;
        private final Pairer pairer;
        private @Nullable QueueConfig config;
        private @Nullable InstantSource clock;
        private @Nullable Scheduler scheduler;
        private @Nullable QueueGuard guard;
        private @Nullable WaveListener waveListener;
        private @Nullable QueueListener queueListener;
        private @Nullable QueueStore store;
        private int storeWriters = DEFAULT_STORE_WRITERS;

        private Builder(MatchRules rules, Pairer pairer) {
            this.rules = Objects.requireNonNull(rules, "rules");
            this.pairer = Objects.requireNonNull(pairer, "pairer");
        }

        public Builder config(QueueConfig config) {
            once("config", this.config);
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /** The clock for join times, expiry, wave alignment and the status. */
        public Builder clock(InstantSource clock) {
            once("clock", this.clock);
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Runs the waves and the expiry timer after {@link QueueService#start()}. */
        public Builder scheduler(Scheduler scheduler) {
            once("scheduler", this.scheduler);
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /** Refusals beyond the queue's own (terms, setup, ban...). */
        public Builder guard(QueueGuard guard) {
            once("guard", this.guard);
            this.guard = Objects.requireNonNull(guard, "guard");
            return this;
        }

        public Builder onWave(WaveListener listener) {
            once("onWave", this.waveListener);
            this.waveListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        public Builder onEvent(QueueListener listener) {
            once("onEvent", this.queueListener);
            this.queueListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Where the queue is kept; default a new {@link InMemoryQueueStore} (no durability).
         * {@link #build()} restores what it holds.
         */
        public Builder store(QueueStore store) {
            once("store", this.store);
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * How many group writes of joins may run at once (default {@value #DEFAULT_STORE_WRITERS}):
         * 1 is a strict group commit (the joins that come during a write wait for the next one);
         * more let a slow write hold up only its own batch.
         */
        public Builder storeWriters(int writers) {
            if (writers < 1) {
                throw new IllegalArgumentException("storeWriters must be at least 1, got " + writers);
            }
            this.storeWriters = writers;
            return this;
        }

        /** Builds the service and restores its store's queue (blocks on the store). */
        public QueueService build() {
            return new QueueService(this);
        }

        private static void once(String option, @Nullable Object current) {
            if (current != null) {
                throw new IllegalStateException(option + " is already set");
            }
        }
    }
}
