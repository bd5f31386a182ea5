package dev.matchwave.persistence.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.lifecycle.MatchLifecycle;
import dev.matchwave.matchmaking.ladder.match.Match;
import dev.matchwave.matchmaking.ladder.match.Verdict;
import dev.matchwave.matchmaking.time.ManualClock;
import dev.matchwave.persistence.Database;
import dev.matchwave.persistence.DatabaseConfig;
import dev.matchwave.persistence.LadderScenario;
import dev.matchwave.persistence.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The reference bot forgets a result pick inside the report's own transaction. That transaction
 * holds a connection, so forgetting must not wait for anything a thread waiting for a connection
 * holds: here the first read of a fresh repository, which loads the table under the
 * repository's monitor. With every connection taken, the old order (load, then forget) waited for the
 * pool's timeout and the read failed.
 */
class PickForgottenInTransactionTest {

    @Test
    void aReportsTransactionForgetsThePickWithoutWaitingForALoadThatWaitsForItsConnection() throws Exception {
        Path dir = TestDatabases.newDataDirectory();
        try (Database db = Database.open(new DatabaseConfig(new DatabaseConfig.Embedded(dir, 0, TestDatabases.FAST), 2,
                Duration.ofSeconds(5)))) {
            PostgresLadderStore first = new PostgresLadderStore(db);
            ManualClock clock = new ManualClock(LadderScenario.START);
            MatchLifecycle lifecycle = MatchLifecycle.builder(first).clock(clock).scheduler(clock).build();
            for (long id : new long[] {1, 2}) {
                first.players().register(PlayerId.of(id), 3, LadderScenario.START);
            }
            Match match = lifecycle.create(List.of(LadderScenario.pair(1, 2, 1500, 2))).created().get(0);
            first.resultPicks().pick(match.id(), PlayerId.of(1), Verdict.PLAYER1);

            // A fresh repository (a new process): its table is not loaded yet.
            PostgresLadderStore fresh = new PostgresLadderStore(db);
            // Of the pool's two connections (the migration needs two), another transaction holds one.
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch letGo = new CountDownLatch(1);
            Thread other = Thread.ofPlatform().start(() -> fresh.atomically(() -> {
                holding.countDown();
                awaitQuietly(letGo);
                return null;
            }));
            assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
            CountDownLatch inTransaction = new CountDownLatch(1);
            CompletableFuture<Thread> reader = new CompletableFuture<>();
            CompletableFuture<Optional<Verdict>> read = new CompletableFuture<>();
            Thread report = Thread.ofPlatform().start(() -> fresh.atomically(() -> {
                inTransaction.countDown(); // the only connection is this transaction's from here on
                Thread reading = reader.join();
                while (reading.isAlive() && Arrays.stream(reading.getStackTrace())
                        .noneMatch(f -> f.getMethodName().equals("getConnection"))) {
                    Thread.onSpinWait(); // until the reader holds the monitor and waits for a connection
                }
                fresh.resultPicks().clear(match.id(), PlayerId.of(1));
                return null;
            }));
            assertThat(inTransaction.await(30, TimeUnit.SECONDS)).isTrue();
            reader.complete(Thread.ofPlatform().start(() -> {
                try {
                    read.complete(fresh.resultPicks().picked(match.id(), PlayerId.of(1)));
                } catch (RuntimeException e) {
                    read.completeExceptionally(e);
                }
            }));
            report.join(30_000);
            letGo.countDown();
            other.join(30_000);

            assertThat(read.get(30, TimeUnit.SECONDS)).as("the load ran after the report committed").isEmpty();
            assertThat(new PostgresLadderStore(db).resultPicks().picked(match.id(), PlayerId.of(1))).isEmpty();
        } finally {
            TestDatabases.awaitStopped(dir);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
