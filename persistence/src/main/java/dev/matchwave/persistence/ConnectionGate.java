package dev.matchwave.persistence;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The pool as the repositories see it, failing fast while the database is down.
 *
 * <p>HikariCP makes every caller wait the whole connection timeout when it cannot connect, so a
 * desk call that reads twice, or a click that is answered and then re-rendered, would take twice
 * the timeout during an outage. Here, once a request for a connection timed out and the pool has
 * no connection left, the next requests within one connection timeout fail at once with the same
 * {@link SQLTransientConnectionException} (reported as unavailable by the repositories). The first
 * request after that window goes to the pool again and waits, which also makes the pool try to
 * connect again: so at most one caller per timeout waits, and the database is used again as soon
 * as it answers. A timeout while the pool still holds connections (every one busy under load) does
 * not close the gate.
 *
 * <p>Thread-safe.
 */
final class ConnectionGate implements DataSource {

    private static final long OPEN = Long.MIN_VALUE;

    private final DataSource pool;
    private final long windowNanos;
    private final LongSupplier nanoTime;
    private final IntSupplier pooledConnections;
    private volatile long timedOutAt = OPEN;

    /**
     * @param pool              where connections come from
     * @param window            how long after a timeout requests fail at once (the pool's connection timeout)
     * @param nanoTime          the time, as {@link System#nanoTime()}
     * @param pooledConnections how many connections the pool holds, idle or in use
     */
    ConnectionGate(DataSource pool, Duration window, LongSupplier nanoTime, IntSupplier pooledConnections) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.windowNanos = window.toNanos();
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.pooledConnections = Objects.requireNonNull(pooledConnections, "pooledConnections");
    }

    @Override
    public Connection getConnection() throws SQLException {
        long since = timedOutAt;
        if (since != OPEN) {
            long elapsed = nanoTime.getAsLong() - since;
            if (elapsed < windowNanos && pooledConnections.getAsInt() == 0) {
                throw new SQLTransientConnectionException("database unavailable: no connection could be made "
                        + Duration.ofNanos(elapsed).toMillis() + " ms ago, failing at once for "
                        + Duration.ofNanos(windowNanos - elapsed).toMillis() + " ms more", "08001");
            }
        }
        try {
            Connection connection = pool.getConnection();
            timedOutAt = OPEN;
            return connection;
        } catch (SQLTransientConnectionException e) {
            if (pooledConnections.getAsInt() == 0) {
                timedOutAt = nanoTime.getAsLong();
            }
            throw e;
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the pool's connections have one user");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : pool.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || pool.isWrapperFor(iface);
    }
}
