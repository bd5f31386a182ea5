package dev.matchwave.discord.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.time.ManualClock;
import dev.matchwave.notification.dispatch.SendResult;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/**
 * A change whose state has nothing to show ("the match is over") never counts as the delivery of
 * an older change that never reached the player: the "match found" of a player whose token had
 * expired, superseded by the refresh at the match's time-out before its direct message left,
 * was reported delivered, and the player was penalised as a no-show (NoShowNotToldTest, once
 * under load).
 */
class MessageWritersNothingShownTest {

    private static final PlayerId PLAYER = PlayerId.of(11);
    private static final MessageWriters.Key KEY = new MessageWriters.Key(PLAYER, 7, MessageWriters.Kind.MATCH_FOUND);

    private final ManualClock clock = ManualClock.atEpochSecond(1_800_000_000L);
    private final List<String> sent = new ArrayList<>();
    /** Tasks of the writers' executor, run when the test says: the order of a race, made exact. */
    private final Deque<Runnable> tasks = new ArrayDeque<>();
    private final MessageWriters<String> writers = new MessageWriters<>((key, target, content, leaving) -> {
        leaving.getAsBoolean();
        sent.add(content);
        return CompletableFuture.completedFuture(new MessageWriters.Landing.Landed(Optional.empty()));
    }, tasks::add, clock, Duration.ofMinutes(14));

    private void runTasks() {
        while (!tasks.isEmpty()) {
            tasks.poll().run();
        }
    }

    @Test
    void anOlderChangeSupersededByNothingToShowIsNotDelivered() {
        // The direct message with "match found" is asked for, and before it leaves, the match's
        // time-out refreshes the message with nothing to show (the match never started).
        CompletionStage<SendResult> found = writers.change(KEY, Optional.empty(), () -> Optional.of("match found"),
                true);
        CompletionStage<SendResult> refresh = writers.changeIfKnown(KEY, Optional::empty);
        runTasks();

        assertThat(sent).as("nothing was sent").isEmpty();
        assertThat(found.toCompletableFuture().getNow(null)).isInstanceOfSatisfying(SendResult.Failed.class,
                failed -> assertThat(failed.retryable()).isFalse());
        assertThat(refresh.toCompletableFuture().getNow(null)).isInstanceOf(SendResult.Failed.class);
    }

    @Test
    void onceTheMessageWasShownNothingToShowLeavesItAsItIs() {
        CompletionStage<SendResult> first = writers.change(KEY, Optional.empty(), () -> Optional.of("match found"),
                true);
        runTasks();
        CompletionStage<SendResult> second = writers.change(KEY, Optional.empty(), () -> Optional.of("confirmed"),
                false);
        CompletionStage<SendResult> refresh = writers.changeIfKnown(KEY, Optional::empty);
        runTasks();

        assertThat(sent).containsExactly("match found");
        assertThat(first.toCompletableFuture().getNow(null)).isEqualTo(SendResult.sent());
        assertThat(second.toCompletableFuture().getNow(null)).as("superseded by the state that stands")
                .isEqualTo(SendResult.sent());
        assertThat(refresh.toCompletableFuture().getNow(null)).isEqualTo(SendResult.sent());
    }
}
