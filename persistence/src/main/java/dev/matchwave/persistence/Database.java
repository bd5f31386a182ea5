package dev.matchwave.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.matchwave.persistence.internal.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ladder's open database: a connection pool (HikariCP) to PostgreSQL, migrated by Flyway
 * to this code's schema, and, for an embedded config, the server it started.
 *
 * <pre>{@code
 * try (Database db = Database.open(DatabaseConfig.fromEnvironment())) {
 *     LadderStore store = new PostgresLadderStore(db);
 *     ...
 * }
 * }</pre>
 *
 * <p><b>Threading rule.</b> Everything that reaches the database blocks its caller until
 * PostgreSQL answers (JDBC is blocking). Call repositories from virtual threads: either the
 * caller already runs on one (the bot runs every interaction and wave on virtual threads), or it
 * hands the call to {@link #async} / {@link #executor()}, which run it on a fresh virtual thread.
 * Never call them on a thread that must stay responsive (a JDA event thread, a scheduler's timer
 * thread). Virtual threads make the blocking cheap: a blocked call parks its virtual thread, not
 * a carrier thread, and at most {@link DatabaseConfig#poolSize()} calls hold a connection at once
 * while the others wait for one, up to {@link DatabaseConfig#connectionTimeout()}.
 *
 * <p>Thread-safe. {@link #close} stops the pool and then the embedded server, if any.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final String MIGRATIONS = "classpath:dev/matchwave/persistence/migration";
    /**
     * How long one statement may wait for the server's answer on an open connection: a network
     * that drops without a reset would otherwise hold the call, and its connection, for good.
     * Far above any statement of the ladder (milliseconds) and of its migrations.
     */
    static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);

    static {
        // jOOQ prints a banner and tips on first use unless told not to.
        if (System.getProperty("org.jooq.no-logo") == null) {
            System.setProperty("org.jooq.no-logo", "true");
        }
        if (System.getProperty("org.jooq.no-tips") == null) {
            System.setProperty("org.jooq.no-tips", "true");
        }
    }

    private final DatabaseConfig config;
    private final Optional<EmbeddedPostgresServer> embedded;
    private final HikariDataSource pool;
    private final DSLContext dsl;
    private final String jdbcUrl;
    private final String schemaVersion;
    private final ExecutorService executor;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Database(DatabaseConfig config, Optional<EmbeddedPostgresServer> embedded, HikariDataSource pool,
                     String jdbcUrl, String schemaVersion) {
        this.config = config;
        this.embedded = embedded;
        this.pool = pool;
        this.jdbcUrl = jdbcUrl;
        this.schemaVersion = schemaVersion;
        // While the database is down, callers fail at once instead of each waiting the timeout.
        DataSource gated = new ConnectionGate(pool, config.connectionTimeout(), System::nanoTime,
                () -> pool.getHikariPoolMXBean().getTotalConnections());
        this.dsl = DSL.using(gated, SQLDialect.POSTGRES, new Settings()
                .withRenderSchema(false)
                .withExecuteLogging(false));
        // A broken connection usually means a restarted server: let the next calls get fresh ones.
        this.dsl.configuration().data(Sql.CONNECTIONS_BROKEN,
                (Runnable) () -> pool.getHikariPoolMXBean().softEvictConnections());
        this.executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("matchwave-db-", 0).factory());
    }

    /**
     * Opens the database: starts the embedded server if the config says so, connects, and
     * migrates the schema to this code's version.
     *
     * @throws DatabaseStartException one line for the operator: the server cannot be reached,
     *         the embedded one does not start, or the database was migrated by a newer matchwave
     */
    public static Database open(DatabaseConfig config) {
        Objects.requireNonNull(config, "config");
        Optional<EmbeddedPostgresServer> embedded = Optional.empty();
        String url;
        String user;
        String password;
        switch (config.location()) {
            case DatabaseConfig.Embedded e -> {
                EmbeddedPostgresServer server = EmbeddedPostgresServer.start(e.dataDirectory(), e.port(),
                        e.serverSettings());
                embedded = Optional.of(server);
                url = server.jdbcUrl();
                user = EmbeddedPostgresServer.USER;
                password = "";
            }
            case DatabaseConfig.Server s -> {
                url = s.jdbcUrl();
                user = s.user();
                password = s.password();
            }
        }
        HikariDataSource pool = null;
        try {
            pool = pool(config, url, user, password);
            String version = migrate(pool, url);
            Database database = new Database(config, embedded, pool, url, version);
            LOG.info("database ready: {} as {}, schema version {}, pool of {}", url, user, version,
                    config.poolSize());
            return database;
        } catch (RuntimeException e) {
            if (pool != null) {
                pool.close();
            }
            embedded.ifPresent(EmbeddedPostgresServer::close);
            throw e;
        }
    }

    private static HikariDataSource pool(DatabaseConfig config, String url, String user, String password) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("matchwave-db");
        hikari.setJdbcUrl(url);
        hikari.setUsername(user);
        hikari.setPassword(password);
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setMinimumIdle(Math.min(2, config.poolSize()));
        long timeoutMillis = config.connectionTimeout().toMillis();
        hikari.setConnectionTimeout(timeoutMillis);
        hikari.setValidationTimeout(Math.max(250, Math.min(2_000, timeoutMillis / 2)));
        hikari.addDataSourceProperty("ApplicationName", "matchwave");
        hikari.addDataSourceProperty("tcpKeepAlive", "true");
        // The driver's own waits, in whole seconds: opening a connection to a host that does not
        // answer gives up with the pool's timeout (the driver's default is 10 s), and a statement
        // whose answer never comes gives up after SOCKET_TIMEOUT (the default waits for ever).
        String connectSeconds = Long.toString(Math.max(1, (timeoutMillis + 999) / 1000));
        hikari.addDataSourceProperty("connectTimeout", connectSeconds);
        hikari.addDataSourceProperty("loginTimeout", connectSeconds);
        hikari.addDataSourceProperty("socketTimeout", Long.toString(SOCKET_TIMEOUT.toSeconds()));
        try {
            return new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            throw new DatabaseStartException("cannot connect to PostgreSQL at " + url + " as " + user + ": "
                    + rootMessage(e) + " (check " + DatabaseConfig.URL + ", " + DatabaseConfig.USER + " and "
                    + DatabaseConfig.PASSWORD + ")", e);
        }
    }

    /** Migrates to this code's schema; refuses a database that a newer code migrated further. */
    private static String migrate(DataSource dataSource, String url) {
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations(MIGRATIONS)
                .cleanDisabled(true)
                .validateMigrationNaming(true)
                .load();
        MigrationInfo[] all = flyway.info().all();
        Optional<MigrationVersion> known = Arrays.stream(all)
                .filter(i -> i.getState().isResolved() && i.getVersion() != null)
                .map(MigrationInfo::getVersion)
                .max(Comparator.naturalOrder());
        Optional<MigrationInfo> future = Arrays.stream(all)
                .filter(i -> i.getState() == MigrationState.FUTURE_SUCCESS
                        || i.getState() == MigrationState.FUTURE_FAILED)
                .max(Comparator.comparing(MigrationInfo::getVersion));
        if (future.isPresent()) {
            throw new DatabaseStartException("the database at " + url + " has schema version "
                    + future.get().getVersion() + ", newer than this matchwave knows (up to "
                    + known.map(MigrationVersion::toString).orElse("none") + "): it was migrated by a newer "
                    + "matchwave; run that version, or restore a backup taken before the upgrade");
        }
        try {
            var result = flyway.migrate();
            if (result.migrationsExecuted > 0) {
                LOG.info("database migrated from schema version {} to {} ({} migrations)",
                        Optional.ofNullable(result.initialSchemaVersion).orElse("none"), result.targetSchemaVersion,
                        result.migrationsExecuted);
            }
            MigrationInfo current = flyway.info().current();
            return current == null ? "none" : current.getVersion().toString();
        } catch (RuntimeException e) {
            throw new DatabaseStartException("the database at " + url + " could not be migrated: "
                    + rootMessage(e), e);
        }
    }

    /** jOOQ's entry point on the pool, for this module's repositories and for tools. */
    public DSLContext dsl() {
        return dsl;
    }

    /** The pooled connections. */
    public DataSource dataSource() {
        return pool;
    }

    public DatabaseConfig config() {
        return config;
    }

    /** The JDBC URL connected to (for the embedded server, with the port it got). */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** The Flyway schema version the database had once opened, e.g. {@code 1}. */
    public String schemaVersion() {
        return schemaVersion;
    }

    /** The embedded server, when this database started one. */
    public Optional<EmbeddedPostgresServer> embeddedServer() {
        return embedded;
    }

    /**
     * Whether the database answers within {@code timeout} (a health check). Blocks up to about
     * the timeout; never throws.
     */
    public boolean isReachable(Duration timeout) {
        if (closed.get()) {
            return false;
        }
        int seconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toSeconds()));
        try (Connection connection = pool.getConnection()) {
            return connection.isValid(seconds);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** Runs each task on a new virtual thread; shut down by {@link #close}. */
    public ExecutorService executor() {
        return executor;
    }

    /**
     * Runs {@code work} (typically repository calls) on a virtual thread. The future fails with
     * the exception {@code work} threw, e.g. a
     * {@link dev.matchwave.matchmaking.ladder.StoreException}.
     */
    public <T> CompletableFuture<T> async(Callable<T> work) {
        Objects.requireNonNull(work, "work");
        return CompletableFuture.supplyAsync(() -> {
            try {
                return work.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, executor);
    }

    /**
     * Waits up to 10 s for running {@link #async} work, closes the pool, then stops the embedded
     * server (fast shutdown: uncommitted transactions roll back). Harmless when called again.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("database work still running after 10 s at close; closing the pool under it");
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
        pool.close();
        embedded.ifPresent(EmbeddedPostgresServer::close);
        LOG.info("database closed: {}", jdbcUrl);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }
}
