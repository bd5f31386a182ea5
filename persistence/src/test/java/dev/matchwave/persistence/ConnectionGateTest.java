package dev.matchwave.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The gate in front of the pool, on a fake pool and a fake clock. */
class ConnectionGateTest {

    private static final Duration WINDOW = Duration.ofSeconds(2);
    private static final Connection CONNECTION = (Connection) Proxy.newProxyInstance(
            ConnectionGateTest.class.getClassLoader(), new Class<?>[] {Connection.class}, (p, m, a) -> null);

    private long now = 1_000_000_000L;
    private int pooled;
    private final FakePool pool = new FakePool();
    private final ConnectionGate gate = new ConnectionGate(pool, WINDOW, () -> now, () -> pooled);

    /** Answers each request with the next scripted result: a connection, or a pool timeout. */
    private static final class FakePool implements DataSource {
        final Deque<Boolean> answers = new ArrayDeque<>();
        int requests;

        @Override
        public Connection getConnection() throws SQLException {
            requests++;
            if (!answers.isEmpty() && !answers.poll()) {
                throw new SQLTransientConnectionException("matchwave-db - Connection is not available, request timed"
                        + " out after 2000ms");
            }
            return CONNECTION;
        }

        @Override
        public Connection getConnection(String username, String password) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }

    private void poolTimesOut() {
        pool.answers.add(false);
    }

    @Test
    void afterATimeoutWithAnEmptyPoolTheNextRequestsFailAtOnceUntilTheWindowHasPassed() throws SQLException {
        poolTimesOut();
        assertThatThrownBy(gate::getConnection).isInstanceOf(SQLTransientConnectionException.class);
        assertThat(pool.requests).isEqualTo(1);

        now += WINDOW.toNanos() - 1;
        assertThatThrownBy(gate::getConnection).isInstanceOf(SQLTransientConnectionException.class)
                .hasMessage("database unavailable: no connection could be made 1999 ms ago, failing at once for 0 ms"
                        + " more");
        assertThat(pool.requests).as("the pool was not asked, nobody waited").isEqualTo(1);

        // The window has passed: one request goes to the pool again (and makes it try to connect).
        now += 1;
        poolTimesOut();
        assertThatThrownBy(gate::getConnection).isInstanceOf(SQLTransientConnectionException.class);
        assertThat(pool.requests).isEqualTo(2);
        now += WINDOW.toNanos() / 2;
        assertThatThrownBy(gate::getConnection).isInstanceOf(SQLTransientConnectionException.class);
        assertThat(pool.requests).as("a new window began with the second timeout").isEqualTo(2);
    }

    @Test
    void theDatabaseIsUsedAgainAsSoonAsTheFirstRequestAfterTheWindowGetsAConnection() throws SQLException {
        poolTimesOut();
        assertThatThrownBy(gate::getConnection).isInstanceOf(SQLTransientConnectionException.class);
        now += WINDOW.toNanos();

        assertThat(gate.getConnection()).isSameAs(CONNECTION);
        assertThat(gate.getConnection()).isSameAs(CONNECTION);
        assertThat(pool.requests).isEqualTo(3);
    }

    @Test
    void connectionsInThePoolOpenTheGate() throws SQLException {
        poolTimesOut();
        assertThatThrownBy(gate::getConnection).isInstanceOf(SQLTransientConnectionException.class);

        pooled = 1; // the pool reconnected by itself (its housekeeping, or a health check)

        assertThat(gate.getConnection()).isSameAs(CONNECTION);
        assertThat(pool.requests).isEqualTo(2);
    }

    @Test
    void aTimeoutWhileThePoolHoldsConnectionsIsLoadNotAnOutageAndClosesNothing() throws SQLException {
        pooled = 10; // every connection busy: the wait timed out, the database is up
        poolTimesOut();
        assertThatThrownBy(gate::getConnection).isInstanceOf(SQLTransientConnectionException.class);
        pooled = 0; // e.g. the pool retired them all meanwhile

        assertThat(gate.getConnection()).isSameAs(CONNECTION);
        assertThat(pool.requests).isEqualTo(2);
    }
}
