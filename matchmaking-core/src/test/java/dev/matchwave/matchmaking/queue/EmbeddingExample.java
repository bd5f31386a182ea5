package dev.matchwave.matchmaking.queue;

import dev.matchwave.matchmaking.MatchRules;
import dev.matchwave.matchmaking.Pair;
import dev.matchwave.matchmaking.Pairer;
import dev.matchwave.matchmaking.Pairing;
import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.Preferences;
import dev.matchwave.matchmaking.QueuedPlayer;
import dev.matchwave.matchmaking.Seat;
import dev.matchwave.matchmaking.time.ManualClock;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
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
    /** One pool for everybody; the window grows by 50 a wave, as on the reference ladder. */
    static final MatchRules ONE_POOL = new MatchRules() {
        @Override public String name() { return "one-pool"; }
        @Override public boolean sidesMeet(String a, String b) { return a.equals(b); }
        @Override public int window(int waitCycles) { return 100 + 50 * waitCycles; }
    };

    /** First fit in join order; a real bot plugs in the toolkit's optimal Pairer here. */
    static final Pairer FIRST_FIT = (queue, rules) -> {
        List<Pair> pairs = new ArrayList<>();
        List<QueuedPlayer> waiting = new ArrayList<>();
        for (QueuedPlayer player : queue) {
            Seat seat = player.seats().get(0);
            Optional<QueuedPlayer> partner = waiting.stream()
                    .filter(other -> rules.allowed(other, other.seats().get(0), player, seat)).findFirst();
            partner.ifPresentOrElse(other -> {
                waiting.remove(other);
                pairs.add(new Pair(other, other.seats().get(0), player, seat));
            }, () -> waiting.add(player));
        }
        return new Pairing(pairs, waiting);
    };

    static void run(PrintStream out) {
        // Production: InstantSource.system() and Scheduler.forScheduledExecutorService(executor).
        ManualClock clock = ManualClock.atEpochSecond(1_700_000_000L);
        QueueService queue = QueueService.builder(ONE_POOL, FIRST_FIT)
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
            queue.join(PlayerId.of(i + 1), List.of(new Seat("any", "any", ratings[i])), Preferences.NONE);
        }
        JoinResult refused = queue.join(PlayerId.of(13), List.of(new Seat("any", "any", 1500)), Preferences.NONE);
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
