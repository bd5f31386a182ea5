package dev.matchwave.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.rank.LeaderboardPage;
import dev.matchwave.matchmaking.ladder.rank.LeaderboardQuery;
import dev.matchwave.persistence.ladder.PostgresLadderStore;
import dev.matchwave.persistence.ladder.PostgresLeaderboard;
import dev.matchwave.persistence.outbox.NotificationOutbox;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The example of docs/persistence.md ("Using it"), compiled and run. */
class PersistenceDocExampleTest {

    private Path dir;

    @BeforeEach
    void newDirectory() {
        dir = TestDatabases.newDataDirectory();
    }

    @AfterEach
    void deleteDirectory() {
        TestDatabases.deleteRecursively(dir);
    }

    @Test
    void theUsageExampleRuns() {
        // The doc reads the config from the environment; here: a throwaway data directory.
        Map<String, String> environment = Map.of("MATCHWAVE_DB_DATA_DIR", dir.toString());
        LeaderboardPage top;
        try (Database db = Database.open(DatabaseConfig.fromSettings(environment))) {
            PostgresLadderStore store = new PostgresLadderStore(db);
            PostgresLeaderboard leaderboard = new PostgresLeaderboard(store);
            NotificationOutbox outbox = new NotificationOutbox(db);

            store.players().register(PlayerId.of(1), 3, Instant.now());
            top = leaderboard.page(LeaderboardQuery.ALL);

            assertThat(store.players().find(PlayerId.of(1))).isPresent();
            assertThat(outbox.pendingCount()).isZero();
            assertThat(db.isReachable(java.time.Duration.ofSeconds(5))).isTrue();
        }
        assertThat(top.rows()).isEmpty();
        assertThat(dir.resolve("postmaster.pid")).doesNotExist();
    }
}
