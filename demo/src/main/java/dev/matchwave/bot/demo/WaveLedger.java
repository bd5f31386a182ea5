package dev.matchwave.bot.demo;

import dev.matchwave.bot.ladder.PairingBound;
import dev.matchwave.bot.ladder.WaveObserver;
import dev.matchwave.discord.timing.FlowListener;
import dev.matchwave.discord.timing.FlowReport;
import dev.matchwave.discord.timing.FlowTargets;
import dev.matchwave.emulator.MessageEvent;
import dev.matchwave.matchmaking.MatchRules;
import dev.matchwave.matchmaking.Pair;
import dev.matchwave.matchmaking.Pairer;
import dev.matchwave.matchmaking.Pairing;
import dev.matchwave.matchmaking.QueuedPlayer;
import dev.matchwave.matchmaking.ladder.match.Match;
import dev.matchwave.matchmaking.queue.Wave;
import dev.matchwave.notification.dispatch.WaveFigures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * What the demo sees of the ladder: each wave's queue (through a {@link Pairer} wrapped around
 * the bot's), its matches and the bot's dispatch figures ({@link WaveObserver}), every
 * interaction flow's server-side time ({@link FlowListener}), and when the players saw
 * "match found" and the match details (from the {@link MessageFeed}). It also decides each
 * match's {@link MatchPlan} from the seed, the moment the match exists.
 *
 * <p>Only waves with matches count; after the {@code wanted}-th, later waves are ignored.
 *
 * <p>Thread-safe: the ladder's wave and dispatcher threads, the interaction handlers and the
 * feed call in concurrently. The callbacks never block: the pairing bound is computed on the
 * given executor, off the wave's thread, so it does not delay the wave's dispatch.
 */
final class WaveLedger implements WaveObserver, FlowListener {

    /** Abort and conflict rates of the scripted crowd (the task: about 5% and 3%). */
    static final double ABORT_RATE = 0.05;
    static final double CONFLICT_RATE = 0.03;
    static final double DRAW_RATE = 0.02;

    private final int wanted;
    private final long seed;
    private final Executor background;
    private final Consumer<CountedWave> waveDone;
    private final java.util.function.BiConsumer<String, Duration> flowSink;
    private final AtomicReference<@Nullable Snapshot> lastQueue = new AtomicReference<>();
    private final Map<Long, CountedWave> byWaveNumber = new ConcurrentHashMap<>();
    private final Map<Long, CountedWave> byMatch = new ConcurrentHashMap<>();
    private final Map<Long, MatchPlan> plans = new ConcurrentHashMap<>();
    private final Map<Long, String> outcomes = new ConcurrentHashMap<>();
    private final Set<String> sightings = ConcurrentHashMap.newKeySet();
    private final List<Duration> playerWaits = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch allCounted = new CountDownLatch(1);
    private int counted;
    private int ignored;
    /** Bots started so far minus one: a new bot after a crash numbers its waves again. */
    private volatile int generation;
    private volatile Consumer<CountedWave> onCounted = wave -> { };
    private volatile Consumer<CountedWave> onPhase2Seen = wave -> { };

    /** The queue a wave's pairer got. */
    private record Snapshot(List<QueuedPlayer> queue, MatchRules rules) {
    }

    /** One counted wave, filled in as its figures arrive. */
    static final class CountedWave {
        final int index;
        final Wave wave;
        final List<Match> matches;
        final CompletableFuture<PairingBound> bound;
        final List<Duration> phase1Seen = Collections.synchronizedList(new ArrayList<>());
        final List<Duration> phase2Seen = Collections.synchronizedList(new ArrayList<>());
        /** Per match: when each player pressed Confirm, and when each first saw the map; guarded by itself. */
        final Map<Long, MatchStart> starts = new java.util.HashMap<>();
        volatile @Nullable WaveFigures botFigures;
        volatile long rateLimitedSoFar;

        CountedWave(int index, Wave wave, List<Match> matches, CompletableFuture<PairingBound> bound) {
            this.index = index;
            this.wave = wave;
            this.matches = List.copyOf(matches);
            this.bound = bound;
        }

        /** The rating gap of each match, as the players stood when paired. */
        List<Integer> ratingGaps() {
            return matches.stream().map(m -> Math.abs(m.player1().ratingBefore() - m.player2().ratingBefore())).toList();
        }

