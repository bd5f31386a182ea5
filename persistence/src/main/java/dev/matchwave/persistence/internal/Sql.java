package dev.matchwave.persistence.internal;

import dev.matchwave.matchmaking.ladder.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the repositories talk to the database: reads, and writes as one transaction each, with
 * failures translated by {@link SqlFailures} into {@link StoreException}s.
 *
 * <p>A pooled connection may be dead without the pool knowing yet (the server restarted, or
 * someone killed the session). Work that failed on such a connection before its transaction
 * reached COMMIT changed nothing, so it is run once more on a fresh connection; a failure during
 * COMMIT is not retried (it may have committed) and is reported as unavailable.
 *
 * <p>Stateless and thread-safe; blocks on the database.
 */
public final class Sql {

    private static final Logger LOG = LoggerFactory.getLogger("dev.matchwave.persistence");

    /**
     * Key of a {@link Runnable} in the jOOQ configuration's data: called when a connection is
     * found broken, to replace the pool's other connections (the pool's soft eviction).
     */
    public static final String CONNECTIONS_BROKEN = "matchwave.connections-broken";

    /**
     * The transaction of a {@link #writeShared} running on this thread, the context it was opened
     * on, and what is to run once it has committed.
     */
    private record Shared(DSLContext opener, DSLContext tx, List<Runnable> afterCommit, boolean savepoints) {
    }

    private static final ThreadLocal<Shared> SHARED = new ThreadLocal<>();

    private Sql() {
    }

    /** Runs a read (no transaction); retried once on a broken connection. */
    public static <T> T read(DSLContext dsl, String operation, Function<DSLContext, T> work) {
        Objects.requireNonNull(work, "work");
        return attempt(dsl, operation, () -> work.apply(dsl));
    }

    /**
     * Runs several reads that must see one state of the database (a REPEATABLE READ, READ ONLY
     * transaction); retried once on a broken connection.
     */
    public static <T> T readConsistent(DSLContext dsl, String operation, Function<DSLContext, T> work) {
        Objects.requireNonNull(work, "work");
        return attempt(dsl, operation, () -> dsl.transactionResult(tx -> {
            tx.dsl().execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY");
            return work.apply(tx.dsl());
        }));
    }

    /**
     * Runs {@code work} in one transaction: all of it commits, or none of it. Retried once on a
     * broken connection if the failure came before COMMIT.
     */
    public static <T> T write(DSLContext dsl, String operation, Function<DSLContext, T> work) {
        Objects.requireNonNull(work, "work");
        Shared shared = sharedOn(dsl);
        if (shared != null) {
            if (!shared.savepoints()) {
                // Inside a writeTogether: simply part of it; a failure fails it all (and is
                // translated, or retried on a broken connection, there).
                return work.apply(shared.tx());
            }
            // Inside a shared transaction: a savepoint, so a refused write undoes only itself.
            try {
                return shared.tx().transactionResult(nested -> work.apply(nested.dsl()));
            } catch (DataAccessException e) {
                throw SqlFailures.translate(operation, e);
            }
        }
        return attempt(dsl, operation, () -> {
            AtomicBoolean reachedCommit = new AtomicBoolean();
            try {
                return dsl.transactionResult(tx -> {
                    T value = work.apply(tx.dsl());
                    reachedCommit.set(true);
                    return value;
                });
            } catch (DataAccessException e) {
                if (reachedCommit.get()) {
                    throw new CommitUncertain(e);
                }
                throw e;
            }
        });
    }

    /**
     * Runs {@code work} in one transaction that every {@link #write} on the same database made by
     * this thread while {@code work} runs joins, each in a savepoint (a queue wave and the matches
     * its listener creates). Not retried: {@code work} may have done more than write (a retry
     * would do it twice); any failure rolls back everything and is reported.
     */
    public static <T> T writeShared(DSLContext dsl, String operation, Function<DSLContext, T> work) {
        Objects.requireNonNull(work, "work");
        if (SHARED.get() != null) {
            throw new IllegalStateException(operation + ": a shared transaction is already open on this thread");
        }
        List<Runnable> afterCommit = new ArrayList<>();
        try {
            T result = dsl.transactionResult(tx -> {
                SHARED.set(new Shared(dsl, tx.dsl(), afterCommit, true));
                try {
                    return work.apply(tx.dsl());
                } finally {
                    SHARED.remove();
                }
            });
            afterCommit.forEach(Runnable::run);
            return result;
        } catch (StoreException e) {
            throw e;
        } catch (DataAccessException e) {
            throw SqlFailures.translate(operation, e);
        }
    }

