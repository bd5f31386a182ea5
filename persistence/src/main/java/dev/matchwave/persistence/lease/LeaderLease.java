package dev.matchwave.persistence.lease;

import static dev.matchwave.persistence.internal.schema.Tables.LEADER_LEASE;

import dev.matchwave.matchmaking.ladder.StoreException;
import dev.matchwave.persistence.Database;
import dev.matchwave.persistence.internal.Sql;
import dev.matchwave.persistence.internal.schema.LeaderLeaseRecord;
import dev.matchwave.persistence.queue.WaveFence;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record2;

/**
 * One named lease in the {@code leader_lease} table (migration V3), as seen by one holder.
 *
 * <p>The lease may be taken when it has expired (or was never taken); taking it increments its
 * fencing number, renewing it does not. The leader's transactions check, last before they commit,
 * that the row still names this holder and the fencing number it took ({@link #fence}); the check
 * locks the row {@code FOR SHARE}, so a takeover (which updates the row) waits for the
 * transactions that passed the check, and every transaction after the takeover fails it. That is
 * what makes two leaders harmless: time decides when another process may take over, the fencing
 * number decides who may commit.
 *
 * <p>Expiry is by the clock of the process that writes it ({@code clock}): a holder's clock that
 * runs behind another's lets the other take over early, which costs the old leader its lease but
 * cannot let both commit. Instants are kept to the microsecond.
 *
 * <p>Stateless apart from its settings, and thread-safe; every method blocks on the database and
 * reports failures as {@link StoreException}.
 */
public final class LeaderLease {

    /** The lease of the ladder: one per database. */
    public static final String LADDER = "ladder";
    /** How long a take, renewal or fence check waits for the row's lock before it gives up. */
    static final Duration LOCK_TIMEOUT = Duration.ofSeconds(2);

    private final DSLContext dsl;
    private final String name;
    private final String holder;
    private final InstantSource clock;
    private final Duration duration;

