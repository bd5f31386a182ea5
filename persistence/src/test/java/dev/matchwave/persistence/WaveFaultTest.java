package dev.matchwave.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.matchwave.matchmaking.QueuedPlayer;
import dev.matchwave.matchmaking.ladder.StoreException;
import dev.matchwave.matchmaking.ladder.match.Creation;
import dev.matchwave.matchmaking.ladder.match.NewMatch;
import dev.matchwave.persistence.ladder.PostgresLadderStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * The database fails in the middle of a wave: the wave's matches rows are written, its
 * participants are on their way, and then the server stops (or the connection is killed). No
 * partial match is left, the caller gets a clear UNAVAILABLE error (its players go back to the
 * queue as they were), a log line says what happened, and the next wave works once the database
 * is back.
 *
 * <p>The wave is held at the right point by a test-only trigger that waits (in short sleeps)
 * until the test lets it go: no timing guesses.
 */
@Timeout(120)
class WaveFaultTest {

    private static final String WAVE_SESSION = "SELECT pid FROM pg_stat_activity WHERE state = 'active'"
            + " AND query ILIKE 'insert into%match_participants%'";

    private Path dir;
    private EmbeddedPostgresServer server;
    private Database db;
    private LadderScenario ladder;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger persistenceLog = (Logger) LoggerFactory.getLogger("dev.matchwave.persistence");

    @BeforeEach
    void startServerAndHoldWaves() {
        dir = TestDatabases.newDataDirectory();
        server = EmbeddedPostgresServer.start(dir, 0, TestDatabases.FAST);
        db = Database.open(DatabaseConfig.server(server.jdbcUrl(), EmbeddedPostgresServer.USER, "")
                .withConnectionTimeout(Duration.ofSeconds(2)));
        ladder = new LadderScenario(new PostgresLadderStore(db));
        for (long id = 1; id <= 20; id++) {
            ladder.register(id);
        }
        db.dsl().execute("CREATE TABLE test_release (released boolean)");
        db.dsl().execute("CREATE FUNCTION test_hold_wave() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                + " LOOP EXIT WHEN EXISTS (SELECT 1 FROM test_release); PERFORM pg_sleep(0.02); END LOOP;"
                + " RETURN NULL; END $$");
        db.dsl().execute("CREATE TRIGGER test_hold_wave BEFORE INSERT ON match_participants"
                + " FOR EACH STATEMENT EXECUTE FUNCTION test_hold_wave()");
        logs.start();
        persistenceLog.addAppender(logs);
    }

    @AfterEach
    void stopEverything() {
        persistenceLog.detachAppender(logs);
        db.close();
        server.close();
        TestDatabases.deleteRecursively(dir);
    }

    @Test
    void theServerStopsInTheMiddleOfAWave() throws Exception {
        List<NewMatch> wave = LadderScenario.wave(1, 5);
        int port = server.port();
        CompletableFuture<Creation> running;
        try (Connection observer = connect()) {
            running = createOnVirtualThread(wave);
            awaitWaveHeld(observer, "");
        }
        server.close(); // PostgreSQL's fast shutdown: the wave's transaction is rolled back

        assertThat(running).failsWithin(Duration.ofSeconds(30)).withThrowableThat()
                .havingCause().isInstanceOf(StoreException.class)
                .satisfies(e -> assertThat(((StoreException) e).kind()).isEqualTo(StoreException.Kind.UNAVAILABLE))
                .withMessageContaining("create a wave of 5 matches failed, nothing was stored: database unavailable");
        assertThat(logs.list).anySatisfy(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.WARN);
            assertThat(line.getFormattedMessage())
                    .startsWith("database unavailable: create a wave of 5 matches failed, nothing of it was stored");
        });

        server = EmbeddedPostgresServer.start(dir, port, TestDatabases.FAST);
        awaitReachable();
        assertNothingOfTheWaveWasStored(wave);

        // The queue puts the players back as they were (wait cycles included): nothing holds them.
        db.dsl().execute("INSERT INTO test_release VALUES (true)");
        Creation next = ladder.lifecycle.create(wave);

        assertThat(next.created()).hasSize(5);
        assertThat(next.refused()).isEmpty();
        assertThat(ladder.store.matches().open()).hasSize(5);
    }

    @Test
    void aWaveWhoseConnectionIsKilledInTheMiddleRunsAgainOnAFreshConnection() throws Exception {
        List<NewMatch> wave = LadderScenario.wave(1, 5);
        CompletableFuture<Creation> running;
        try (Connection observer = connect()) {
            running = createOnVirtualThread(wave);
            long killed = awaitWaveHeld(observer, "");

            execute(observer, "SELECT pg_terminate_backend(" + killed + ")");
            // Nothing of the first attempt was committed, so it runs once more, on another
            // session, and is held again.
            awaitWaveHeld(observer, " AND pid <> " + killed);
            execute(observer, "INSERT INTO test_release VALUES (true)");
        }

        assertThat(running).succeedsWithin(Duration.ofSeconds(30))
                .satisfies(creation -> assertThat(creation.created()).hasSize(5));
        assertThat(logs.list).anySatisfy(line -> assertThat(line.getFormattedMessage())
                .isEqualTo("database connection lost during create a wave of 5 matches, nothing of it was stored;"
                        + " trying once more on a fresh connection"));
        try (Connection check = connect()) {
            assertThat(count(check, "SELECT count(*) FROM matches")).as("matches, once each").isEqualTo(5);
            assertThat(count(check, "SELECT count(*) FROM match_participants")).as("participants").isEqualTo(10);
        }
        assertThat(players(wave)).allSatisfy(p -> assertThat(ladder.lifecycle.inMatch(p.id())).isTrue());
    }

    private void assertNothingOfTheWaveWasStored(List<NewMatch> wave) throws SQLException {
        try (Connection check = connect()) {
            assertThat(count(check, "SELECT count(*) FROM matches")).as("matches").isZero();
            assertThat(count(check, "SELECT count(*) FROM match_participants")).as("participants").isZero();
        }
        assertThat(ladder.store.matches().open()).isEmpty();
        assertThat(players(wave)).allSatisfy(p -> assertThat(ladder.lifecycle.inMatch(p.id())).isFalse());
    }

    private CompletableFuture<Creation> createOnVirtualThread(List<NewMatch> wave) {
        return CompletableFuture.supplyAsync(() -> ladder.lifecycle.create(wave),
                Executors.newVirtualThreadPerTaskExecutor());
    }

    /**
     * Waits until a session is held inside the participants insert (its matches are written,
     * uncommitted) and returns its pid.
     */
    private static long awaitWaveHeld(Connection observer, String andAlso) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try (Statement statement = observer.createStatement();
                 ResultSet rows = statement.executeQuery(WAVE_SESSION + andAlso)) {
                if (rows.next()) {
                    return rows.getLong(1);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the wave never reached the participants insert");
            }
            Thread.sleep(10);
        }
    }

    /** The database is back for the application once its pool reaches it again (what /health reports). */
    private void awaitReachable() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!db.isReachable(Duration.ofSeconds(1))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the pool never reached the restarted server");
            }
            Thread.sleep(50);
        }
    }

    private static List<QueuedPlayer> players(List<NewMatch> wave) {
        return wave.stream().flatMap(m -> Stream.of(m.pair().first(), m.pair().second())).toList();
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), EmbeddedPostgresServer.USER, "");
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

}
