package dev.matchwave.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EmbeddedPostgresServerTest {

    private Path dir;

    @BeforeEach
    void newDirectory() {
        dir = TestDatabases.newDataDirectory();
    }

    @AfterEach
    void deleteDirectory() {
        TestDatabases.deleteRecursively(dir);
    }

    /**
     * The JVM that ran the server died (kill -9): its server still runs on the data directory.
     * The next start stops it and comes up on the same data, nothing lost.
     */
    @Test
    void aServerLeftRunningByADeadProcessIsStoppedAndTheDataKept() throws Exception {
        int port;
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(dir, 0, TestDatabases.FAST)) {
            port = first.port();
            sql(first.jdbcUrl(), "CREATE TABLE kept (n int); INSERT INTO kept VALUES (42)");
        }
        Path pgCtl = pgCtl();
        // An orphan: started behind the library's back, as a dead JVM would leave it.
        List<String> command = new ArrayList<>();
        if (isRoot()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(pgCtl.toString(), "-D", dir.toString(), "-o", "-p " + port, "-w", "start"));
        Process orphan = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(orphan.waitFor()).as("pg_ctl start").isZero();
        assertThat(dir.resolve("postmaster.pid")).exists();

        try (EmbeddedPostgresServer second = EmbeddedPostgresServer.start(dir, 0, TestDatabases.FAST)) {
            assertThat(sql(second.jdbcUrl(), "SELECT n FROM kept")).isEqualTo(42);
        }
        assertThat(dir.resolve("postmaster.pid")).doesNotExist();
    }

    @Test
    void aDirectoryThatIsNotADataDirectoryIsRefusedByName() throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "my notes");

        assertThatThrownBy(() -> EmbeddedPostgresServer.start(dir, 0, Map.of()))
                .isInstanceOf(DatabaseStartException.class)
                .hasMessageContaining("is neither empty nor a PostgreSQL data directory")
                .hasMessageContaining("MATCHWAVE_DB_DATA_DIR");
        assertThat(dir.resolve("notes.txt")).hasContent("my notes");
    }

    private static int sql(String url, String statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, EmbeddedPostgresServer.USER, "");
             Statement s = c.createStatement()) {
            boolean rows = s.execute(statements);
            if (rows) {
                try (ResultSet r = s.getResultSet()) {
                    r.next();
                    return r.getInt(1);
                }
            }
            return 0;
        }
    }

    private static boolean isRoot() throws IOException, InterruptedException {
        Process id = new ProcessBuilder("id", "-u").start();
        String uid = new String(id.getInputStream().readAllBytes()).strip();
        id.waitFor();
        return uid.equals("0");
    }

    /** zonky unpacks the binaries under the temporary directory (embedded-pg/PG-hash/bin). */
    private static Path pgCtl() throws IOException {
        Path root = Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg");
        Optional<Path> found;
        try (Stream<Path> dirs = Files.list(root)) {
            found = dirs.map(d -> d.resolve("bin").resolve("pg_ctl")).filter(Files::isExecutable).findFirst();
        }
        assumeTrue(found.isPresent(), "pg_ctl of the embedded binaries not found under " + root);
        return found.get();
    }
}