        /** How long each matched player had waited in the queue when the wave paired him. */
        List<Duration> waits() {
            Set<Long> created = new java.util.HashSet<>();
            matches.forEach(m -> m.players().forEach(p -> created.add(p.value())));
            List<Duration> waits = new ArrayList<>();
            for (Pair pair : wave.pairs()) {
                if (created.contains(pair.first().id().value()) && created.contains(pair.second().id().value())) {
                    waits.add(nonNegative(Duration.between(pair.first().joinedAt(), wave.at())));
                    waits.add(nonNegative(Duration.between(pair.second().joinedAt(), wave.at())));
                }
            }
            return waits;
        }

        PairingBound boundNow() {
            return bound.join();
        }

        /** The wave's figures as the report takes them (the players' sightings so far). */
        WaveResult result() {
            List<Duration> seen1;
            List<Duration> seen2;
            synchronized (phase1Seen) {
                seen1 = List.copyOf(phase1Seen);
            }
            synchronized (phase2Seen) {
                seen2 = List.copyOf(phase2Seen);
            }
            List<Duration> started = new ArrayList<>();
            synchronized (starts) {
                starts.values().forEach(start -> start.latency().ifPresent(started::add));
            }
            int max = Math.max(boundNow().maxPairs(), matches.size());
            return WaveResult.of(index, wave.at(), wave.queued(), max, ratingGaps(), waits(), seen1, seen2, started);
        }
    }

    /**
     * One match's start as its players saw it: the second Confirm pressed, and both players seeing
     * the map, the server and the channel. Guarded by the wave's {@code starts}.
     */
    static final class MatchStart {
        final Map<Long, Instant> pressed = new java.util.HashMap<>();
        final Map<Long, Instant> seen = new java.util.HashMap<>();

        /** From the later Confirm to the later sighting, once both pressed and both saw it. */
        Optional<Duration> latency() {
            if (pressed.size() < 2 || seen.size() < 2) {
                return Optional.empty();
            }
            Instant second = Collections.max(pressed.values());
            Instant bothSaw = Collections.max(seen.values());
            return Optional.of(nonNegative(Duration.between(second, bothSaw)));
        }
    }

    /** Discord user id to the player's user name (his inbox) and ladder id (what messages call him). */
    private final Map<String, Long> userIds = new ConcurrentHashMap<>();
    private final Map<Long, String> ladderIds = new ConcurrentHashMap<>();

    /** A scripted player: his Discord user id, user name (his inbox's owner) and ladder id. */
    void player(long userId, String userName, String ladderId) {
        userIds.put(userName, userId);
        ladderIds.put(userId, ladderId);
    }

    /** The player pressed Confirm on match {@code matchId} at {@code at} (just before sending it). */
    void confirmPressed(long matchId, long userId, Instant at) {
        CountedWave record = byMatch.get(matchId);
        if (record != null) {
            synchronized (record.starts) {
                record.starts.computeIfAbsent(matchId, id -> new MatchStart()).pressed.putIfAbsent(userId, at);
            }
        }
    }

    WaveLedger(int wanted, long seed, Executor background, java.util.function.BiConsumer<String, Duration> flowSink,
               Consumer<CountedWave> waveDone) {
        if (wanted < 1) {
            throw new IllegalArgumentException("wanted must be at least 1, got " + wanted);
        }
        this.wanted = wanted;
        this.seed = seed;
        this.background = Objects.requireNonNull(background, "background");
        this.waveDone = Objects.requireNonNull(waveDone, "waveDone");
        this.flowSink = Objects.requireNonNull(flowSink, "flowSink");
    }

    /** The bot's pairer, wrapped: each wave's queue is kept for the bound, the pairing is untouched. */
    Pairer around(Pairer pairer) {
        Objects.requireNonNull(pairer, "pairer");
        return (queue, rules) -> {
            Pairing pairing = pairer.pair(queue, rules);
            lastQueue.set(new Snapshot(List.copyOf(queue), rules));
            return pairing;
        };
    }

    // ------------------------------------------------------------------ the ladder's callbacks

