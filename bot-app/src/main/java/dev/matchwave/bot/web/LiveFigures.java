package dev.matchwave.bot.web;

import dev.matchwave.bot.ladder.WaveObserver;
import dev.matchwave.matchmaking.MatchRules;
import dev.matchwave.matchmaking.Pairer;
import dev.matchwave.matchmaking.QueuedPlayer;
import dev.matchwave.matchmaking.ladder.match.Match;
import dev.matchwave.matchmaking.queue.Wave;
import dev.matchwave.notification.dispatch.WaveFigures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The last waves' figures for the live page: matches created, pairs against the most the rules
 * allow for that queue, and the two phases' latencies. Fed by the ladder as a
 * {@link WaveObserver}; {@link #watching} wraps the waves' pairer to see each wave's queue.
 *
 * <p>Thread-safe. The observer methods never block the wave: the maximum is computed on this
 * object's own single background thread, and only for queues of at most
 * {@link #MAX_QUEUE_FOR_MAXIMUM} players (beyond that the page says it was not computed).
 */
public final class LiveFigures implements WaveObserver, AutoCloseable {

    /** How many waves the live page shows. */
    public static final int WAVES_KEPT = 10;
    /** The maximum matching is cubic in the queue: bigger queues are not worth a core. */
    public static final int MAX_QUEUE_FOR_MAXIMUM = 3_000;

    /** The most pairs the rules allow in a queue (e.g. the demo's PairingBound). */
    @FunctionalInterface
    public interface MaximumPairs {
        int of(List<QueuedPlayer> queue, MatchRules rules);
    }

    /**
     * One wave as the live page shows it.
     *
     * @param maxPairs the most pairs the rules allowed, empty while being computed or not computed
     * @param phase1   the slowest "match found" (p99), empty until the wave's notifications settle
     * @param phase2   the slowest match message (p99), likewise
     */
    public record WaveLine(long number, Instant at, int queued, int pairs, int matches, OptionalInt maxPairs,
                           Optional<Duration> phase1, Optional<Duration> phase2) {
        public WaveLine {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(maxPairs, "maxPairs");
            Objects.requireNonNull(phase1, "phase1");
            Objects.requireNonNull(phase2, "phase2");
        }

        WaveLine withMaxPairs(int max) {
            return new WaveLine(number, at, queued, pairs, matches, OptionalInt.of(max), phase1, phase2);
        }

        WaveLine withPhases(Duration first, Duration second) {
            return new WaveLine(number, at, queued, pairs, matches, maxPairs, Optional.of(first), Optional.of(second));
        }
    }

    private record Seen(List<QueuedPlayer> queue, MatchRules rules) {
    }

    private final MaximumPairs maximum;
    private final ArrayDeque<WaveLine> lines = new ArrayDeque<>();
    private final AtomicReference<Seen> lastQueue = new AtomicReference<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("matchwave-web-live").daemon(true).factory());

    public LiveFigures(MaximumPairs maximum) {
        this.maximum = Objects.requireNonNull(maximum, "maximum");
    }

    /** The pairer, seeing each queue it pairs (waves run one at a time). */
    public Pairer watching(Pairer pairer) {
        Objects.requireNonNull(pairer, "pairer");
        return (queue, rules) -> {
            lastQueue.set(new Seen(List.copyOf(queue), rules));
            return pairer.pair(queue, rules);
        };
    }

    /** The last waves, newest first. */
    public synchronized List<WaveLine> lastWaves() {
        List<WaveLine> newestFirst = new ArrayList<>(lines);
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    @Override
    public void waveRun(Wave wave, List<Match> created) {
        Seen seen = lastQueue.getAndSet(null);
        WaveLine line = new WaveLine(wave.number(), wave.at(), wave.queued(), wave.pairs().size(), created.size(),
                OptionalInt.empty(), Optional.empty(), Optional.empty());
        synchronized (this) {
            lines.addLast(line);
            while (lines.size() > WAVES_KEPT) {
                lines.removeFirst();
            }
        }
        if (wave.queued() < 2) {
            update(wave.number(), l -> l.withMaxPairs(0));
        } else if (seen != null && seen.queue().size() == wave.queued() && wave.queued() <= MAX_QUEUE_FOR_MAXIMUM) {
            try {
                background.execute(() -> update(wave.number(), l -> l.withMaxPairs(maximum.of(seen.queue(), seen.rules()))));
            } catch (RejectedExecutionException closed) {
                // Closed: nobody looks any more.
            }
        }
    }

    @Override
    public void waveNotified(Wave wave, WaveFigures figures) {
        update(wave.number(), l -> l.withPhases(figures.phase1().p99(), figures.phase2().p99()));
    }

    private synchronized void update(long wave, java.util.function.UnaryOperator<WaveLine> change) {
        List<WaveLine> copy = new ArrayList<>(lines);
        lines.clear();
        for (WaveLine line : copy) {
            lines.addLast(line.number() == wave ? change.apply(line) : line);
        }
    }

    @Override
    public void close() {
        background.shutdownNow();
    }
}
