package dev.matchwave.bot.demo;

import dev.matchwave.discord.timing.FlowTargets;
import dev.matchwave.matchmaking.MatchRules;
import dev.matchwave.matchmaking.QueuedPlayer;
import dev.matchwave.matchmaking.pairing.Pairers;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Every figure of one run of the offline demo. Immutable; built by a {@link DemoRecorder} and
 * rendered by {@link DemoReport}.
 *
 * @param seed         the seed of the scripted players' choices
 * @param players      how many scripted players took part
 * @param plannedWaves how many waves the run was asked for
 * @param startedAt    when the run started
 * @param runDuration  from the start to the moment these figures were taken
 * @param waves        the waves that ran, by number (a run that stopped early has fewer than planned)
 * @param outcomes     how the matches ended up
 * @param flows        the command flows that ran, by name
 * @param requests     the requests made to Discord
 * @param notes        free text the driver wants shown (e.g. players who never got "match found")
 * @param crash        what the players saw of the crash ({@code --crash-at-wave}); empty without one
 * @param cpu          where the CPU time went, wave by wave; empty where it could not be read
 */
public record DemoFigures(long seed, int players, int plannedWaves, Instant startedAt, Duration runDuration,
                          List<WaveResult> waves, MatchOutcomes outcomes, List<FlowFigures> flows,
                          RequestFigures requests, List<String> notes, java.util.Optional<CrashFigures> crash,
                          java.util.Optional<CpuFigures> cpu) {

    /** Without CPU figures. */
    public DemoFigures(long seed, int players, int plannedWaves, Instant startedAt, Duration runDuration,
                       List<WaveResult> waves, MatchOutcomes outcomes, List<FlowFigures> flows,
                       RequestFigures requests, List<String> notes, java.util.Optional<CrashFigures> crash) {
        this(seed, players, plannedWaves, startedAt, runDuration, waves, outcomes, flows, requests, notes, crash,
                java.util.Optional.empty());
    }

    /** Without a crash. */
    public DemoFigures(long seed, int players, int plannedWaves, Instant startedAt, Duration runDuration,
                       List<WaveResult> waves, MatchOutcomes outcomes, List<FlowFigures> flows,
                       RequestFigures requests, List<String> notes) {
        this(seed, players, plannedWaves, startedAt, runDuration, waves, outcomes, flows, requests, notes,
                java.util.Optional.empty());
    }

    public DemoFigures {
        if (players < 0) {
            throw new IllegalArgumentException("players must not be negative, got " + players);
        }
        if (plannedWaves < 0) {
            throw new IllegalArgumentException("plannedWaves must not be negative, got " + plannedWaves);
        }
        Objects.requireNonNull(startedAt, "startedAt");
        Spread.requireNotNegative("runDuration", runDuration);
        waves = List.copyOf(Objects.requireNonNull(waves, "waves"));
        if (waves.size() > plannedWaves) {
            throw new IllegalArgumentException(waves.size() + " waves ran, more than the " + plannedWaves + " planned");
        }
        for (int i = 1; i < waves.size(); i++) {
            if (waves.get(i).wave() <= waves.get(i - 1).wave()) {
                throw new IllegalArgumentException("waves must be in increasing order of number, wave "
                        + waves.get(i).wave() + " follows wave " + waves.get(i - 1).wave());
            }
        }
        for (WaveResult w : waves) {
            if (w.queued() > players) {
                throw new IllegalArgumentException("wave " + w.wave() + " had " + w.queued()
                        + " players queued, more than the " + players + " taking part");
            }
        }
        Objects.requireNonNull(outcomes, "outcomes");
        flows = List.copyOf(Objects.requireNonNull(flows, "flows"));
        Set<String> names = new HashSet<>();
        for (FlowFigures f : flows) {
            if (!names.add(f.name())) {
                throw new IllegalArgumentException("flow " + f.name() + " is listed twice");
            }
        }
        Objects.requireNonNull(requests, "requests");
        notes = List.copyOf(Objects.requireNonNull(notes, "notes"));
        Objects.requireNonNull(crash, "crash");
        Objects.requireNonNull(cpu, "cpu");
    }

    /**
     * The most pairs the rules allow on this queue snapshot: the size of the pairing of
     * {@link Pairers#optimal()}, whose first objective is the number of pairs and which is
     * exact for it on every queue. Give it the same snapshot the wave paired.
     *
     * <p>Thread-safe; does not block; about O(n log n).
     */
    public static int maxPairs(List<QueuedPlayer> queue, MatchRules rules) {
        return Pairers.optimal().pair(queue, rules).pairs().size();
    }

    /**
     * A recorder for one run, started now.
     *
     * @param targets the flow targets to judge the flows by, usually {@link FlowTargets#defaults()}
     * @param clock   gives the start and the run duration
     */
    public static DemoRecorder recorder(long seed, int players, int plannedWaves, FlowTargets targets,
                                        InstantSource clock) {
        return new DemoRecorder(seed, players, plannedWaves, targets, clock);
    }

    /** Matches made over all waves. */
    public int totalMatches() {
        return waves.stream().mapToInt(WaveResult::matches).sum();
    }

    /** The possible maximum of pairs, added over all waves. */
    public int totalMaxPairs() {
        return waves.stream().mapToInt(WaveResult::maxPairs).sum();
    }

    /** Every match's rating gap, wave after wave. */
    public List<Integer> allRatingGaps() {
        List<Integer> all = new ArrayList<>();
        waves.forEach(w -> all.addAll(w.ratingGaps()));
        return all;
    }

    /** Every matched player's wait, wave after wave. */
    public List<Duration> allWaits() {
        List<Duration> all = new ArrayList<>();
        waves.forEach(w -> all.addAll(w.waits()));
        return all;
    }

    /** The flows that missed their target. */
    public List<FlowFigures> missedFlows() {
        return flows.stream().filter(FlowFigures::missed).toList();
    }
}
