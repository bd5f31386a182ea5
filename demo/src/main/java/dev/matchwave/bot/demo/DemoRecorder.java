package dev.matchwave.bot.demo;

import dev.matchwave.discord.timing.FlowTargets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Collects the figures of one demo run as they happen, from any number of threads, and gives
 * {@link DemoFigures} on demand.
 *
 * <p>Thread-safety: every method may be called from any thread. Each call is atomic (one lock
 * guards all state; calls are short and never block on anything else), and {@link #figures()}
 * sees every call that returned before it began. A wave is opened once with {@link #openWave},
 * then its matches and deliveries may arrive in any order from any thread; calls for a wave
 * that was not opened, or that was given whole with {@link #wave}, fail.
 *
 * <p>Obtain one with {@link DemoFigures#recorder}.
 */
public final class DemoRecorder {

    private final long seed;
    private final int players;
    private final int plannedWaves;
    private final FlowTargets targets;
    private final InstantSource clock;
    private final Instant startedAt;

    private final Object lock = new Object();
    private final TreeMap<Integer, OpenWave> waves = new TreeMap<>();
    private final TreeMap<String, List<Duration>> flows = new TreeMap<>();
    private final Map<String, Long> perRouteClass = new HashMap<>();
    private final List<String> notes = new ArrayList<>();
    private java.util.Optional<CrashFigures> crash = java.util.Optional.empty();
    private java.util.Optional<CpuFigures> cpu = java.util.Optional.empty();
    private int confirmed;
    private int aborted;
    private int timedOut;
    private int completed;
    private int conflicts;
    private long requests;
    private long globalRateLimited;
    private long routeRateLimited;
    private long invalid;

    DemoRecorder(long seed, int players, int plannedWaves, FlowTargets targets, InstantSource clock) {
        if (players < 0) {
            throw new IllegalArgumentException("players must not be negative, got " + players);
        }
        if (plannedWaves < 0) {
            throw new IllegalArgumentException("plannedWaves must not be negative, got " + plannedWaves);
        }
        this.seed = seed;
        this.players = players;
        this.plannedWaves = plannedWaves;
        this.targets = Objects.requireNonNull(targets, "targets");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.startedAt = clock.instant();
    }

    /** When the run started: the clock's time when this recorder was made. */
    public Instant startedAt() {
        return startedAt;
    }

    /**
     * A wave ran.
     *
     * @param wave     its number, from 1, not opened before
     * @param at       when it ran
     * @param queued   players in the queue it paired
     * @param maxPairs the most pairs the rules allowed on that queue ({@link DemoFigures#maxPairs})
     */
    public void openWave(int wave, Instant at, int queued, int maxPairs) {
        // Validates the numbers the way the finished wave will.
        new WaveResult(wave, at, queued, 0, maxPairs, List.of(), List.of(), Spread.NONE, Spread.NONE);
        synchronized (lock) {
            if (waves.containsKey(wave)) {
                throw new IllegalStateException("wave " + wave + " was already opened");
            }
            if (waves.size() >= plannedWaves) {
                throw new IllegalStateException("wave " + wave + " is one more than the " + plannedWaves + " planned");
            }
            if (queued > players) {
                throw new IllegalArgumentException("wave " + wave + " had " + queued
                        + " players queued, more than the " + players + " taking part");
            }
            waves.put(wave, new OpenWave(wave, at, queued, maxPairs));
        }
    }

    /**
     * A wave made a match.
     *
     * @param ratingGap   the rating gap between the two players, not negative
     * @param firstWait   how long one player had waited when the wave ran
     * @param secondWait  how long the other had
     */
    public void matched(int wave, int ratingGap, Duration firstWait, Duration secondWait) {
        if (ratingGap < 0) {
            throw new IllegalArgumentException("a rating gap must not be negative, got " + ratingGap);
        }
        Spread.requireNotNegative("firstWait", firstWait);
        Spread.requireNotNegative("secondWait", secondWait);
        synchronized (lock) {
            OpenWave w = open(wave);
            if (w.gaps.size() == w.maxPairs) {
                throw new IllegalStateException("wave " + wave + " already has " + w.maxPairs
                        + " matches, its possible maximum");
            }
            w.gaps.add(ratingGap);
            w.waits.add(firstWait);
            w.waits.add(secondWait);
        }
    }

    /** A "match found" message of this wave was delivered, this long after the wave ran. */
    public void phase1(int wave, Duration latency) {
        Spread.requireNotNegative("latency", latency);
        synchronized (lock) {
            open(wave).phase1.add(latency);
        }
    }

    /** A match details message of this wave was delivered, this long after the wave ran. */
    public void phase2(int wave, Duration latency) {
        Spread.requireNotNegative("latency", latency);
        synchronized (lock) {
            open(wave).phase2.add(latency);
        }
    }

    /** A whole wave at once, instead of {@link #openWave} and the calls after it. */
    public void wave(WaveResult result) {
        Objects.requireNonNull(result, "result");
        synchronized (lock) {
            openWave(result.wave(), result.at(), result.queued(), result.maxPairs());
            waves.put(result.wave(), new OpenWave(result));
        }
    }

    /** The wave so far (for its progress line), if it was opened. */
    public Optional<WaveResult> waveSoFar(int wave) {
        synchronized (lock) {
            return Optional.ofNullable(waves.get(wave)).map(OpenWave::result);
        }
    }

    /** Both players confirmed a match. */
    public void confirmed() {
        synchronized (lock) {
            confirmed++;
        }
    }

    /** A player aborted a match. */
    public void aborted() {
        synchronized (lock) {
            aborted++;
        }
    }

    /** A match was not confirmed in time. */
    public void timedOut() {
        synchronized (lock) {
            timedOut++;
        }
    }

    /** A match's result was recorded. */
    public void completed() {
        synchronized (lock) {
            completed++;
        }
    }

    /** A match's two reports disagreed. */
    public void conflict() {
        synchronized (lock) {
            conflicts++;
        }
    }

    /**
     * One command flow finished on the server.
     *
     * @param flow       its name, as {@link FlowTargets} names it (e.g. {@link FlowTargets#JOIN})
     * @param serverSide from the interaction's arrival to the flow's last Discord call
     */
    public void flow(String flow, Duration serverSide) {
        Objects.requireNonNull(flow, "flow");
        if (flow.isBlank()) {
            throw new IllegalArgumentException("a flow's name must not be blank");
        }
        Spread.requireNotNegative("serverSide", serverSide);
        synchronized (lock) {
            flows.computeIfAbsent(flow, f -> new ArrayList<>()).add(serverSide);
        }
    }

    /** The bot made a request of this route class that was not answered 429. */
    public void request(String routeClass) {
        Objects.requireNonNull(routeClass, "routeClass");
        synchronized (lock) {
            perRouteClass.merge(routeClass, 1L, Long::sum);
            requests++;
        }
    }

    /** The bot made a request of this route class that was answered 429, globally or by its bucket. */
    public void rateLimited(String routeClass, boolean global) {
        synchronized (lock) {
            request(routeClass);
            if (global) {
                globalRateLimited++;
            } else {
                routeRateLimited++;
            }
        }
    }

    /** Discord counted an invalid request (the request itself is counted by {@link #request}). */
    public void invalidRequest() {
        synchronized (lock) {
            invalid++;
        }
    }

    /**
     * Replaces the request figures counted so far with these, e.g. the emulator's own count
     * taken at the end of the run.
     */
    public void requests(RequestFigures figures) {
        Objects.requireNonNull(figures, "figures");
        synchronized (lock) {
            perRouteClass.clear();
            perRouteClass.putAll(figures.perRouteClass());
            requests = figures.total();
            globalRateLimited = figures.globalRateLimited();
            routeRateLimited = figures.routeRateLimited();
            invalid = figures.invalid();
        }
    }

    /** A line of free text for the report. */
    public void crash(CrashFigures figures) {
        synchronized (lock) {
            crash = java.util.Optional.of(java.util.Objects.requireNonNull(figures, "figures"));
        }
    }

    public void note(String note) {
        Objects.requireNonNull(note, "note");
        synchronized (lock) {
            notes.add(note);
        }
    }

    /** Where the CPU time went ({@link CpuSampler}); replaces what an earlier call gave. */
    public void cpu(CpuFigures figures) {
        Objects.requireNonNull(figures, "figures");
        synchronized (lock) {
            cpu = java.util.Optional.of(figures);
        }
    }

    /** The figures so far; the run duration is up to now. */
    public DemoFigures figures() {
        synchronized (lock) {
            Duration run = Duration.between(startedAt, clock.instant());
            List<WaveResult> results = waves.values().stream().map(OpenWave::result).toList();
            List<FlowFigures> flowFigures = new ArrayList<>();
            flows.forEach((name, durations) -> {
                Optional<Duration> target = targets.target(name);
                int over = target.map(t -> (int) durations.stream().filter(d -> d.compareTo(t) > 0).count()).orElse(0);
                flowFigures.add(new FlowFigures(name, Spread.of(durations), target, over));
            });
            return new DemoFigures(seed, players, plannedWaves, startedAt, run.isNegative() ? Duration.ZERO : run,
                    results, new MatchOutcomes(confirmed, aborted, timedOut, completed, conflicts), flowFigures,
                    new RequestFigures(requests, perRouteClass, globalRateLimited, routeRateLimited, invalid), notes,
                    crash, cpu);
        }
    }

    private OpenWave open(int wave) {
        OpenWave w = waves.get(wave);
        if (w == null) {
            throw new IllegalStateException("wave " + wave + " was not opened");
        }
        if (w.whole.isPresent()) {
            throw new IllegalStateException("wave " + wave + " was given whole; it takes no more figures");
        }
        return w;
    }

    /** A wave being filled in; guarded by the recorder's lock. */
    private static final class OpenWave {
        final int wave;
        final Instant at;
        final int queued;
        final int maxPairs;
        final List<Integer> gaps = new ArrayList<>();
        final List<Duration> waits = new ArrayList<>();
        final List<Duration> phase1 = new ArrayList<>();
        final List<Duration> phase2 = new ArrayList<>();
        final Optional<WaveResult> whole;

        OpenWave(int wave, Instant at, int queued, int maxPairs) {
            this.wave = wave;
            this.at = at;
            this.queued = queued;
            this.maxPairs = maxPairs;
            this.whole = Optional.empty();
        }

        OpenWave(WaveResult result) {
            this.wave = result.wave();
            this.at = result.at();
            this.queued = result.queued();
            this.maxPairs = result.maxPairs();
            this.whole = Optional.of(result);
        }

        WaveResult result() {
            return whole.orElseGet(() -> new WaveResult(wave, at, queued, gaps.size(), maxPairs, gaps, waits,
                    Spread.of(phase1), Spread.of(phase2)));
        }
    }
}
