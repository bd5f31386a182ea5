package dev.matchwave.bot.ladder;

import dev.matchwave.bot.config.BotConfig;
import dev.matchwave.bot.config.DatabaseSettings;
import dev.matchwave.bot.config.QueueStoreSettings;
import dev.matchwave.bot.monitoring.BotMetrics;
import dev.matchwave.bot.monitoring.FlowLog;
import dev.matchwave.discord.timing.FlowRecorder;
import dev.matchwave.discord.timing.FlowTargets;
import dev.matchwave.discord.timing.Ticker;
import dev.matchwave.bot.monitoring.HealthProbes;
import dev.matchwave.matchmaking.MatchRules;
import dev.matchwave.matchmaking.Pairer;
import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.Preferences;
import dev.matchwave.matchmaking.QueueGuard;
import dev.matchwave.matchmaking.Seat;
import dev.matchwave.matchmaking.ladder.lifecycle.MatchLifecycle;
import dev.matchwave.matchmaking.ladder.match.ChannelNaming;
import dev.matchwave.matchmaking.ladder.match.Match;
import dev.matchwave.matchmaking.ladder.match.MatchEvent;
import dev.matchwave.matchmaking.ladder.penalty.NoShowPenalties;
import dev.matchwave.matchmaking.ladder.rank.LeaderboardRules;
import dev.matchwave.matchmaking.ladder.rank.LeaderboardSource;
import dev.matchwave.matchmaking.ladder.season.PlannedSeason;
import dev.matchwave.matchmaking.ladder.season.SeasonReset;
import dev.matchwave.matchmaking.ladder.season.Season;
import dev.matchwave.matchmaking.ladder.season.Seasons;
import dev.matchwave.matchmaking.ladder.player.Player;
import dev.matchwave.matchmaking.ladder.player.PlayerGuards;
import dev.matchwave.matchmaking.ladder.player.PlayerProfile;
import dev.matchwave.matchmaking.ladder.player.PlayerService;
import dev.matchwave.matchmaking.ladder.player.SavedPreferences;
import dev.matchwave.matchmaking.ladder.player.SetupRules;
import dev.matchwave.matchmaking.ladder.store.LadderStore;
import dev.matchwave.matchmaking.pairing.Pairers;
import dev.matchwave.matchmaking.queue.JoinResult;
import dev.matchwave.matchmaking.queue.LeaveResult;
import dev.matchwave.matchmaking.queue.QueueConfig;
import dev.matchwave.matchmaking.queue.QueueService;
import dev.matchwave.matchmaking.queue.WaveListener;
import dev.matchwave.matchmaking.queue.WaveReceipt;
import dev.matchwave.matchmaking.queue.store.QueueStore;
import dev.matchwave.matchmaking.rules.RuleSets;
import dev.matchwave.matchmaking.time.Scheduler;
import dev.matchwave.notification.Notification;
import dev.matchwave.notification.dispatch.DispatchListener;
import dev.matchwave.notification.dispatch.NotificationSink;
import dev.matchwave.notification.dispatch.TwoPhaseDispatcher;
import dev.matchwave.notification.dispatch.Undelivered;
import dev.matchwave.notification.mailbox.MailboxListener;
import dev.matchwave.notification.mailbox.Mailboxes;
import dev.matchwave.notification.ratelimit.DiscordLimits;
import dev.matchwave.notification.ratelimit.RateLimiter;
import dev.matchwave.persistence.Database;
import dev.matchwave.persistence.DatabaseConfig;
import dev.matchwave.persistence.ladder.PostgresLadderStore;
import dev.matchwave.persistence.queue.PostgresQueueStore;
import dev.matchwave.persistence.queue.WaveFence;
import dev.matchwave.queue.redis.RedisQueueStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ladder bot without Discord: everything {@link BotConfig} describes, built and wired.
 *
 * <ul>
 *   <li>The database (embedded PostgreSQL or a real server, docs/persistence.md) and its
 *       {@link LadderStore}; a {@link PlayerService}; the {@link MatchLifecycle} with its
 *       timers on the scheduler.</li>
 *   <li>A {@link QueueService} with the configured rules ({@link RuleSets#byName}),
 *       {@link Pairers#optimal()}, the configured wave interval and the reference guards
 *       (terms, setup, ban, in a match), then the no-show penalty's ({@link NoShowPenalties}:
 *       a timeout counts only for a player whose "match found" Discord accepted). Its wave listener creates the wave's matches through
 *       the lifecycle; on a store failure it answers {@link WaveReceipt#noneCreated} so the
 *       players go back to the queue with their wait kept.</li>
 *   <li>Notifications: each wave's matches go to a {@link TwoPhaseDispatcher} ("match found"
 *       to everyone at once, then the details, paced by the Discord-model limiter); the other
 *       lifecycle events ({@link LadderNotifications#of}) go one by one through the same
 *       dispatcher ({@link TwoPhaseDispatcher#send}: its sink, limiter and retry loop); what cannot be delivered is kept
 *       in the player's mailbox ({@link #mailboxes()}).</li>
 *   <li>An event that ends a match releases both players in the queue.</li>
 *   <li>The queue is durable ({@link QueueStoreSettings}: the ladder's PostgreSQL, or Redis).
 *       A wave's matches are created inside the queue store's wave commit (on PostgreSQL, one
 *       transaction); "match found" goes out only once that commit is stored
 *       ({@link WaveListener#settled}). At build the queue is restored and reconciled with the
 *       open matches: a player of an open match is in a match, a player the queue thinks in a
 *       match without one is released.</li>
 *   <li>Each wave is a flow ({@link FlowRecorder}): steps pairing, venues, database,
 *       phase1_sent (every "match found" sent), phase2_done (the dispatch settled), one
 *       {@code matchwave.flow} line and the flow metrics; slow when phase 1 took longer than the
 *       match notification's target ({@link #waveTargets()}).</li>
 *   <li>One log line per wave with its figures, and one when its notifications are settled;
 *       metrics into {@link BotMetrics}; {@link #health()} for {@code /health}.</li>
 * </ul>
 *
 * <p>Threads: waves, lifecycle timers and the dispatcher run on the scheduler (in production an
 * executor of {@value #SCHEDULER_THREADS} threads owned by the application, since a wave and a
 * timeout block on the database). The public methods may be called from any thread; those
 * that reach the database block (call them on a virtual thread, as the interaction handlers do).
 *
 * <p>{@link #close()} stops in order: no new wave, the running wave finishes, the notifications
 * in flight get {@value #DRAIN_SECONDS} s to settle, the owned scheduler stops, the database
 * closes (the embedded server stops).
 */
public final class LadderApplication implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LadderApplication.class);

    /** Threads of the scheduler the application owns. */
    public static final int SCHEDULER_THREADS = 4;
    /**
     * The dispatcher's limits: Discord's, with the global budget at 40 per second. Every
     * notification of the bot (the waves' and the single ones of a match's life) is paced by
     * this one limiter; the bot's REST gate beneath keeps 45 per second in all
     * (discord-adapter's {@code RestRequestGate.GATE_LIMITS}) and counts each request again when
     * it is sent. The 5 per second between the two are for the requests the dispatcher does not
     * see: opening a player's first DM channel (once per player: the channel is kept), /prune,
     * admin commands. It was 22 while DM channels were opened for every message; at 22 the
     * offline demo's later waves waited up to 16 s for their details behind earlier matches'
     * results and reminders.
     */
    public static final DiscordLimits DISPATCH_LIMITS = DiscordLimits.defaults().withGlobalLimit(40);
    /** How long close() waits for notifications in flight. */
    public static final int DRAIN_SECONDS = 10;
    /** How long a join waits for the follow-up of the player's last match (resets, release). */
    static final Duration JOIN_AWAITS_AFTERMATH = Duration.ofSeconds(5);

    private final BotConfig config;
    private final InstantSource clock;
    private final Scheduler scheduler;
    private final @Nullable ScheduledThreadPoolExecutor ownedExecutor;
    private final Database database;
    private final LadderStore store;
    /** What /leaderboard, /profile and the web pages read (the ladder's PostgreSQL, cached). */
    private final LeaderboardSource leaderboard;
    private final PlayerService players;
    private final MatchRules rules;
    /** The configured rules on the current season's map pool; replaced under the wave lock when a season starts. */
    /** The seasons as the bot runs them, and the rules of the season in force. */
    private final SeasonControl seasonControl;
    private final MatchLifecycle lifecycle;
    private final QueueService queue;
    private final QueueStore queueStore;
    /** The no-show penalty, unless configured off. */
    private final Optional<NoShowPenalties> noShows;
    private final Seasons seasons;
    private final Mailboxes mailboxes;
    private final TwoPhaseDispatcher dispatcher;
    /** What the players are owed, in the PostgreSQL outbox until Discord accepted it. */
    private final OwedNotifications owed;
    private final BotMetrics metrics;
    private final HealthProbes health;
    private final WaveObserver waveObserver;
    private final ChannelNaming channels = ChannelNaming.reference();
    /** The waves' path: matches created in the queue's transaction, then announced and measured. */
    private final WavePath waves;
    private final FlowRecorder flows;
    private final Set<PlayerId> undeliveredTo = ConcurrentHashMap.newKeySet();
    /** An ended match's season resets and release, after its players were told (see {@link MatchAftermath}). */
    private final MatchAftermath aftermath;
    private volatile boolean closing;
    private boolean closed;

    private LadderApplication(Builder builder) {
        this.config = builder.config;
        this.clock = builder.clock != null ? builder.clock : InstantSource.system();
        this.aftermath = new MatchAftermath(builder.aftermath);
        if (builder.scheduler != null) {
            this.scheduler = builder.scheduler;
            this.ownedExecutor = null;
        } else {
            ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(SCHEDULER_THREADS,
                    Thread.ofPlatform().name("matchwave-ladder-", 0).daemon(true).factory());
            executor.setRemoveOnCancelPolicy(true);
            // close() drains the notifications itself; a timer due later (a match's 60-second
            // confirmation window) must not hold the shutdown until it falls due.
            executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
            this.ownedExecutor = executor;
            this.scheduler = Scheduler.forScheduledExecutorService(executor);
        }
        this.metrics = builder.metrics != null ? builder.metrics : BotMetrics.create();
        this.waveObserver = builder.waveObserver;
        this.flows = builder.flows != null ? builder.flows : new FlowRecorder(Ticker.system(), waveTargets(),
                metrics.andThen(FlowLog.toSlf4j()));
        this.rules = RuleSets.byName(config.rules());
        this.database = Database.open(builder.databaseConfig != null ? builder.databaseConfig
                : databaseConfig(config.database()));
        try {
            PostgresLadderStore postgres = new PostgresLadderStore(database, builder.fence);
            this.store = postgres;
            this.leaderboard = builder.leaderboard != null ? builder.leaderboard.apply(store)
                    : new dev.matchwave.persistence.ladder.PostgresLeaderboard(postgres, LeaderboardRules.REFERENCE,
                            clock, dev.matchwave.persistence.ladder.PostgresLeaderboard.DEFAULT_EXPIRY,
                            com.github.benmanes.caffeine.cache.Ticker.systemTicker());
            this.owed = new OwedNotifications(new dev.matchwave.persistence.outbox.NotificationOutbox(database), clock);
            this.mailboxes = Mailboxes.create(clock, MailboxListener.NONE);
            RateLimiter limiter = builder.rateLimiter != null ? builder.rateLimiter
                    : RateLimiter.discord(DISPATCH_LIMITS, clock);
            this.waves = new WavePath(new WavePath.Parts(clock, flows, metrics, owed,
                    waveObserver, channels, this::seasonRules, this::contactAtWave, this::queueSize, () -> this.closing, this::reconcileWithOpenMatches));
            NotificationSink sink = waves.measured(Objects.requireNonNull(builder.sink, "sink"));
            this.dispatcher = TwoPhaseDispatcher.builder()
                    .sink(sink)
                    .clock(clock)
                    .scheduler(scheduler)
                    .rateLimiter(limiter)
                    // Issue 7: every player of a wave hears "match found" before anyone's details.
                    .detailsAfterEveryMatchFound()
                    .listener(new DispatchListener() {
                        @Override
                        public void undelivered(Undelivered undelivered) {
                            LOG.warn("notification not delivered, kept in the player's mailbox: {}", undelivered);
                        }
                    })
                    .keepUndeliveredIn(this::keepUndelivered)
                    .build();
            this.lifecycle = MatchLifecycle.builder(store)
                    .clock(clock)
                    .scheduler(scheduler)
                    .listener(new MatchEventHandling(builder.matchEvents, owed, waves, dispatcher, channels, this::noShows,
                            this::seasons, this::queue, aftermath, this::inOpenMatch,
                            store.resultPicks()))
                    .build();
            this.players = new PlayerService(store.players(), store.preferences(), SetupRules.REFERENCE,
                    lifecycle.rules().abortBudget(), clock);
            waves.connect(dispatcher, lifecycle, players);
            this.queueStore = queueStore(config.queueStore(), database, builder.fence);
            this.noShows = config.noShow().map(noShowRules -> new NoShowPenalties(store.noShows(), noShowRules, clock));
            this.seasons = new Seasons(store.seasons(), store.ratings(), lifecycle.ratingSystem().initial(), clock);
            QueueGuard guard = PlayerGuards.standard(store.players(), player -> false, lifecycle.inMatchGuard());
            if (noShows.isPresent()) {
                guard = guard.and(noShows.get().guard());
            }
            this.seasonControl = new SeasonControl(seasons, rules, clock, scheduler, () -> this.closing,
                    this::playersInOpenMatches, this::useRules);
            seasonControl.between(waves);
            this.queue = QueueService.builder(seasonControl.seasonRules(), builder.pairer)
                    .config(QueueConfig.builder().waveInterval(config.waveInterval()).build())
                    .clock(clock)
                    .scheduler(scheduler)
                    .guard(guard)
                    .onWave(waves)
                    .store(queueStore)
                    .build();
            reconcileWithOpenMatches();
            // A player whose spanning match ended while no process was there gets his reset now.
            seasons.catchUp(playersInOpenMatches());
            if (!queue.restored().isEmpty()) {
                LOG.info("queue restored: {} players queued, {} in a match", queue.restored().size(),
                        queue.snapshot().inMatch().size());
            }
            Supplier<HealthProbes.GatewayState> gateway = builder.gateway != null ? builder.gateway
                    : () -> HealthProbes.GatewayState.OFFLINE;
            this.health = new HealthProbes(() -> database.isReachable(Duration.ofSeconds(2)), gateway,
                    waves::lastWave, config.waveInterval().multipliedBy(3), clock);
        } catch (RuntimeException e) {
            closeQueueStore();
            database.close();
            if (ownedExecutor != null) {
                ownedExecutor.shutdownNow();
            }
            throw e;
        }
    }

    private static QueueStore queueStore(QueueStoreSettings settings, Database database, WaveFence fence) {
        return switch (settings) {
            case QueueStoreSettings.Postgres postgres -> new PostgresQueueStore(database, fence);
            case QueueStoreSettings.Redis redis -> RedisQueueStore.connect(redis.host(), redis.port(), redis.prefix());
        };
    }

    private void closeQueueStore() {
        if (queueStore instanceof RedisQueueStore redis) {
            redis.close();
        }
    }

    /**
     * The queue's books agree with the matches: a player of an open match is in a match (a crash
     * between a Redis queue's commit and the matches', or a match an admin made), and a player
     * the queue holds in a match without an open one is free (a crash between a match's end and
     * his release).
     */
    private void reconcileWithOpenMatches() {
        Set<PlayerId> playing = new HashSet<>();
        for (Match open : store.matches().open()) {
            playing.addAll(open.players());
            open.players().forEach(queue::markInMatch);
        }
        for (PlayerId player : queue.snapshot().inMatch()) {
            if (!playing.contains(player)) {
                queue.release(player);
            }
        }
    }

    /** Starts building an application for this configuration. */
    public static Builder builder(BotConfig config) {
        return new Builder(config);
    }

    /** Where {@link BotConfig}'s database settings point, as persistence takes it. */
    public static DatabaseConfig databaseConfig(DatabaseSettings settings) {
        return switch (settings) {
            case DatabaseSettings.Embedded embedded -> DatabaseConfig.embedded(embedded.dataDirectory());
            case DatabaseSettings.Server server -> DatabaseConfig.server(server.jdbcUrl(),
                    // PostgreSQL's own default user is the operating system's user name.
                    server.user().orElse(System.getProperty("user.name", "postgres")), server.password().orElse(""));
        };
    }

    /** Starts the waves (the first falls on the next multiple of the wave interval). */
    public void start() {
        start((player, search) -> { }, player -> CompletableFuture.completedFuture(null));
    }

    /**
     * Starts the waves, after sending what the outbox still owes.
     *
     * @param searches told, before the owed messages go, the searching message (the queue entry's
     *                 contact) of each player owed a "match found", so that it edits that message
     * @param prepare  readies the way to each player owed messages before they go (the bot opens
     *                 his DM channel: this process has not met him yet); its stage may fail
     */
    public void start(java.util.function.BiConsumer<PlayerId, String> searches,
                      Function<PlayerId, ? extends CompletionStage<?>> prepare) {
        deliverOwed(searches, prepare);
        queue.start();
        seasonControl.armPlan();
        LOG.info("ladder started: rules {}, a wave every {} s, database {}", rules.name(),
                config.waveInterval().toSeconds(), database.jdbcUrl());
    }

    /**
     * Sends what the outbox still owes (a previous process died before Discord accepted it):
     * each player's messages one after the other, in the order they were decided, rebuilt from
     * the stored matches. Creates carry the nonce the first try carried, so a message that did
     * reach Discord is not made twice.
     */
    private void deliverOwed(java.util.function.BiConsumer<PlayerId, String> searches,
                             Function<PlayerId, ? extends CompletionStage<?>> prepare) {
        Map<PlayerId, List<Notification>> owedNow;
        try {
            owedNow = owed.owed(id -> store.matches().find(new dev.matchwave.matchmaking.ladder.MatchId(id)),
                    match -> LadderNotifications.matchInfo(match, this::nameOf, channels), searches);
        } catch (RuntimeException e) {
            LOG.warn("the outbox could not be read at start: {}; what it owes is sent at the next start", e.toString());
            return;
        }
        if (owedNow.isEmpty()) {
            return;
        }
        int count = owedNow.values().stream().mapToInt(List::size).sum();
        LOG.info("outbox: delivering {} notifications owed to {} players by the previous process", count, owedNow.size());
        owedNow.forEach((player, list) -> {
            CompletionStage<?> ready;
            try {
                ready = prepare.apply(player);
            } catch (RuntimeException e) {
                ready = CompletableFuture.completedFuture(null);
            }
            ready.whenComplete((done, failure) -> sendInOrder(list, 0));
        });
    }

    private void sendInOrder(List<Notification> notifications, int next) {
        if (next >= notifications.size()) {
            return;
        }
        Notification notification = notifications.get(next);
        if (owed.obsoleteNow(notification, id -> store.matches().find(new dev.matchwave.matchmaking.ladder.MatchId(id)))) {
            // Its match moved on while the messages before it went out (the players acted on
            // "match found"): the message would only show what the match's own end message says.
            sendInOrder(notifications, next + 1);
            return;
        }
        dispatcher.send(notification).whenComplete((done, failure) -> sendInOrder(notifications, next + 1));
    }

    // --- what the interaction handlers call -------------------------------------------------

    /**
     * Queues the player with his saved preferences: one seat per saved race, at his rating for
     * it (the rating system's initial rating when he has none), his vetoes and home region.
     * Blocks on the database.
     */
    public JoinResult join(PlayerId player) {
        return join(player, Optional.empty());
    }

    /**
     * {@link #join(PlayerId)}, storing {@code contact} (how the front end reaches him about this
     * entry: the bot's searching message) with the new entry in the same write.
     */
    public JoinResult join(PlayerId player, Optional<String> contact) {
        // His last match's end may still be followed up (resets, release): the join comes after.
        aftermath.awaitPlayer(player, JOIN_AWAITS_AFTERMATH);
        Optional<SavedPreferences> saved = players.preferences(player);
        if (saved.isEmpty() || saved.get().races().isEmpty()) {
            return new JoinResult.Refused(JoinResult.Reason.GUARD,
                    "Pick at least one race first (the race selects above), then join.", Optional.empty());
        }
        Optional<String> homeRegion = players.find(player).flatMap(Player::profile).map(PlayerProfile::homeRegion);
        Preferences preferences = new Preferences(saved.get().vetoedMaps(), homeRegion);
        return queue.join(player, seats(player, saved.get()), preferences, contact);
    }

    /** Whether the player is in an open match, as the lifecycle keeps it in memory (no I/O). */
    private boolean inOpenMatch(PlayerId player) {
        return lifecycle.inMatch(player);
    }

    /** Takes the player out of the queue. Does not block. */
    public LeaveResult leave(PlayerId player) {
        return queue.leave(player);
    }

    List<Seat> seats(PlayerId player, SavedPreferences saved) {
        var ratings = store.ratings().ratingsOf(player);
        int initial = lifecycle.ratingSystem().initial().rounded();
        // Races in a stable order (a player with one seat takes his first); the rules make the seats.
        java.util.SequencedMap<String, Integer> ratingByRace = new java.util.LinkedHashMap<>();
        for (String race : saved.races().stream().sorted().toList()) {
            ratingByRace.put(race, Optional.ofNullable(ratings.get(race)).map(r -> r.rating().rounded()).orElse(initial));
        }
        return rules.seats(ratingByRace);
    }

    // --- waves ------------------------------------------------------------------------------

    /**
     * The flow targets with a wave's: the match notification's (200 ms, docs/bot.md "Flow timing"),
     * held against the wave's time to phase 1.
     */
    public static FlowTargets waveTargets() {
        return WavePath.waveTargets();
    }

    /** The match as its wave created it, while the wave's notifications are in flight. */
    Optional<Match> matchAsCreated(long matchId) {
        return waves.matchAsCreated(matchId);
    }

    /** The player as read when his wave was dispatched, while its notifications are in flight. */
    Optional<Player> playerAtWave(PlayerId player) {
        return waves.playerAtWave(player);
    }

    private String nameOf(PlayerId player) {
        return waves.nameOf(player);
    }

    private Optional<String> contactAtWave(PlayerId player) {
        return queue.contactAtWave(player);
    }

    private int queueSize() {
        return queue.size();
    }

    // --- parts --------------------------------------------------------------------------------

    public BotConfig config() {
        return config;
    }

    /** The ladder's clock (virtual in tests). */
    public InstantSource clock() {
        return clock;
    }

    public LadderStore store() {
        return store;
    }

    /** The live leaderboard that /leaderboard, /profile and the web pages read, with its caches. */
    public LeaderboardSource leaderboard() {
        return leaderboard;
    }

    public Database database() {
        return database;
    }

    public PlayerService players() {
        return players;
    }

    public MatchLifecycle lifecycle() {
        return lifecycle;
    }

    public QueueService queue() {
        return queue;
    }

    /** The seasons: the next one started by an admin, the closed ones' final standings. */
    public Seasons seasons() {
        return seasons;
    }

    /** A season started: the season, and the players whose reset waits for their match. */
    public record SeasonStart(Season season, Set<PlayerId> deferred) {
    }

    /**
     * Closes the season now and starts the next (audited). Waits for a running wave, so that a
     * match is either created before the change (its players' resets wait for it) or after it.
     * Blocks on the database.
     */
    public SeasonStart startSeason(PlayerId admin, SeasonReset reset, String reason) {
        return startSeason(admin, reset, List.of(), reason);
    }

    /**
     * As {@link #startSeason(PlayerId, SeasonReset, String)}, on {@code mapPool} (empty: the
     * closing season's); the next wave pairs on it, and every match created from now on draws
     * its map from it.
     *
     * @throws IllegalArgumentException when the rules have no maps, or the pool breaks a rule
     */
    public SeasonStart startSeason(PlayerId admin, SeasonReset reset, List<String> mapPool, String reason) {
        return seasonControl.start(admin, reset, mapPool, reason);
    }

    /** The queue pairs on a new season's rules from its next wave. */
    private void useRules(MatchRules next) {
        queue.useRules(next);
    }

    /** The configured rules on the current season's map pool: what the next match is made under. */
    public MatchRules seasonRules() {
        return seasonControl.seasonRules();
    }

    /**
     * Plans the next season for {@code at} (audited) and arms its start on the scheduler; a
     * restart arms it again (or starts it at once when it fell due meanwhile).
     *
     * @throws IllegalArgumentException when {@code at} is not in the future
     */
    public PlannedSeason planSeason(PlayerId admin, SeasonReset reset, String reason, Instant at) {
        return planSeason(admin, reset, List.of(), reason, at);
    }

    /**
     * As {@link #planSeason(PlayerId, SeasonReset, String, Instant)}, on {@code mapPool} (empty:
     * the pool in force when it starts).
     *
     * @throws IllegalArgumentException when {@code at} is not in the future, the rules have no
     *         maps, or the pool breaks a rule
     */
    public PlannedSeason planSeason(PlayerId admin, SeasonReset reset, List<String> mapPool, String reason,
                                    Instant at) {
        return seasonControl.plan(admin, reset, mapPool, reason, at);
    }

    /** The players of the open matches, from the store. Blocks on the database. */
    public Set<PlayerId> playersInOpenMatches() {
        Set<PlayerId> playing = new HashSet<>();
        for (Match open : store.matches().open()) {
            playing.addAll(open.players());
        }
        return playing;
    }

    /** The no-show penalty; empty when configured off. */
    public Optional<NoShowPenalties> noShows() {
        return noShows;
    }

    /** Where the queue is kept. */
    public QueueStore queueStore() {
        return queueStore;
    }

    public MatchRules rules() {
        return rules;
    }

    /** Notifications that could not be delivered, per player. */
    public Mailboxes mailboxes() {
        return mailboxes;
    }

    public BotMetrics metrics() {
        return metrics;
    }

    public HealthProbes health() {
        return health;
    }

    private void keepUndelivered(Notification notification) {
        undeliveredTo.add(notification.player());
        mailboxes.publish(notification);
    }

    /** Notifications waiting in mailboxes (expired ones are dropped first). Does not block. */
    public int undeliveredCount() {
        int count = 0;
        for (PlayerId player : undeliveredTo) {
            int pending = mailboxes.pending(player).size();
            if (pending == 0) {
                undeliveredTo.remove(player);
            }
            count += pending;
        }
        return count;
    }

    /** Players with a notification waiting in their mailbox. Does not block. */
    public int undeliveredMailboxes() {
        undeliveredCount(); // forgets the emptied ones
        return undeliveredTo.size();
    }

    /** The last wave's figures, once one ran. */
    public Optional<AdminReports.WaveSummary> lastWaveSummary() {
        return waves.lastWaveSummary();
    }

    /** When the last wave ran, if one has. */
    public Optional<Instant> lastWave() {
        return waves.lastWave();
    }

    /**
     * Stops in order (class comment). Idempotent; blocks until done (at most about
     * {@value #DRAIN_SECONDS} s for notifications plus the running wave).
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        closing = true;
        if (!aftermath.drain(Duration.ofSeconds(DRAIN_SECONDS))) {
            LOG.warn("closing: {} players' match ends still being followed up after {} s; the next start does it",
                    aftermath.held(), DRAIN_SECONDS);
        }
        queue.close();
        waves.underWaveLock(() -> null); // the running wave, if any, finishes first
        if (ownedExecutor != null) {
            try {
                if (!waves.drain(DRAIN_SECONDS)) {
                    LOG.warn("closing: {} wave dispatches still running after {} s, left undone",
                            waves.dispatchesUnderWay(), DRAIN_SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ownedExecutor.shutdown();
            try {
                if (!ownedExecutor.awaitTermination(DRAIN_SECONDS, TimeUnit.SECONDS)) {
                    ownedExecutor.shutdownNow();
                }
            } catch (InterruptedException e) {
                ownedExecutor.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        owed.close();
        closeQueueStore();
        database.close();
        LOG.info("ladder stopped");
    }

    /** Writes every delivery mark queued so far (tests, before a simulated crash or a count of what is owed). */
    public void flushDeliveryMarks() {
        owed.flush();
    }

    /**
     * Whether Discord accepted this player's "match found" of this match, as the no-show
     * penalty asks (tests wait for it before letting virtual time run out the confirmation
     * window). Blocks on the database.
     */
    public boolean matchFoundDelivered(long match, PlayerId player) {
        return owed.matchFoundDelivered(match, player);
    }

    /** How many notifications the outbox still owes (tests and the demo's crash report). */
    public int notificationsOwed() {
        return owed.pendingCount();
    }

    /**
     * Stops at once as a crash would (kill -9): no wave finishes, nothing in flight is waited
     * for, no delivery mark is written; the database connections are dropped. For the crash
     * tests and the demo's {@code --crash-at-wave}; an operator stops the bot with {@link #close}.
     */
    public synchronized void halt() {
        if (closed) {
            return;
        }
        closed = true;
        closing = true;
        owed.halt();
        queue.close();
        if (ownedExecutor != null) {
            ownedExecutor.shutdownNow();
        }
        closeQueueStore();
        database.close();
        LOG.warn("ladder halted (a simulated crash): nothing was drained");
    }

    /**
     * Builds a {@link LadderApplication}. Only the sink is required: the rest defaults to
     * production (system clock, an owned scheduler, the Discord-model limiter, new metrics, an
     * offline gateway, the database of the configuration). Not thread-safe; use once.
     */
    public static final class Builder {
        private final BotConfig config;
        private @Nullable InstantSource clock;
        private @Nullable Scheduler scheduler;
        private @Nullable NotificationSink sink;
        private @Nullable RateLimiter rateLimiter;
        private @Nullable BotMetrics metrics;
        private @Nullable Supplier<HealthProbes.GatewayState> gateway;
        private @Nullable DatabaseConfig databaseConfig;
        private Pairer pairer = Pairers.optimal();
        private WaveObserver waveObserver = WaveObserver.NONE;
        private java.util.function.Consumer<MatchEvent> matchEvents = event -> { };
        private @Nullable FlowRecorder flows;
        private WaveFence fence = WaveFence.NONE;
        private java.util.concurrent.Executor aftermath = Runnable::run;
        private java.util.function.@Nullable Function<LadderStore, LeaderboardSource> leaderboard;

        private Builder(BotConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        /**
         * The leaderboard the commands and pages read, made from the ladder's store (default: the
         * PostgreSQL leaderboard with its caches of 30 s, dropped by every rating or profile write).
         */
        public Builder leaderboard(java.util.function.Function<LadderStore, LeaderboardSource> leaderboard) {
            this.leaderboard = Objects.requireNonNull(leaderboard, "leaderboard");
            return this;
        }

        /** The time everything reads; default the system clock. */
        public Builder clock(InstantSource clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Runs waves, timers and dispatch; default an executor the application owns and stops. */
        public Builder scheduler(Scheduler scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /** Where notifications go (the Discord sink; a fake in tests). Required. */
        public Builder sink(NotificationSink sink) {
            this.sink = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /** Paces the notifications; default {@code RateLimiter.discord(DISPATCH_LIMITS, clock)}. */
        public Builder rateLimiter(RateLimiter rateLimiter) {
            this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
            return this;
        }

        public Builder metrics(BotMetrics metrics) {
            this.metrics = Objects.requireNonNull(metrics, "metrics");
            return this;
        }

        /** The gateway's state for {@code /health}; default offline. */
        public Builder gateway(Supplier<HealthProbes.GatewayState> gateway) {
            this.gateway = Objects.requireNonNull(gateway, "gateway");
            return this;
        }

        /**
         * Times each wave as a flow; default the system ticker, {@link #waveTargets()}, the
         * metrics and the flow log.
         */
        public Builder flows(FlowRecorder flows) {
            this.flows = Objects.requireNonNull(flows, "flows");
            return this;
        }

        /**
         * Told every match event before its notifications go out, on the thread that caused it
         * (the bot refreshes the message each player looks at, on interaction routes); must not
         * block. Default none.
         */
        public Builder matchEvents(java.util.function.Consumer<MatchEvent> listener) {
            this.matchEvents = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Where an ended match's season resets and release run, after its players were told
         * ({@link MatchAftermath}); default on the thread that ended it, before the click that
         * ended it is answered. The bot passes a virtual thread per match, so the click is
         * answered first; the players' next joins wait for it.
         */
        public Builder aftermath(java.util.concurrent.Executor executor) {
            this.aftermath = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /** Overrides the configuration's database (tests: a throwaway directory with fast settings). */
        public Builder databaseConfig(DatabaseConfig databaseConfig) {
            this.databaseConfig = Objects.requireNonNull(databaseConfig, "databaseConfig");
            return this;
        }

        /**
         * Checked inside every wave's transaction and every match write's (the leader's lease:
         * a process that lost it commits neither); default none, for a single process. With a
         * Redis queue the wave's matches are still fenced, its queue commit is not.
         */
        public Builder fence(WaveFence fence) {
            this.fence = Objects.requireNonNull(fence, "fence");
            return this;
        }

        /** The pairer of the waves; default {@link Pairers#optimal()}. */
        public Builder pairer(Pairer pairer) {
            this.pairer = Objects.requireNonNull(pairer, "pairer");
            return this;
        }

        /** Sees every wave and its notifications (reports, tests); default none. */
        public Builder waveObserver(WaveObserver waveObserver) {
            this.waveObserver = Objects.requireNonNull(waveObserver, "waveObserver");
            return this;
        }

        /**
         * Opens the database (starting the embedded server if configured) and builds every part;
         * nothing runs until {@link LadderApplication#start()}.
         *
         * @throws IllegalArgumentException if the rule set is unknown
         * @throws dev.matchwave.persistence.DatabaseStartException if the database cannot be reached
         */
        public LadderApplication build() {
            return new LadderApplication(this);
        }
    }
}