    @Override
    public void waveRun(Wave wave, List<Match> created) {
        Snapshot snapshot = lastQueue.getAndSet(null);
        CountedWave record;
        synchronized (this) {
            if (created.isEmpty() || counted >= wanted) {
                ignored += created.isEmpty() ? 0 : 1;
                return;
            }
            counted++;
            // Waves run one at a time, so the last queue the pairer saw is this wave's.
            CompletableFuture<PairingBound> bound = snapshot == null || snapshot.queue().size() != wave.queued()
                    ? CompletableFuture.completedFuture(new PairingBound(wave.queued(), 0, created.size(), 0))
                    : CompletableFuture.supplyAsync(() -> PairingBound.of(snapshot.queue(), snapshot.rules()), background);
            record = new CountedWave(counted, wave, created, bound);
        }
        byWaveNumber.put(key(wave), record);
        for (Match match : created) {
            byMatch.put(match.id().value(), record);
            plans.put(match.id().value(), plan(match));
        }
        if (record.index == wanted) {
            allCounted.countDown();
        }
        onCounted.accept(record);
    }

    /** A wave's key: the bot's generation and its number (a new bot may number its waves from 1 again). */
    private long key(Wave wave) {
        return ((long) generation << 40) + wave.number();
    }

    /** The bot was replaced ({@code --crash-at-wave}): the next waves are the new bot's. */
    void newBot() {
        generation++;
    }

    /** Called on the wave's thread when a wave is counted; must not block. */
    void onCounted(Consumer<CountedWave> action) {
        this.onCounted = Objects.requireNonNull(action, "action");
    }

    /** Called on the feed's thread each time a player first sees his match message of a counted wave; must not block. */
    void onPhase2Seen(Consumer<CountedWave> action) {
        this.onPhase2Seen = Objects.requireNonNull(action, "action");
    }

    @Override
    public void waveNotified(Wave wave, WaveFigures figures) {
        CountedWave record = byWaveNumber.get(key(wave));
        if (record != null) {
            record.botFigures = figures;
            waveDone.accept(record);
        }
    }

    @Override
    public void flowFinished(FlowReport report) {
        if (report.flow().equals(FlowTargets.WAVE)) {
            // A wave with matches is timed to its last "match found" sent: the match
            // notification's target. A wave without matches notifies nobody.
            if (!report.outcome().equals("no_pairs") && !report.outcome().equals("no_matches")) {
                flowSink.accept(FlowTargets.MATCH_NOTIFICATION, report.measured());
            }
        } else {
            flowSink.accept(report.flow(), report.total());
        }
        Map<String, List<Duration>> steps = stepsByFlow.computeIfAbsent(report.flow(), f -> new ConcurrentHashMap<>());
        for (FlowReport.Step step : report.steps()) {
            steps.computeIfAbsent(step.name(), n -> Collections.synchronizedList(new ArrayList<>())).add(step.duration());
        }
    }

    /** Each flow's steps (acknowledge, ladder, discord, ...) as measured: where its time goes. */
    private final Map<String, Map<String, List<Duration>>> stepsByFlow = new ConcurrentHashMap<>();

    /**
     * "join: acknowledge p50 2 p95 9 ms; ladder p50 40 p95 180 ms; ..." for each flow in
     * {@code flows} that ran, in the order of its steps.
     */
    List<String> stepBreakdown(List<String> flows) {
        List<String> lines = new ArrayList<>();
        for (String flow : flows) {
            Map<String, List<Duration>> steps = stepsByFlow.get(flow);
            if (steps == null || steps.isEmpty()) {
                continue;
            }
            StringBuilder line = new StringBuilder("where " + flow + "'s time goes (server side):");
            steps.forEach((name, durations) -> {
                Spread spread;
                synchronized (durations) {
                    spread = Spread.of(List.copyOf(durations));
                }
                line.append(String.format(java.util.Locale.ROOT, " %s p50 %d p95 %d ms;", name,
                        spread.p50().toMillis(), spread.p95().toMillis()));
            });
            lines.add(line.toString());
        }
        return lines;
    }

    /**
     * A message change any player saw, timed from its wave: "match found" (phase 1); the first
     * message of the match that names his opponent (phase 2); the first that shows the map, the
     * server and the in-game channel (the start, timed from the match's second Confirm).
     */
    void seen(MessageFeed.Routed routed) {
        MessageEvent event = routed.event();
        if (routed.inbox() == null || event.kind() == MessageEvent.Kind.DELETED) {
            return;
        }
        boolean found = event.message().shows("Match found");
        boolean details = event.message().select("Who won?").isPresent() || event.message().shows("In-game channel");
        long matchId;
        try {
            matchId = ScriptedPlayer.matchNumber(event.message());
        } catch (IllegalStateException e) {
            return;
        }
        CountedWave record = byMatch.get(matchId);
        if (record == null) {
            return;
        }
        String inbox = routed.inbox().owner();
        Duration latency = nonNegative(Duration.between(record.wave.at(), event.at()));
        if (found && sightings.add("1:" + matchId + ":" + inbox)) {
            record.phase1Seen.add(latency);
        }
        Optional<String> opponent = opponentName(record, matchId, inbox);
        boolean namesOpponent = opponent.map(event.message()::shows).orElse(details);
        if (namesOpponent && sightings.add("2:" + matchId + ":" + inbox)) {
            record.phase2Seen.add(latency);
            onPhase2Seen.accept(record);
        }
        Long user = userIds.get(inbox);
        if (details && user != null && event.message().shows("In-game channel")) {
            synchronized (record.starts) {
                record.starts.computeIfAbsent(matchId, id -> new MatchStart()).seen.putIfAbsent(user, event.at());
            }
        }
    }

