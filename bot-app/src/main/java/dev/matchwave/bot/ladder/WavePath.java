package dev.matchwave.bot.ladder;

import dev.matchwave.bot.monitoring.BotMetrics;
import dev.matchwave.discord.timing.FlowRecorder;
import dev.matchwave.discord.timing.FlowTargets;
import dev.matchwave.discord.timing.FlowTimer;
import dev.matchwave.matchmaking.MatchRules;
import dev.matchwave.matchmaking.Pair;
import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.StoreException;
import dev.matchwave.matchmaking.ladder.lifecycle.MatchLifecycle;
import dev.matchwave.matchmaking.ladder.match.ChannelNaming;
import dev.matchwave.matchmaking.ladder.match.Creation;
import dev.matchwave.matchmaking.ladder.match.Match;
import dev.matchwave.matchmaking.ladder.match.MatchSetup;
import dev.matchwave.matchmaking.ladder.match.NewMatch;
import dev.matchwave.matchmaking.ladder.player.Player;
import dev.matchwave.matchmaking.ladder.player.PlayerProfile;
import dev.matchwave.matchmaking.ladder.player.PlayerService;
import dev.matchwave.matchmaking.queue.Wave;
import dev.matchwave.matchmaking.queue.WaveListener;
import dev.matchwave.matchmaking.queue.WaveReceipt;
import dev.matchwave.matchmaking.rules.RuleSets;
import dev.matchwave.matchmaking.rules.Venue;
import dev.matchwave.notification.MatchDetails;
import dev.matchwave.notification.MatchFound;
import dev.matchwave.notification.MatchInfo;
import dev.matchwave.notification.Notification;
import dev.matchwave.notification.dispatch.NotificationSink;
import dev.matchwave.notification.dispatch.SendResult;
import dev.matchwave.notification.dispatch.TwoPhaseDispatcher;
import dev.matchwave.notification.dispatch.WaveFigures;
import dev.matchwave.notification.ratelimit.Route;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A wave's path through the ladder, from the queue's pairs to the players' messages:
 * <ol>
 *   <li>{@link #onWave}, inside the queue's wave transaction and under the wave lock: a venue
 *       for each pair on the season's rules, the matches created, and what they owe the players
 *       added to the outbox in the same transaction;</li>
 *   <li>{@link #settled}, once the queue's commit says whether all of it is stored: the wave's
 *       matches announced through the two-phase dispatcher ("match found" to every player, then
 *       the match messages), or forgotten and reconciled when the commit failed;</li>
 *   <li>{@link #measured}: every send of the dispatcher measured from its wave's start and
 *       marked delivered in the outbox once Discord accepted it.</li>
 * </ol>
 * Its log lines are the ladder's ({@code LadderApplication}'s logger: one line per wave created,
 * one per wave notified), as operators know them.
 *
 * <p>Threads: {@link #onWave} and {@link #settled} run on the queue's wave thread, one wave at a
 * time, under the wave lock, which a season's start also takes ({@link #underWaveLock}) so that a
 * match is made on the rules of the season in force. The matches and players of the waves being
 * notified live in concurrent maps, filled by the wave thread and read by the renders and the
 * sink's threads until the wave's notifications are settled.
 */
final class WavePath implements WaveListener {

    private static final Logger LOG = LoggerFactory.getLogger(LadderApplication.class);

    /** What the path needs from the ladder it belongs to. */
    record Parts(InstantSource clock, FlowRecorder flows, BotMetrics metrics, OwedNotifications owed, WaveObserver observer, ChannelNaming channels,
                 Supplier<MatchRules> seasonRules, Function<PlayerId, Optional<String>> contactAtWave,
                 IntSupplier queueSize, BooleanSupplier closing, Runnable reconcile) {
        Parts {
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(flows, "flows");
            Objects.requireNonNull(metrics, "metrics");
            Objects.requireNonNull(owed, "owed");
            Objects.requireNonNull(observer, "observer");
            Objects.requireNonNull(channels, "channels");
            Objects.requireNonNull(seasonRules, "seasonRules");
            Objects.requireNonNull(contactAtWave, "contactAtWave");
            Objects.requireNonNull(queueSize, "queueSize");
            Objects.requireNonNull(closing, "closing");
            Objects.requireNonNull(reconcile, "reconcile");
        }
    }

    private final Parts parts;
    private final ReentrantLock waveLock = new ReentrantLock();
    private final SplittableRandom random = new SplittableRandom();
    /** The wave whose matches were created and wait for the queue's commit; set and read on the wave's thread. */
    private @Nullable PendingWave pendingWave;
    private final Map<Long, Instant> waveStartOfMatch = new ConcurrentHashMap<>();
    /**
     * The matches of the waves being notified, as created, and their players as read when the
     * wave was dispatched: "match found" is rendered from these instead of two database reads a
     * player (LadderMessageRenderer.Source#matchAsCreated). Filled by dispatch(), emptied when the
     * wave's notifications are settled.
     */
    private final Map<Long, Match> matchesBeingNotified = new ConcurrentHashMap<>();
    private final Map<PlayerId, Player> playersBeingNotified = new ConcurrentHashMap<>();
    private final Map<Long, WaveFlow> flowOfMatch = new ConcurrentHashMap<>();
    private final Set<CompletableFuture<WaveFigures>> dispatching = ConcurrentHashMap.newKeySet();
    /** Set once by {@link #connect}, before the first wave (the three are built on what this path measures). */
    private volatile @Nullable Connected connected;
    private volatile @Nullable Instant lastWave;
    private volatile AdminReports.@Nullable WaveSummary lastWaveSummary;

    WavePath(Parts parts) {
        this.parts = Objects.requireNonNull(parts, "parts");
    }

    private record Connected(TwoPhaseDispatcher dispatcher, MatchLifecycle lifecycle, PlayerService players) {
    }

    /**
     * The parts built after this path: the dispatcher that announces the waves (its sink is
     * {@link #measured}), the lifecycle that creates the matches (its events are sent through that
     * dispatcher) and the players. Before the queue may run a wave.
     */
    void connect(TwoPhaseDispatcher dispatcher, MatchLifecycle lifecycle, PlayerService players) {
        this.connected = new Connected(Objects.requireNonNull(dispatcher, "dispatcher"),
                Objects.requireNonNull(lifecycle, "lifecycle"), Objects.requireNonNull(players, "players"));
    }

    private Connected wired() {
        return Objects.requireNonNull(connected, "connect() comes before the first wave");
    }

    /**
     * The flow targets with a wave's: the match notification's (200 ms, docs/bot.md "Flow timing"),
     * held against the wave's time to phase 1.
     */
    static FlowTargets waveTargets() {
        FlowTargets defaults = FlowTargets.defaults();
        return defaults.with(FlowTargets.WAVE, defaults.target(FlowTargets.MATCH_NOTIFICATION).orElseThrow());
    }

    @Override
    public WaveReceipt onWave(Wave wave) {
        long start = System.nanoTime();
        // The queue paired before calling: the flow starts that long ago, its first step is the pairing.
        FlowTimer flow = parts.flows().startedAgo(FlowTargets.WAVE, wave.pairingTime());
        flow.targetUntil(WaveFlow.PHASE1_SENT);
        flow.checkpoint("pairing");
        waveLock.lock();
        try {
            if (parts.closing().getAsBoolean()) {
                flow.finish("closing");
                return WaveReceipt.noneCreated(wave);
            }
            lastWave = wave.at();
            List<NewMatch> drafts = new ArrayList<>();
            List<Pair> notCreated = new ArrayList<>();
            for (Pair pair : wave.pairs()) {
                try {
                    drafts.add(new NewMatch(pair, setup(pair)));
                } catch (IllegalArgumentException e) {
                    LOG.warn("wave {}: no venue for {} vs {}: {}", wave.number(), pair.first().id(), pair.second().id(),
                            e.getMessage());
                    notCreated.add(pair);
                }
            }
            flow.checkpoint("venues");
            Creation creation;
            try {
                creation = drafts.isEmpty() ? new Creation(List.of(), List.of()) : wired().lifecycle().create(drafts);
            } catch (StoreException e) {
                flow.checkpoint("database");
                LOG.warn("wave {}: {} queued, {} pairs, no match created ({}); every player goes back to the queue",
                        wave.number(), wave.queued(), wave.pairs().size(), e.getMessage());
                flow.finish("store_failed");
                return WaveReceipt.noneCreated(wave);
            }
            if (!creation.created().isEmpty()) {
                // In the wave's transaction: the matches and what they owe commit together. A
                // failure here rolls the whole wave back (the queue keeps its players).
                parts.owed().oweWave(creation.created(), parts.contactAtWave());
            }
            flow.checkpoint("database");
            creation.refused().forEach(refused -> notCreated.add(refused.pair()));
            long creationNanos = System.nanoTime() - start;
            Duration took = Duration.ofNanos(System.nanoTime() - start).plus(wave.pairingTime());
            LOG.info("wave {}: {} queued, {} pairs, {} matches created, {} back to the queue, {} stay queued;"
                            + " pairing {} ms, creation {} ms, open matches {}", wave.number(), wave.queued(),
                    wave.pairs().size(), creation.created().size(), 2 * notCreated.size(), wave.unmatched(),
                    wave.pairingTime().toMillis(), creationNanos / 1_000_000, wired().lifecycle().openMatches());
            parts.metrics().waveCompleted(wave.queued(), creation.created().size(), took);
            lastWaveSummary = new AdminReports.WaveSummary(wave.number(), wave.at(), wave.queued(), wave.pairs().size(),
                    creation.created().size(), took);
            pendingWave = new PendingWave(wave, creation.created(), flow);
            return notCreated.isEmpty() ? WaveReceipt.allCreated() : WaveReceipt.notCreated(notCreated);
        } catch (RuntimeException e) {
            if (!flow.finished()) {
                flow.finish("error");
            }
            throw e;
        } finally {
            waveLock.unlock();
        }
    }

    /** A wave's matches as created, until the queue's commit says whether they are stored. */
    private record PendingWave(Wave wave, List<Match> created, FlowTimer flow) {
    }

    /** After the queue's commit: announce the wave's matches, or forget them if the commit failed. */
    @Override
    public void settled(Wave wave, boolean stored) {
        PendingWave pending = pendingWave;
        pendingWave = null;
        if (pending == null || pending.wave().number() != wave.number()) {
            return; // closing, or the store failed before any match was created
        }
        waveLock.lock();
        try {
            FlowTimer flow = pending.flow();
            if (!stored) {
                LOG.warn("wave {}: the queue's commit failed; its {} matches are not kept, every player goes back"
                        + " to the queue", wave.number(), pending.created().size());
                // The lifecycle tracked matches that the rolled-back transaction took with it; a
                // store that could not share the transaction (Redis) may have kept them: reconcile.
                wired().lifecycle().recover();
                parts.reconcile().run();
                flow.finish("store_failed");
                return;
            }
            parts.metrics().queueSize(parts.queueSize().getAsInt());
            observe(() -> parts.observer().waveRun(wave, pending.created()));
            if (pending.created().isEmpty()) {
                flow.finish(wave.pairs().isEmpty() ? "no_pairs" : "no_matches");
            } else {
                dispatch(wave, pending.created(), flow); // after the wave's line, so the log reads in order
            }
        } catch (RuntimeException e) {
            if (!pending.flow().finished()) {
                pending.flow().finish("error");
            }
            throw e;
        } finally {
            waveLock.unlock();
        }
    }

    private MatchSetup setup(Pair pair) {
        // Under the wave lock: the season in force now is the match's season, and so is its map.
        Venue venue = RuleSets.venue(parts.seasonRules().get(), pair, 0, random);
        return new MatchSetup(venue.map(), venue.server());
    }

    private void dispatch(Wave wave, List<Match> created, FlowTimer flow) {
        TwoPhaseDispatcher through = wired().dispatcher();
        List<MatchInfo> infos = new ArrayList<>(created.size());
        Instant at = parts.clock().instant();
        WaveFlow waveFlow = new WaveFlow(flow, 2 * created.size());
        for (Match match : created) {
            for (PlayerId player : match.players()) {
                try {
                    wired().players().find(player).ifPresent(found -> playersBeingNotified.put(player, found));
                } catch (RuntimeException e) {
                    LOG.debug("player {} not read for the wave's messages: {}", player, e.toString());
                }
            }
            matchesBeingNotified.put(match.id().value(), match);
            infos.add(LadderNotifications.matchInfo(match, this::nameOf, parts.channels()));
            waveStartOfMatch.put(match.id().value(), at);
            flowOfMatch.put(match.id().value(), waveFlow);
        }
        CompletableFuture<WaveFigures> sent = through.dispatch(infos);
        dispatching.add(sent);
        sent.whenComplete((figures, failure) -> {
            dispatching.remove(sent);
            created.forEach(match -> {
                waveStartOfMatch.remove(match.id().value());
                matchesBeingNotified.remove(match.id().value());
                match.players().forEach(playersBeingNotified::remove);
                flowOfMatch.remove(match.id().value());
            });
            waveFlow.done(figures);
            if (figures != null) {
                LOG.info("wave {} notified: {} players, phase 1 p50 {} ms max {} ms, phase 2 p50 {} ms max {} ms,"
                                + " {} sends, {} retries, {} 429s, {} undelivered", wave.number(), figures.players(),
                        figures.phase1().p50().toMillis(), figures.phase1().max().toMillis(),
                        figures.phase2().p50().toMillis(), figures.phase2().max().toMillis(), figures.sends(),
                        figures.retries(), figures.rateLimited(), figures.failures());
                observe(() -> parts.observer().waveNotified(wave, figures));
            }
        });
    }

    private static void observe(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("the wave observer failed: {}", e.toString());
        }
    }

    /**
     * Sends a match message of a match's life: while the match's wave is still being notified,
     * only after every player of the wave has his "match found" (issue 7: also when both players
     * of a match confirm while the wave's phase 1 is still going out); else at once. The
     * dispatcher is the caller's: a match's timer may fire before {@link #connect}.
     */
    void send(Notification notification, TwoPhaseDispatcher through) {
        WaveFlow wave = notification instanceof MatchDetails ? flowOfMatch.get(notification.matchId()) : null;
        if (wave != null) {
            wave.afterPhase1(() -> through.send(notification));
        } else {
            through.send(notification);
        }
    }

    /** Runs {@code work} between waves: no wave is being created or announced meanwhile. */
    <T> T underWaveLock(Supplier<T> work) {
        waveLock.lock();
        try {
            return work.get();
        } finally {
            waveLock.unlock();
        }
    }

    /** Waits at most {@code seconds} for the wave dispatches under way; false if some are left. */
    boolean drain(long seconds) throws InterruptedException {
        try {
            CompletableFuture.allOf(dispatching.toArray(CompletableFuture[]::new)).get(seconds, TimeUnit.SECONDS);
            return true;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return dispatching.isEmpty();
        }
    }

    /** Wave dispatches still running. */
    int dispatchesUnderWay() {
        return dispatching.size();
    }

    /** The match as its wave created it, while the wave's notifications are in flight. */
    Optional<Match> matchAsCreated(long matchId) {
        return Optional.ofNullable(matchesBeingNotified.get(matchId));
    }

    /** The player as read when his wave was dispatched, while its notifications are in flight. */
    Optional<Player> playerAtWave(PlayerId player) {
        return Optional.ofNullable(playersBeingNotified.get(player));
    }

    /** The name an opponent sees: the ladder user id; never fails (the matches exist already). */
    String nameOf(PlayerId player) {
        Player known = playersBeingNotified.get(player);
        if (known != null) {
            return known.profile().map(PlayerProfile::userId).orElse("player " + player);
        }
        try {
            return wired().players().find(player).flatMap(Player::profile).map(PlayerProfile::userId)
                    .orElse("player " + player);
        } catch (RuntimeException e) {
            return "player " + player;
        }
    }

    /** When the last wave ran, if one has. */
    Optional<Instant> lastWave() {
        return Optional.ofNullable(lastWave);
    }

    /** The last wave's figures, once one ran. */
    Optional<AdminReports.WaveSummary> lastWaveSummary() {
        return Optional.ofNullable(lastWaveSummary);
    }

    /** {@code sink}, measuring each phase-1 and phase-2 send from its wave's start, counting 429s and marking deliveries. */
    NotificationSink measured(NotificationSink sink) {
        return new MeasuredSink(Objects.requireNonNull(sink, "sink"));
    }

    private final class MeasuredSink implements NotificationSink {
        private final NotificationSink sink;

        MeasuredSink(NotificationSink sink) {
            this.sink = sink;
        }

        @Override
        public Route route(Notification notification) {
            return sink.route(notification);
        }

        @Override
        public CompletionStage<SendResult> send(Notification notification, Route route) {
            return sink.send(notification, route).whenComplete((result, failure) -> {
                if (result instanceof SendResult.RateLimited limited) {
                    parts.metrics().rateLimited(limited.global() ? "global" : "unknown", route.name());
                } else if (result instanceof SendResult.Sent) {
                    parts.owed().delivered(notification);
                    if (notification instanceof MatchFound) {
                        WaveFlow flow = flowOfMatch.get(notification.matchId());
                        if (flow != null) {
                            flow.phase1Sent(notification.player());
                        }
                    }
                    Instant waveStart = waveStartOfMatch.get(notification.matchId());
                    if (waveStart != null) {
                        Duration latency = Duration.between(waveStart, parts.clock().instant());
                        if (!latency.isNegative()) {
                            switch (notification) {
                                case MatchFound found -> parts.metrics().phase1Latency(latency);
                                case MatchDetails details -> parts.metrics().phase2Latency(latency);
                                default -> {
                                }
                            }
                        }
                    }
                }
            });
        }
    }
}