    /**
     * Runs {@code work} in one transaction that every {@link #write} on the same database made by
     * this thread while {@code work} runs is simply part of, without savepoints: all of it
     * commits, or none of it (a match's change and what it owes). Like {@link #write}, retried
     * once on a broken connection if the failure came before COMMIT, so {@code work} must do
     * nothing but write until then (and keep what it decides for after the commit, where what
     * the writes arranged ({@link #afterCommit}) runs).
     */
    public static <T> T writeTogether(DSLContext dsl, String operation, Function<DSLContext, T> work) {
        Objects.requireNonNull(work, "work");
        if (SHARED.get() != null) {
            throw new IllegalStateException(operation + ": a shared transaction is already open on this thread");
        }
        List<Runnable> afterCommit = new ArrayList<>();
        T result = attempt(dsl, operation, () -> {
            afterCommit.clear();
            AtomicBoolean reachedCommit = new AtomicBoolean();
            try {
                return dsl.transactionResult(tx -> {
                    SHARED.set(new Shared(dsl, tx.dsl(), afterCommit, false));
                    try {
                        T value = work.apply(tx.dsl());
                        reachedCommit.set(true);
                        return value;
                    } finally {
                        SHARED.remove();
                    }
                });
            } catch (DataAccessException e) {
                if (reachedCommit.get()) {
                    throw new CommitUncertain(e);
                }
                throw e;
            }
        });
        afterCommit.forEach(Runnable::run);
        return result;
    }

    /** Whether this thread is inside a {@link #writeShared} on {@code dsl}'s database (its writes join it). */
    public static boolean inSharedTransaction(DSLContext dsl) {
        return sharedOn(dsl) != null;
    }

    /** The {@link #writeShared} open on this thread on {@code dsl}'s database, or null. */
    private static @Nullable Shared sharedOn(DSLContext dsl) {
        Shared shared = SHARED.get();
        return shared != null && shared.opener().configuration().connectionProvider()
                == dsl.configuration().connectionProvider() ? shared : null;
    }

    /**
     * Runs {@code action} once what this thread wrote on {@code dsl} is committed: at once, or,
     * inside a {@link #writeShared} on the same database, after that transaction commits (never,
     * if it rolls back). For caches: an entry dropped before the commit could be read back stale.
     */
    public static void afterCommit(DSLContext dsl, Runnable action) {
        Objects.requireNonNull(action, "action");
        Shared shared = sharedOn(dsl);
        if (shared != null) {
            shared.afterCommit().add(action);
        } else {
            action.run();
        }
    }

    private static <T> T attempt(DSLContext dsl, String operation, Supplier<T> run) {
        try {
            try {
                return run.get();
            } catch (DataAccessException e) {
                if (!SqlFailures.brokenConnection(e)) {
                    throw e;
                }
                LOG.warn("database connection lost during {}, nothing of it was stored; trying once more on a fresh"
                        + " connection", operation);
                // The other pooled connections are likely dead too (a server restart): replace them all.
                if (dsl.configuration().data(CONNECTIONS_BROKEN) instanceof Runnable evict) {
                    evict.run();
                }
                return run.get();
            }
        } catch (StoreException e) {
            throw e;
        } catch (CommitUncertain e) {
            throw SqlFailures.uncertainCommit(operation, e.failure);
        } catch (DataAccessException e) {
            throw SqlFailures.translate(operation, e);
        }
    }

    /** The connection broke during COMMIT: whether it committed is unknown, so no retry. */
    private static final class CommitUncertain extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient DataAccessException failure;

        CommitUncertain(DataAccessException failure) {
            super(failure.getMessage(), failure, false, false);
            this.failure = failure;
        }
    }
}
