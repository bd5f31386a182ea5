package dev.matchwave.matchmaking.queue;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.Preferences;
import dev.matchwave.matchmaking.pairing.Pairers;
import dev.matchwave.matchmaking.rules.SinglePoolRules;
import dev.matchwave.matchmaking.time.ManualClock;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The example of docs/queue-and-waves.md, "Embedding matchmaking-core in another bot": the
 * text between the tags is quoted there word for word (EmbeddingExampleTest checks it) and
 * EmbeddingExampleTest runs it.
 */
public final class EmbeddingExample {

    private EmbeddingExample() {
    }

    public static void main(String[] args) {
        run(System.out);
    }

    // tag::embed[]
    static void run(PrintStream out) {
        // Production: InstantSource.system() and Scheduler.forScheduledExecutorService(executor).
        ManualClock clock = ManualClock.atEpochSecond(1_700_000_000L);
        // One pool for everybody, window 100 + 50 per wave waited; the optimal pairing.
        QueueService queue = QueueService.builder(SinglePoolRules.defaults(), Pairers.optimal())
                .clock(clock)
                .scheduler(clock)
                .config(QueueConfig.builder().waveInterval(Duration.ofSeconds(30)).build())
                .guard(player -> player.value() == 13 ? Optional.of("You are banned.") : Optional.empty())
                .onWave(wave -> {
                    // Create the matches here (database, notifications); name the pairs that failed.
                    out.println("wave " + wave.number() + " at " + wave.at() + ": " + wave.pairs().stream()
                            .map(p -> p.first().id() + " vs " + p.second().id()).collect(Collectors.joining(", "))
                            + "; " + wave.unmatched() + " still queued");
                    return WaveReceipt.allCreated();
                })
                .build();

        int[] ratings = {1500, 2200, 1580, 2150, 1900};
        for (int i = 0; i < ratings.length; i++) {
            queue.join(PlayerId.of(i + 1), List.of(SinglePoolRules.seat(ratings[i])), Preferences.NONE);
        }
        JoinResult refused = queue.join(PlayerId.of(13), List.of(SinglePoolRules.seat(1500)), Preferences.NONE);
        out.println("13: " + refused.message());

        queue.start();
        clock.advance(Duration.ofSeconds(30)); // the first wave falls on the next multiple of 30 s

        QueueStatus status = queue.status(PlayerId.of(5));
        out.println("queued " + status.queued() + ", matches in progress " + status.matchesInProgress()
                + ", next wave at " + status.nextWave());
        queue.release(PlayerId.of(1)); // the match lifecycle frees both players when a match ends
        queue.release(PlayerId.of(3));
        out.println("1 is " + queue.stateOf(PlayerId.of(1)) + ", 5 is " + queue.stateOf(PlayerId.of(5)));
        queue.close();
    }
    // end::embed[]
}