    /** The ladder id of the opponent of the inbox's owner in the match, if both are known. */
    private Optional<String> opponentName(CountedWave record, long matchId, String inbox) {
        Long user = userIds.get(inbox);
        if (user == null) {
            return Optional.empty();
        }
        return record.matches.stream().filter(m -> m.id().value() == matchId).findFirst()
                .flatMap(m -> m.players().stream().filter(p -> p.value() != user).findFirst())
                .map(p -> ladderIds.get(p.value()));
    }

    // ------------------------------------------------------------------ what the players ask

    Optional<MatchPlan> plan(long matchId) {
        return Optional.ofNullable(plans.get(matchId));
    }

    void matchEnded(long matchId, String outcome) {
        outcomes.putIfAbsent(matchId, outcome);
    }

    void waited(Duration wait) {
        playerWaits.add(wait);
    }

    /** The plan of a match, from the seed and the match number alone: both players agree on it. */
    private MatchPlan plan(Match match) {
        SplittableRandom random = new SplittableRandom(seed * 31 + match.id().value());
        long p1 = match.player1().player().value();
        long p2 = match.player2().player().value();
        double roll = random.nextDouble();
        if (roll < ABORT_RATE) {
            return new MatchPlan.Abort(random.nextBoolean() ? p1 : p2);
        }
        if (roll < ABORT_RATE + CONFLICT_RATE) {
            // Each claims his own win.
            return new MatchPlan.Play(p1, 1, 2);
        }
        // Elo's expectation (docs/reference-ladder.md: E1 = 1 / (1 + 10^((R2 - R1) / 500))) decides the winner.
        double expected = 1 / (1 + Math.pow(10, (match.player2().ratingBefore() - match.player1().ratingBefore()) / 500.0));
        double result = random.nextDouble();
        int code = result < DRAW_RATE ? 0 : result < DRAW_RATE + (1 - DRAW_RATE) * expected ? 1 : 2;
        return new MatchPlan.Play(p1, code, code);
    }

    // ------------------------------------------------------------------ for the demo

    /** Waits until the wanted number of waves with matches has run. */
    boolean awaitAllCounted(Duration timeout) throws InterruptedException {
        return allCounted.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** The counted waves so far, in order. */
    List<CountedWave> waves() {
        return new TreeMap<>(byWaveNumber).values().stream().toList();
    }

    /** Matches of the counted waves that no player has seen end yet. */
    int openMatches() {
        return (int) byMatch.keySet().stream().filter(id -> !outcomes.containsKey(id)).count();
    }

    /** Outcome ("completed", "conflict", "aborted", "other") of each ended match of the counted waves. */
    Map<Long, String> outcomes() {
        return Map.copyOf(outcomes);
    }

    /** Each player's wait as he saw it, from pressing Join to "match found". */
    List<Duration> playerWaits() {
        synchronized (playerWaits) {
            return List.copyOf(playerWaits);
        }
    }

    /** Matches planned as an abort, a conflict, or played out, among the counted waves' matches. */
    Map<String, Integer> plannedOutcomes() {
        Map<String, Integer> counts = new TreeMap<>();
        byMatch.keySet().forEach(id -> {
            MatchPlan plan = plans.get(id);
            String kind = plan instanceof MatchPlan.Abort ? "aborted"
                    : plan instanceof MatchPlan.Play play && play.conflict() ? "conflict" : "completed";
            counts.merge(kind, 1, Integer::sum);
        });
        return counts;
    }

    synchronized int ignoredWaves() {
        return ignored;
    }

    private static Duration nonNegative(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }

    static Instant at(CountedWave wave) {
        return wave.wave.at();
    }
}
