package dev.matchwave.bot.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.matchmaking.PlayerId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The follow-up of an ended match: held players, their joins' wait, a graceful stop's drain. */
class MatchAftermathTest {

    private static final PlayerId ALICE = PlayerId.of(1);
    private static final PlayerId BOB = PlayerId.of(2);
    private static final PlayerId CAROL = PlayerId.of(3);

    /** Keeps the tasks until the test runs them. */
    private final List<Runnable> tasks = new ArrayList<>();
    private final MatchAftermath aftermath = new MatchAftermath(tasks::add);

    @Test
    void bothPlayersAreHeldUntilTheWorkHasRunAndOthersAreNot() {
        AtomicInteger runs = new AtomicInteger();
        aftermath.follow(7, List.of(ALICE, BOB), runs::incrementAndGet);

        assertThat(runs).hasValue(0);
        assertThat(aftermath.held()).isEqualTo(2);
        assertThat(aftermath.awaitPlayer(ALICE, Duration.ZERO)).as("held: not done in time").isFalse();
        assertThat(aftermath.awaitPlayer(CAROL, Duration.ZERO)).as("nothing to wait for").isTrue();

        tasks.removeFirst().run();

        assertThat(runs).hasValue(1);
        assertThat(aftermath.held()).isZero();
        assertThat(aftermath.awaitPlayer(ALICE, Duration.ZERO)).isTrue();
        assertThat(aftermath.awaitPlayer(BOB, Duration.ZERO)).isTrue();
    }

    @Test
    void aFailedFollowUpLetsThePlayersGo() {
        aftermath.follow(7, List.of(ALICE, BOB), () -> {
            throw new IllegalStateException("database down");
        });
        tasks.removeFirst().run();

        assertThat(aftermath.held()).isZero();
        assertThat(aftermath.awaitPlayer(ALICE, Duration.ZERO)).isTrue();
    }

    @Test
    void aJoinWaitsOnItsOwnThreadUntilTheWorkIsDone() throws Exception {
        aftermath.follow(7, List.of(ALICE, BOB), () -> { });
        CompletableFuture<Boolean> waited = new CompletableFuture<>();
        Thread joining = Thread.ofPlatform().start(() -> waited.complete(aftermath.awaitPlayer(ALICE,
                Duration.ofSeconds(30))));
        awaitParkedIn(joining, "awaitPlayer");
        assertThat(waited).isNotDone();

        tasks.removeFirst().run();

        assertThat(waited.get(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aDrainWaitsForEveryFollowUpUnderWay() {
        aftermath.follow(7, List.of(ALICE, BOB), () -> { });
        aftermath.follow(8, List.of(CAROL), () -> { });
        assertThat(aftermath.drain(Duration.ZERO)).isFalse();

        tasks.forEach(Runnable::run);

        assertThat(aftermath.drain(Duration.ZERO)).isTrue();
    }

    @Test
    void anExecutorThatRefusesRunsTheWorkHere() {
        MatchAftermath closing = new MatchAftermath(task -> {
            throw new RejectedExecutionException("shut down");
        });
        AtomicInteger runs = new AtomicInteger();
        closing.follow(7, List.of(ALICE, BOB), runs::incrementAndGet);

        assertThat(runs).hasValue(1);
        assertThat(closing.held()).isZero();
    }

    @Test
    void aSecondEndOfTheSamePlayerFollowsTheFirst() {
        List<String> order = new ArrayList<>();
        aftermath.follow(7, List.of(ALICE, BOB), () -> order.add("first"));
        aftermath.follow(8, List.of(ALICE, CAROL), () -> order.add("second"));
        Runnable first = tasks.get(0);
        Runnable second = tasks.get(1);
        Thread later = Thread.ofPlatform().start(second);
        awaitParkedIn(later, "awaitQuietly");
        assertThat(order).isEmpty();

        first.run();
        try {
            later.join(30_000);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }

        assertThat(order).containsExactly("first", "second");
        assertThat(aftermath.held()).isZero();
    }

    /** Spins (no sleep) until {@code thread} is parked inside {@code method}, or has ended. */
    private static void awaitParkedIn(Thread thread, String method) {
        while (thread.isAlive()) {
            Thread.State state = thread.getState();
            if ((state == Thread.State.TIMED_WAITING || state == Thread.State.WAITING)
                    && java.util.Arrays.stream(thread.getStackTrace()).anyMatch(f -> f.getMethodName().equals(method))) {
                return;
            }
            Thread.onSpinWait();
        }
    }
}
