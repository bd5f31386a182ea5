package dev.matchwave.persistence;

import dev.matchwave.persistence.ladder.PostgresLadderStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Embedded PostgreSQL for tests: one shared server per test JVM (started on first use, stopped
 * at exit) on a temporary data directory, and fresh directories for tests that stop and restart
 * their own server. Real SQL, no mocks.
 */
public final class TestDatabases {

    /** Throwaway data: no need to survive a power cut, so no waiting for the disk. */
    public static final Map<String, String> FAST = Map.of(
            "fsync", "off",
            "synchronous_commit", "off",
            "full_page_writes", "off");

    private static Database shared;

    private TestDatabases() {
    }

    /** The JVM's shared database, migrated; tests empty it with {@link #emptyStore}. */
    public static synchronized Database shared() {
        if (shared == null) {
            Path dir = newDataDirectory();
            Database db = Database.open(config(dir));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                db.close();
                // The embedded server's own shutdown hook may be the one stopping it: wait for it.
                awaitStopped(dir);
                deleteRecursively(dir);
            }, "test-database-cleanup"));
            shared = db;
        }
        return shared;
    }

    /** Empties every table of the shared database and returns a store on it with cold caches. */
    public static PostgresLadderStore emptyStore() {
        Database db = shared();
        truncateAll(db);
        return new PostgresLadderStore(db);
    }

    public static void truncateAll(Database db) {
        db.dsl().execute("TRUNCATE players, ratings, matches, match_participants, rating_ledger, queue_preferences,"
                + " admin_actions, notification_outbox, queue_entries, queue_joins, queue_in_match, queue_state,"
                + " leader_lease, no_show_timeouts, queue_bars, seasons, season_plans, season_records, season_pending_resets, result_picks"
                + " RESTART IDENTITY CASCADE");
    }

    /** An embedded config on {@code dir} with test settings. */
    public static DatabaseConfig config(Path dir) {
        return new DatabaseConfig(new DatabaseConfig.Embedded(dir, 0, FAST), 8, Duration.ofSeconds(5));
    }

    /** A new, empty data directory under the temporary directory. */
    public static Path newDataDirectory() {
        try {
            return Files.createTempDirectory("matchwave-pg-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits (up to 10 s) until no server runs on {@code dir}. */
    public static void awaitStopped(Path dir) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (Files.exists(dir.resolve("postmaster.pid")) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Best effort: the directory is under the temporary directory anyway.
        }
    }
}
