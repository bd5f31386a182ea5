package dev.matchwave.persistence.lease;

import dev.matchwave.matchmaking.ladder.StoreException;
import dev.matchwave.matchmaking.time.Scheduler;
import dev.matchwave.persistence.lease.LeaderLease.Attempt;
import dev.matchwave.persistence.lease.LeaderLease.Term;
import dev.matchwave.persistence.queue.WaveFence;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One process's part in the election of the leader of a shared database: stands by, polling
 * the {@link LeaderLease} until it can take it, then leads and renews it, until it is lost (taken
 * by another process, or not renewed before it expired) or this election is closed.
 *
 * <p>With {@link Timing#DEFAULT} (a 10 s lease renewed every 3 s, polled every second) a
 * standby takes over at most about 11 s after the leader's last renewal, when the leader died
 * without releasing (kill -9, a lost network); a leader that stops cleanly releases, and the
 * standby takes over at its next poll.
 *
 * <p>States: {@link State#STANDBY} → {@link State#LEADING} → {@link State#LOST}; {@link #close}
 * or {@link #halt} end it from any state. A lost election does not stand by again: the process
 * holds in memory what it built as leader, so it stops and a new process (its supervisor's
 * restart) stands by from a clean start.
 *
 * <p>Threads: the election's work (every poll, renewal and the listener's calls) runs as a chain
 * of tasks on the scheduler, one at a time: each task schedules the next when it is done. That
 * chain is the only writer of the state and the term; other threads read them (volatile) and
 * stop the chain with {@link #close} or {@link #halt}, which take this object's lock, as does
 * the chain whenever it changes the state or schedules. Database calls run outside the lock.
 */
public final class LeaderElection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LeaderElection.class);

    /**
     * The election's times.
     *
     * @param lease how long a take or a renewal holds the lease
     * @param renewEvery how often the leader renews (well under the lease: a renewal may fail
     *        and be tried again before the lease runs out)
     * @param pollEvery how often a standby tries to take the lease
     */
    public record Timing(Duration lease, Duration renewEvery, Duration pollEvery) {

        /** Takeover within about 11 s of a leader's death. */
        public static final Timing DEFAULT = new Timing(Duration.ofSeconds(10), Duration.ofSeconds(3),
                Duration.ofSeconds(1));

        public Timing {
            Objects.requireNonNull(lease, "lease");
            Objects.requireNonNull(renewEvery, "renewEvery");
            Objects.requireNonNull(pollEvery, "pollEvery");
            if (renewEvery.isNegative() || renewEvery.isZero() || pollEvery.isNegative() || pollEvery.isZero()) {
                throw new IllegalArgumentException("renewEvery and pollEvery must be positive");
            }
            if (renewEvery.multipliedBy(2).compareTo(lease) > 0) {
                throw new IllegalArgumentException("renewing every " + renewEvery + " leaves no second try within a"
                        + " lease of " + lease + ": renew at most every half lease");
            }
        }

        /**
         * How long after a leader's last renewal a standby has taken over, at the latest, when
         * the database answers at once.
         */
        public Duration takeover() {
            return lease.plus(pollEvery);
        }
    }

    /** Where an election stands. */
    public enum State {
        /** Waiting for the lease. */
        STANDBY,
        /** Holding the lease: this process leads. */
        LEADING,
        /** Held the lease and lost it; final. */
        LOST,
        /** Closed or halted; final. */
        STOPPED
    }

    /** Told what happens, on the election's task chain; must not block for long. */
    public interface Listener {
        /** This process took the lease and leads from now on. */
        void leading(Term term);

        /**
         * This process no longer holds the lease: its transactions are refused from now on (or
         * from the other's takeover); it must stop leading.
         *
         * @param why one sentence, for the log
         */
        void lost(Term last, String why);
    }

    private final LeaderLease lease;
    private final Timing timing;
    private final InstantSource clock;
    private final Scheduler scheduler;
    private final Listener listener;

    private volatile State state = State.STANDBY;
    private volatile @Nullable Term term;
    /** The holder a standby last logged, so the wait is logged once per holder and term. */
    private @Nullable Term lastSeen;
    /** Whether the last poll or renewal failed, so a failing database is logged once per streak. */
    private boolean failing;
    // Guarded by this: the next task, whether one runs now, and how the election was stopped.
    private Scheduler.@Nullable Cancellable next;
    private boolean running;
    private boolean started;
    private boolean stopped;
    private boolean releaseOnStop;

    public LeaderElection(LeaderLease lease, Timing timing, InstantSource clock, Scheduler scheduler,
                          Listener listener) {
        this.lease = Objects.requireNonNull(lease, "lease");
        this.timing = Objects.requireNonNull(timing, "timing");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.listener = Objects.requireNonNull(listener, "listener");
        if (!lease.duration().equals(timing.lease())) {
            throw new IllegalArgumentException("the lease holds for " + lease.duration() + " but the timing says "
                    + timing.lease());
        }
    }

    /** Starts standing by: the first try to take the lease runs at once. Once only. */
    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("the election was started already");
        }
        started = true;
        if (!stopped) {
            next = scheduler.schedule(this::step, Duration.ZERO);
        }
    }

    public State state() {
        return state;
    }

    /** The term this process holds while {@link State#LEADING}. */
    public Optional<Term> term() {
        return state == State.LEADING ? Optional.ofNullable(term) : Optional.empty();
    }

    public LeaderLease lease() {
        return lease;
    }

    public Timing timing() {
        return timing;
    }

    /**
     * The check for the leader's transactions: passes while this process leads and the lease
     * row is still its term ({@link LeaderLease#fence}); refuses ({@code STALE}) when it does
     * not lead, whatever the row says.
     */
    public WaveFence fence() {
        return tx -> {
            Term held = term;
            if (state != State.LEADING || held == null) {
                throw StoreException.stale("this process (" + lease.holder() + ") does not hold the " + lease.name()
                        + " lease (" + state.name().toLowerCase(java.util.Locale.ROOT) + "); nothing was committed");
            }
            lease.fence(held).check(tx);
        };
    }

    /** Stops, and releases the lease if held so a standby takes over at once. Idempotent. */
    @Override
    public void close() {
        stop(true);
    }

    /**
     * Stops without releasing: the lease runs out at its expiry, as when the process dies. For
     * tests of a takeover.
     */
    public void halt() {
        stop(false);
    }

    private void stop(boolean release) {
        Term toRelease;
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
            releaseOnStop = release;
            if (next != null) {
                next.cancel();
                next = null;
            }
            if (running) {
                return; // the running step ends the election when it is done (finish)
            }
            toRelease = finish();
        }
        releaseQuietly(toRelease);
    }

    /** Under the lock, once stopped and nothing runs: the term to release, if any. */
    private @Nullable Term finish() {
        Term held = state == State.LEADING ? term : null;
        state = State.STOPPED;
        return releaseOnStop ? held : null;
    }

    private void releaseQuietly(@Nullable Term held) {
        if (held == null) {
            return;
        }
        try {
            if (lease.release(held)) {
                LOG.info("lease released: {} (fencing {}) stopped leading", held.holder(), held.fencing());
            }
        } catch (RuntimeException e) {
            LOG.warn("could not release the lease, a standby takes over when it expires at {}: {}", held.expiresAt(),
                    e.getMessage());
        }
    }

    /** One poll or renewal; the only task of the chain. */
    private void step() {
        synchronized (this) {
            next = null;
            if (stopped) {
                return;
            }
            running = true;
        }
        Duration delay;
        Runnable tell = () -> { };
        try {
            if (state == State.STANDBY) {
                Attempt attempt = poll();
                if (attempt != null && attempt.acquired()) {
                    Term taken = attempt.term();
                    term = taken;
                    state = State.LEADING;
                    LOG.info("leader: took the {} lease (fencing {}) until {}", lease.name(), taken.fencing(),
                            taken.expiresAt());
                    tell = () -> listener.leading(taken);
                    delay = timing.renewEvery();
                } else {
                    delay = timing.pollEvery();
                }
            } else {
                String why = renew();
                if (why == null) {
                    // After a failed renewal, try again sooner: the lease runs out meanwhile.
                    delay = failing ? timing.pollEvery() : timing.renewEvery();
                } else {
                    Term last = Objects.requireNonNull(term);
                    state = State.LOST;
                    LOG.error("leader: lost the {} lease: {}", lease.name(), why);
                    tell = () -> listener.lost(last, why);
                    delay = null;
                }
            }
        } catch (RuntimeException e) {
            // A bug, not the database (poll and renew catch the store's failures): stand by, or keep leading.
            LOG.error("lease: unexpected failure, trying again: {}", e.toString());
            delay = state == State.LEADING ? timing.renewEvery() : timing.pollEvery();
        }
        tell.run();
        Term toRelease = null;
        synchronized (this) {
            running = false;
            if (stopped) {
                toRelease = finish();
            } else if (delay != null) {
                next = scheduler.schedule(this::step, delay);
            }
        }
        releaseQuietly(toRelease);
    }

    /** A standby's try: the attempt, or null when the database failed (logged). */
    private @Nullable Attempt poll() {
        try {
            Attempt attempt = lease.tryAcquire();
            failing = false;
            Term held = attempt.term();
            if (!attempt.acquired() && !sameHolderAndFencing(held, lastSeen)) {
                LOG.info("standby: waiting for the {} lease held by {} until {}", lease.name(), held.holder(),
                        held.expiresAt());
            }
            lastSeen = held;
            return attempt;
        } catch (StoreException e) {
            if (!failing) {
                LOG.warn("standby: could not try to take the {} lease, trying again every {} s: {}", lease.name(),
                        timing.pollEvery().toSeconds(), e.getMessage());
            }
            failing = true;
            return null;
        }
    }

    /** A leader's renewal: null when renewed or still time to try again, else why the lease is lost. */
    private @Nullable String renew() {
        Term held = Objects.requireNonNull(term);
        try {
            Optional<Term> renewed = lease.renew(held);
            failing = false;
            if (renewed.isPresent()) {
                term = renewed.get();
                return null;
            }
            return "another process took it: " + whoHolds();
        } catch (StoreException e) {
            Instant now = clock.instant();
            if (!now.isBefore(held.expiresAt())) {
                return "not renewed before it expired at " + held.expiresAt() + ": " + e.getMessage();
            }
            if (!failing) {
                LOG.warn("leader: could not renew the {} lease (it holds until {}), trying again: {}", lease.name(),
                        held.expiresAt(), e.getMessage());
            }
            failing = true;
            return null;
        }
    }

    private String whoHolds() {
        try {
            return lease.current().map(t -> "held by " + t.holder() + " (fencing " + t.fencing() + ") until "
                    + t.expiresAt()).orElse("the lease row is gone");
        } catch (StoreException e) {
            return "its holder could not be read: " + e.getMessage();
        }
    }

    private static boolean sameHolderAndFencing(Term a, @Nullable Term b) {
        return b != null && a.holder().equals(b.holder()) && a.fencing() == b.fencing();
    }
}
