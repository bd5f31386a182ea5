package dev.matchwave.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.MatchId;
import dev.matchwave.matchmaking.ladder.audit.AdminAction;
import dev.matchwave.matchmaking.ladder.audit.AdminActionKind;
import dev.matchwave.matchmaking.ladder.audit.AuditEntry;
import dev.matchwave.matchmaking.ladder.match.Match;
import dev.matchwave.matchmaking.ladder.match.MatchState;
import dev.matchwave.matchmaking.ladder.match.Verdict;
import dev.matchwave.matchmaking.ladder.player.PlayerProfile;
import dev.matchwave.matchmaking.ladder.player.SavedPreferences;
import dev.matchwave.matchmaking.ladder.rating.LedgerEntry;
import dev.matchwave.matchmaking.ladder.rating.PlayerRating;
import dev.matchwave.persistence.ladder.PostgresLadderStore;
import dev.matchwave.persistence.outbox.NotificationOutbox;
import dev.matchwave.persistence.outbox.OutboxMessage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Closing and reopening the embedded database on the same data directory loses nothing. */
class DatabaseRestartTest {

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
    void ratingsMatchesInProgressLedgerAndPendingNotificationsSurviveARestart() {
        MatchId completed;
        MatchId inProgress;
        List<PlayerRating> ratings;
        List<LedgerEntry> ledger;
        List<Match> open;
        List<AuditEntry> audit;
        PlayerProfile profile = new PlayerProfile("Flash", "Flash#1234", List.of("Lee"), "KR", "KRJ");
        SavedPreferences preferences = new SavedPreferences(Set.of("bw_terran", "sc2_zerg"), Set.of("Python"));
        try (Database db = Database.open(TestDatabases.config(dir))) {
            PostgresLadderStore store = new PostgresLadderStore(db);
            LadderScenario ladder = new LadderScenario(store);
            ladder.register(1, 2, 3, 4);
            store.players().saveProfile(PlayerId.of(1), profile);
            store.preferences().save(PlayerId.of(1), preferences);
            store.audit().append(new AdminAction(PlayerId.of(900), AdminActionKind.CLEAR_QUEUE, "-", "emptied", "test",
                    LadderScenario.START));

            List<Match> wave = ladder.lifecycle.create(List.of(LadderScenario.pair(1, 2, 1500, 1),
                    LadderScenario.pair(3, 4, 1500, 1))).created();
            completed = wave.get(0).id();
            inProgress = wave.get(1).id();
            for (long player : new long[] {1, 2, 3, 4}) {
                ladder.lifecycle.confirm(player <= 2 ? completed : inProgress, PlayerId.of(player));
            }
            ladder.lifecycle.report(completed, PlayerId.of(1), Verdict.PLAYER1);
            ladder.lifecycle.report(completed, PlayerId.of(2), Verdict.PLAYER1);

            NotificationOutbox outbox = new NotificationOutbox(db);
            OutboxMessage sent = outbox.add(PlayerId.of(1), "match_completed", "{\"match\":1}", Optional.empty(),
                    LadderScenario.START);
            outbox.markDelivered(sent.id(), LadderScenario.START.plusSeconds(1));
            outbox.add(PlayerId.of(3), "match_details", "{\"match\":2}", Optional.of("details-2-3"),
                    LadderScenario.START);

            ratings = store.ratings().all();
            ledger = store.ratings().ledger(0, 100);
            open = store.matches().open();
            audit = store.audit().recent(10);
            assertThat(store.matches().find(completed).orElseThrow().state()).isEqualTo(MatchState.COMPLETED);
            assertThat(ledger).hasSize(2);
            assertThat(open).extracting(Match::id).containsExactly(inProgress);
        }
        assertThat(dir.resolve("postmaster.pid")).as("clean shutdown").doesNotExist();

        try (Database db = Database.open(TestDatabases.config(dir))) {
            PostgresLadderStore store = new PostgresLadderStore(db);

            assertThat(store.ratings().all()).isEqualTo(ratings);
            assertThat(store.ratings().ledger(0, 100)).isEqualTo(ledger);
            assertThat(store.matches().open()).isEqualTo(open);
            assertThat(store.audit().recent(10)).isEqualTo(audit);
            assertThat(store.players().find(PlayerId.of(1)).orElseThrow().profile()).contains(profile);
            assertThat(store.preferences().find(PlayerId.of(1))).contains(preferences);
            assertThat(new NotificationOutbox(db).pending(10))
                    .extracting(OutboxMessage::recipient, OutboxMessage::kind, OutboxMessage::payload)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(PlayerId.of(3), "match_details",
                            "{\"match\":2}"));

            // The match in progress goes on where it stopped.
            LadderScenario ladder = new LadderScenario(store);
            assertThat(ladder.lifecycle.inMatch(PlayerId.of(3))).isTrue();
            ladder.lifecycle.report(inProgress, PlayerId.of(3), Verdict.DRAW);
            ladder.lifecycle.report(inProgress, PlayerId.of(4), Verdict.DRAW);
            assertThat(store.matches().find(inProgress).orElseThrow().state()).isEqualTo(MatchState.COMPLETED);
            assertThat(store.ratings().ledger(0, 100)).hasSize(4);
        }
    }

    @Test
    void aDatabaseMigratedByANewerMatchwaveIsRefusedWithAClearMessage() {
        try (Database db = Database.open(TestDatabases.config(dir))) {
            assertThat(db.schemaVersion()).as("the newest migration of this build").isEqualTo(newestMigration());
            db.dsl().execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, installed_on, execution_time, success) VALUES (99, '99',"
                    + " 'from the future', 'SQL', 'V99__from_the_future.sql', 0, 'test', now(), 1, true)");
        }

        assertThatThrownBy(() -> Database.open(TestDatabases.config(dir)))
                .isInstanceOf(DatabaseStartException.class)
                .hasMessageContaining("has schema version 99, newer than this matchwave knows (up to " + newestMigration() + ")")
                .hasMessageContaining("restore a backup");
        assertThat(dir.resolve("postmaster.pid")).as("the refused open stopped its server").doesNotExist();
    }

    @Test
    void anUnreachableServerIsOneClearLine() {
        DatabaseConfig config = DatabaseConfig.server("jdbc:postgresql://127.0.0.1:9/ladder", "ladder", "pw");

        assertThatThrownBy(() -> Database.open(config))
                .isInstanceOf(DatabaseStartException.class)
                .hasMessageStartingWith("cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:9/ladder as ladder")
                .hasMessageContaining("MATCHWAVE_DB_URL")
                .hasMessageNotContaining("\n");
    }

    /** The highest V<n> among this build's migrations (dev/matchwave/persistence/migration on the classpath). */
    private static String newestMigration() {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of(
                DatabaseRestartTest.class.getResource("/dev/matchwave/persistence/migration").toURI()))) {
            return Integer.toString(files.map(f -> f.getFileName().toString())
                    .filter(name -> name.matches("V\\d+__.*\\.sql"))
                    .mapToInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
                    .max().orElseThrow());
        } catch (java.io.IOException | java.net.URISyntaxException e) {
            throw new AssertionError("the migrations could not be listed", e);
        }
    }
}