    /**
     * @param name which lease ({@link #LADDER})
     * @param holder this process's id, unique among the processes that may share the database
     * @param duration how long a take or a renewal holds the lease
     */
    public LeaderLease(Database database, String name, String holder, InstantSource clock, Duration duration) {
        this.dsl = Objects.requireNonNull(database, "database").dsl();
        this.name = requireNotBlank(name, "name");
        this.holder = requireNotBlank(holder, "holder");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.duration = Objects.requireNonNull(duration, "duration");
        if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("a lease of " + duration + " is too short: at least a second");
        }
    }

    /** The lease as one read of the row: who holds it, its fencing number, until when. */
    public record Term(String holder, long fencing, Instant expiresAt) {
        public Term {
            Objects.requireNonNull(holder, "holder");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    /**
     * The outcome of {@link #tryAcquire}: the lease as it stands afterwards.
     *
     * @param acquired whether this holder took it now ({@code term} is then its new term)
     */
    public record Attempt(boolean acquired, Term term) {
        public Attempt {
            Objects.requireNonNull(term, "term");
        }
    }

    public String name() {
        return name;
    }

    /** This process's id in the lease row. */
    public String holder() {
        return holder;
    }

    /** How long a take or a renewal holds the lease. */
    public Duration duration() {
        return duration;
    }

    /**
     * Takes the lease if nobody holds it or its term has expired, with a fencing number one
     * higher than the last; otherwise changes nothing and says who holds it until when. Waits
     * for the transactions that passed the current holder's fence (at most {@link #LOCK_TIMEOUT},
     * then fails and changes nothing).
     *
     * @throws StoreException when the database failed (nothing was taken)
     */
    public Attempt tryAcquire() {
        Instant now = now();
        Instant until = now.plus(duration);
        return Sql.write(dsl, "take the " + name + " lease", tx -> {
            limitLockWait(tx);
            Optional<LeaderLeaseRecord> taken = tx.insertInto(LEADER_LEASE)
                    .set(LEADER_LEASE.NAME, name)
                    .set(LEADER_LEASE.HOLDER, holder)
                    .set(LEADER_LEASE.FENCING, 1L)
                    .set(LEADER_LEASE.EXPIRES_AT, until)
                    .onConflict(LEADER_LEASE.NAME).doUpdate()
                    .set(LEADER_LEASE.HOLDER, holder)
                    .set(LEADER_LEASE.FENCING, LEADER_LEASE.FENCING.plus(1L))
                    .set(LEADER_LEASE.EXPIRES_AT, until)
                    .where(LEADER_LEASE.EXPIRES_AT.le(now))
                    .returning()
                    .fetchOptional();
            if (taken.isPresent()) {
                return new Attempt(true, term(taken.get()));
            }
            LeaderLeaseRecord current = tx.selectFrom(LEADER_LEASE).where(LEADER_LEASE.NAME.eq(name)).fetchSingle();
            return new Attempt(false, term(current));
        });
    }

    /**
     * Extends {@code held} to now plus the lease's duration, if the row still is that term (same
     * holder and fencing number; an expired term that nobody took is still ours).
     *
     * @return the renewed term, or empty when another holder took the lease
     * @throws StoreException when the database failed (the term is unchanged)
     */
    public Optional<Term> renew(Term held) {
        requireOurs(held);
        Instant until = now().plus(duration);
        return Sql.write(dsl, "renew the " + name + " lease", tx -> {
            limitLockWait(tx);
            return tx.update(LEADER_LEASE)
                    .set(LEADER_LEASE.EXPIRES_AT, until)
                    .where(LEADER_LEASE.NAME.eq(name), LEADER_LEASE.HOLDER.eq(holder),
                            LEADER_LEASE.FENCING.eq(held.fencing()))
                    .returning()
                    .fetchOptional()
                    .map(LeaderLease::term);
        });
    }

    /**
     * Ends {@code held} now, if it still is the row's term, so a standby takes over at its next
     * poll instead of at the expiry (a clean stop). The fencing number stays: the next holder's
     * take increments it.
     *
     * @return whether the term was still ours and is now ended
     * @throws StoreException when the database failed
     */
    public boolean release(Term held) {
        requireOurs(held);
        Instant now = now();
        return Sql.write(dsl, "release the " + name + " lease", tx -> {
            limitLockWait(tx);
            return tx.update(LEADER_LEASE)
                    .set(LEADER_LEASE.EXPIRES_AT, now)
                    .where(LEADER_LEASE.NAME.eq(name), LEADER_LEASE.HOLDER.eq(holder),
                            LEADER_LEASE.FENCING.eq(held.fencing()), LEADER_LEASE.EXPIRES_AT.gt(now))
                    .execute() == 1;
        });
    }

    /**
     * The lease as the row stands, or empty if it was never taken.
     *
     * @throws StoreException when the database failed
     */
    public Optional<Term> current() {
        return Sql.read(dsl, "read the " + name + " lease", db ->
                db.selectFrom(LEADER_LEASE).where(LEADER_LEASE.NAME.eq(name)).fetchOptional().map(LeaderLease::term));
    }

    /**
     * The check that lets a transaction commit only while the row still is {@code held}: reads
     * the row {@code FOR SHARE} in the transaction (a takeover then waits for it to end) and
     * throws a {@link StoreException.Kind#STALE} {@link StoreException} naming the new holder
     * otherwise, so the whole transaction rolls back. Once passed, the transaction's session
     * ends if it stays idle longer than the lease (a leader paused or cut off just before
     * COMMIT), so it cannot hold up a takeover for longer than that.
     */
    public WaveFence fence(Term held) {
        requireOurs(held);
        long idleMillis = duration.toMillis();
        return tx -> {
            // Both limits in one round trip (the driver sends the two statements together); the
            // idle limit set before the check is the same limit: the transaction has not idled yet.
            tx.execute("SET LOCAL lock_timeout = " + LOCK_TIMEOUT.toMillis()
                    + "; SET LOCAL idle_in_transaction_session_timeout = " + idleMillis);
            Record2<String, Long> row = tx.select(LEADER_LEASE.HOLDER, LEADER_LEASE.FENCING).from(LEADER_LEASE)
                    .where(LEADER_LEASE.NAME.eq(name))
                    .forShare()
                    .fetchOne();
            if (row == null || !holder.equals(row.value1()) || row.value2() != held.fencing()) {
                throw StoreException.stale("this process (" + holder + ", fencing " + held.fencing()
                        + ") no longer holds the " + name + " lease"
                        + (row == null ? "" : "; " + row.value1() + " took it (fencing " + row.value2() + ")")
                        + "; nothing was committed");
            }
        };
    }

    private void requireOurs(Term held) {
        Objects.requireNonNull(held, "held");
        if (!held.holder().equals(holder)) {
            throw new IllegalArgumentException("the term of " + held.holder() + " is not this holder's (" + holder + ")");
        }
    }

    private static void limitLockWait(DSLContext tx) {
        tx.execute("SET LOCAL lock_timeout = " + LOCK_TIMEOUT.toMillis());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static Term term(LeaderLeaseRecord row) {
        return new Term(row.getHolder(), row.getFencing(), row.getExpiresAt());
    }

    private static String requireNotBlank(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }
}
