package dev.matchwave.bot.ladder;

import dev.matchwave.bot.config.BotConfig;
import dev.matchwave.bot.monitoring.BotMetrics;
import dev.matchwave.bot.monitoring.FlowLog;
import dev.matchwave.bot.monitoring.HealthProbes;
import dev.matchwave.bot.monitoring.MonitoringServer;
import dev.matchwave.discord.command.CommandVocabulary;
import dev.matchwave.discord.command.SlashCommands;
import dev.matchwave.discord.connection.ConnectionOptions;
import dev.matchwave.discord.connection.DiscordConnection;
import dev.matchwave.discord.delivery.DiscordNotificationSink;
import dev.matchwave.discord.delivery.MessageWriters;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import dev.matchwave.discord.delivery.ClickAnswers;
import dev.matchwave.discord.delivery.JdaMessenger;
import dev.matchwave.discord.delivery.LateMessenger;
import dev.matchwave.discord.delivery.PlayerContacts;
import dev.matchwave.discord.delivery.DirectChannelWarmer;
import dev.matchwave.discord.delivery.SearchingRefresher;
import dev.matchwave.discord.interaction.InteractionRouter;
import dev.matchwave.discord.rest.RestRequestGate;
import dev.matchwave.discord.roles.JdaMemberRoles;
import dev.matchwave.matchmaking.ladder.rank.LeaderboardRules;
import dev.matchwave.matchmaking.ladder.rank.Ranks;
import dev.matchwave.matchmaking.ladder.roles.RankRoleSync;
import dev.matchwave.persistence.roles.PostgresHeldRoles;
import dev.matchwave.discord.timing.FlowListener;
import dev.matchwave.discord.timing.FlowRecorder;
import dev.matchwave.discord.timing.FlowTargets;
import dev.matchwave.discord.timing.Ticker;
import dev.matchwave.matchmaking.Pairer;
import dev.matchwave.matchmaking.time.Scheduler;
import dev.matchwave.notification.ratelimit.RateLimiter;
import dev.matchwave.persistence.Database;
import dev.matchwave.persistence.DatabaseConfig;
import dev.matchwave.persistence.lease.LeaderElection;
import dev.matchwave.persistence.lease.LeaderLease;
import dev.matchwave.persistence.queue.WaveFence;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.entities.Guild;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole bot: the {@link LadderApplication}, Discord (JDA behind the Discord-model REST gate,
 * the interaction router over a {@link LadderFrontDesk}, the notification sink) and the
 * monitoring endpoint. {@link #start} connects and starts the waves; {@link #close} stops the
 * monitoring, the ladder (no wave half-done, the database closed), releases the lease and then
 * closes Discord.
 *
 * <p>On a shared database (a PostgreSQL server, not the embedded one) two bots may run: before
 * anything else {@link #start} waits for the ladder's lease ({@link LeaderElection}), so only its
 * holder restores the queue, runs waves and connects to Discord; the other stands by in
 * {@link #start}. The ladder's wave and match transactions check the lease's fencing number
 * before they commit. When the leader loses the lease (another took it, or it could not renew it
 * before it expired), it closes itself (no more waves, Discord disconnected) and calls the
 * builder's {@link Builder#onLeaseLost} action: the {@code bot} command then exits with a non-zero
 * code so a supervisor restarts it, as a standby. It does not stand by again in the same
 * process: what it built as leader (the queue in memory, timers) is stale.
 *
 * <p>Not thread-safe: start and close it from one thread (close may come from a shutdown hook,
 * and comes from the lease's lost action). The lease's fields are written by {@link #start} and
 * read by {@link #close} (volatile); close, synchronized, ends a standby's wait in start.
 */
public final class DiscordBot implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DiscordBot.class);

    private final BotConfig config;
    private final BotMetrics metrics = BotMetrics.create();
    private final PlayerContacts contacts = PlayerContacts.create();
    private final LateMessenger messenger = new LateMessenger();
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    /**
     * Where the writers render (each render reads the match and its players): a few threads, so a
     * wave of renders queues here instead of taking every database connection from the players'
     * own commands; a render that waits renders the newer state when its turn comes.
     */
    static final int RENDER_THREADS = 3;
    private final ExecutorService renders = Executors.newFixedThreadPool(RENDER_THREADS,
            Thread.ofPlatform().name("matchwave-render-", 0).daemon(true).factory());
    /** The DM records' renders, apart: they never hold up what a player is looking at. */
    private final ExecutorService recordRenders = Executors.newFixedThreadPool(2,
            Thread.ofPlatform().name("matchwave-record-render-", 0).daemon(true).factory());
    /**
     * The one writer of each message the bot changes ("match found", the match message), shared
     * by the sink and the router; renders (database reads) run on virtual threads.
     */
    private final MessageWriters<MessageCreateData> writers = new MessageWriters<>(messenger::write,
            kind -> kind == MessageWriters.Kind.MATCH_MESSAGE ? recordRenders : renders, InstantSource.system(),
            contacts.editWindow());
    /** Connections of the lease's own pool: a renewal, and a release at close. */
    static final int LEASE_POOL_SIZE = 2;
    /** DM channels opened ahead per second, at most (see {@link DirectChannelWarmer}). */
    static final int WARM_PER_SECOND = 5;

    private final ScheduledExecutorService refreshTimer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("matchwave-searching-refresh").daemon(true).factory());
    private volatile @Nullable LadderApplication app;
    private volatile @Nullable LadderFrontDesk frontDesk;
    private @Nullable DiscordConnection connection;
    private @Nullable MonitoringServer monitoring;
    private volatile @Nullable RankRoleSync rankRoles;

    private final @Nullable DatabaseConfig databaseConfig;
    private final @Nullable Pairer pairer;
    private final WaveObserver waveObserver;
    private final FlowListener flowListener;
    private final @Nullable InstantSource clock;
    private final @Nullable Scheduler scheduler;
    private final dev.matchwave.notification.ratelimit.@Nullable DiscordLimits dispatchLimits;
    private final LeaderElection.Timing leaseTiming;
    private final Runnable onLeaseLost;
    /** Runs the lease's polls and renewals, apart from the ladder's threads so a busy wave does not delay them. */
    private final ScheduledExecutorService leaseTimer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("matchwave-lease").daemon(true).factory());
    /** The lease's own small pool: a renewal does not wait behind a wave's database work. */
    private volatile @Nullable Database leaseDatabase;
    private volatile @Nullable LeaderElection election;
    /** Completed when this process leads; failed by close() to end a standby's wait. */
    private final CompletableFuture<LeaderLease.Term> leadership = new CompletableFuture<>();

    /** The bot as the configuration describes it. */
    public DiscordBot(BotConfig config) {
        this(builder(config));
    }

    private DiscordBot(Builder builder) {
        this.config = builder.config;
        if (!config.online()) {
            throw new IllegalArgumentException("the bot needs a Discord token (DISCORD_TOKEN)");
        }
        this.databaseConfig = builder.databaseConfig;
        this.pairer = builder.pairer;
        this.waveObserver = builder.waveObserver;
        this.flowListener = builder.flowListener;
        this.clock = builder.clock;
        this.scheduler = builder.scheduler;
        this.dispatchLimits = builder.dispatchLimits;
        this.leaseTiming = builder.leaseTiming;
        this.onLeaseLost = builder.onLeaseLost;
    }

    /** Starts building a bot for this configuration, with the extra hooks of tests and the offline demo. */
    public static Builder builder(BotConfig config) {
        return new Builder(config);
    }

    /**
     * The running ladder (its store, queue and lifecycle), for tests and reports.
     *
     * @throws IllegalStateException before {@link #start} or after {@link #close}
     */
    public LadderApplication ladder() {
        LadderApplication running = app;
        if (running == null) {
            throw new IllegalStateException("the bot is not running");
        }
        return running;
    }

    /** Renders the live match messages; set once the ladder is built. */
    private volatile @Nullable LadderMessageRenderer liveRenderer;

    /**
     * A match event changes what both players look at: each one's "match found" (his searching
     * response, or the message his latest click came from) is re-rendered by its writer, through
     * his live interaction token (exempt from the global limit). So the player who confirmed
     * first sees the second confirmation, and both see the map, the server and the channel, the
     * moment the second confirm starts the match. A message the writers never sent is left alone;
     * the DM record follows through the dispatcher as before.
     */
    private void refreshLiveMessages(dev.matchwave.matchmaking.ladder.match.MatchEvent event) {
        LadderMessageRenderer renderer = liveRenderer;
        LadderApplication ladder = app;
        if (renderer == null || ladder == null
                || event instanceof dev.matchwave.matchmaking.ladder.match.MatchEvent.MatchFound) {
            return;
        }
        var match = event.match();
        for (var player : match.players()) {
            writers.changeIfKnown(new MessageWriters.Key(player, match.id().value(), MessageWriters.Kind.MATCH_FOUND),
                    () -> ladder.store().matches().find(match.id())
                            .filter(now -> now.state().isOpen() || now.startedAt().isPresent())
                            .map(now -> renderer.liveMatchMessage(now, player)));
        }
    }

    /**
     * Messages ("match found", match messages) with a change not shown yet or a request out:
     * 0 when every such message shows the ladder's latest state (tests wait for it).
     */
    public int messagesBeingWritten() {
        return writers.busy();
    }

    /**
     * The front desk the commands go through (its leaderboard caches are the web pages' too).
     *
     * @throws IllegalStateException before {@link #start} got that far
     */
    public LadderFrontDesk frontDesk() {
        LadderFrontDesk desk = frontDesk;
        if (desk == null) {
            throw new IllegalStateException("the bot is not started");
        }
        return desk;
    }

    /** The bot's metrics, as {@code /metrics} shows them. */
    public BotMetrics metrics() {
        return metrics;
    }

    /**
     * Opens the database, connects to Discord, registers the commands, starts the monitoring
     * endpoint and the waves. Blocks until Discord is ready.
     *
     * @throws InterruptedException if interrupted while connecting (everything started is closed)
     */
    public void start() throws InterruptedException {
        try {
            DatabaseConfig database = databaseConfig != null ? databaseConfig
                    : LadderApplication.databaseConfig(config.database());
            WaveFence fence = WaveFence.NONE;
            if (database.location() instanceof DatabaseConfig.Server) {
                fence = awaitLease(database);
            }
            LadderApplication.Builder ladderBuilder = LadderApplication.builder(config)
                    .databaseConfig(database)
                    .fence(fence)
                    .metrics(metrics)
                    .sink(new DiscordNotificationSink(contacts, messenger, InstantSource.system(), writers))
                    .gateway(this::gatewayState)
                    .waveObserver(waveObserver)
                    .matchEvents(this::refreshLiveMessages)
                    // The click that ends a match is answered before its resets and release run.
                    .aftermath(task -> Thread.ofVirtual().name("matchwave-match-end").start(task))
                    .flows(new FlowRecorder(Ticker.system(), LadderApplication.waveTargets(),
                            metrics.andThen(FlowLog.toSlf4j()).andThen(flowListener)));
            if (pairer != null) {
                ladderBuilder.pairer(pairer);
            }
            if (clock != null) {
                ladderBuilder.clock(clock);
            }
            if (scheduler != null) {
                ladderBuilder.scheduler(scheduler);
            }
            if (dispatchLimits != null) {
                ladderBuilder.rateLimiter(dev.matchwave.notification.ratelimit.RateLimiter.discord(dispatchLimits,
                        clock != null ? clock : InstantSource.system()));
            }
            LadderApplication ladder = ladderBuilder.build();
            app = ladder;
            RestRequestGate gate = RestRequestGate.discord(InstantSource.system()).observedBy((request, response) -> {
                if (response.rateLimited()) {
                    metrics.rateLimited(response.scope().orElse("unknown"), request.label());
                }
            });
            LadderFrontDesk desk = new LadderFrontDesk(ladder);
            frontDesk = desk;
            liveRenderer = LadderMessageRenderer.of(ladder, desk);
            // A click on a match message is answered by the message's writer with the message itself.
            ClickAnswers clicks = new ClickAnswers();
            InteractionRouter router = new InteractionRouter(desk, contacts, config.adminIds(), handlers,
                    new FlowRecorder(Ticker.system(), FlowTargets.defaults(), metrics.andThen(FlowLog.toSlf4j()).andThen(flowListener)),
                    writers, clicks);
            DiscordConnection discord = DiscordConnection.connect(new ConnectionOptions(config.discordToken().orElseThrow(),
                    config.discordApiUrl(), config.discordGatewayUrl(), gate, Ticker.system(), List.of(router)));
            connection = discord;
            messenger.connect(new JdaMessenger(discord.jda(), LadderMessageRenderer.of(ladder, desk), clicks));
            // While players wait in the queue their DM channels are opened, at the 5 a second the
            // dispatcher leaves of the gate's 45: a wave's details then cost one request each.
            DirectChannelWarmer warmer = new DirectChannelWarmer(messenger, contacts,
                    RateLimiter.smooth(WARM_PER_SECOND, Duration.ofSeconds(1), InstantSource.system()),
                    Scheduler.forScheduledExecutorService(refreshTimer));
            // A searching message outlives the process: its token is stored with the queue entry,
            // in the join's own write (LadderFrontDesk.join).
            RestoredSearches searches = new RestoredSearches(ladder.queue(), contacts, InstantSource.system());
            contacts.onSearch(warmer::warm);
            var commands = SlashCommands.definitions(CommandVocabulary.reference());
            if (config.guildId().isPresent()) {
                Guild guild = discord.jda().getGuildById(config.guildId().getAsLong());
                if (guild == null) {
                    LOG.warn("guild {} not found (is the bot in it?); commands registered globally instead",
                            config.guildId().getAsLong());
                    discord.jda().updateCommands().addCommands(commands).queue();
                } else {
                    guild.updateCommands().addCommands(commands).queue();
                }
            } else {
                discord.jda().updateCommands().addCommands(commands).queue();
            }
            if (config.httpPort().isPresent()) {
                monitoring = MonitoringServer.start(config.httpPort().getAsInt(), ladder.health(), metrics);
            }
            searches.tellRestored(discord.jda(), desk::searchingView);
            // "Match found" owed from before a crash goes into the searching message it was meant for.
            // Their DM channels are opened first, through JDA's own rate limits (which learn the
            // route's real limit at once): this process has not met these players yet, and the
            // dispatcher's pacing would assume 5 per 5 s for the unknown route.
            ladder.start(searches::rememberSearchOfOwedMatch, player -> messenger.openDirectChannel(player)
                    .thenAccept(channel -> channel.ifPresent(id -> contacts.rememberDmChannel(player, id))));
            startRankRoles(ladder, discord);
            // Half a wave after each wave: the searching messages get the new figures, and no
            // refresh is in flight when the next wave's "match found" edits the same message.
            SearchingRefresher refresher = new SearchingRefresher(discord.jda(), contacts, desk::searchingView,
                    InstantSource.system(), clicks);
            long interval = config.waveInterval().toMillis();
            long firstDelay = Math.floorMod(interval / 2 - System.currentTimeMillis() % interval, interval);
            refreshTimer.scheduleAtFixedRate(() -> {
                try {
                    refresher.refresh();
                } catch (RuntimeException e) {
                    LOG.warn("refreshing the searching messages failed: {}", e.toString());
                }
            }, firstDelay, interval, TimeUnit.MILLISECONDS);
            LOG.info("bot started as {}", discord.jda().getSelfUser().getName());
        } catch (InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Rank roles, when configured: every rating change re-ranks everybody (after a short
     * debounce) and each player whose best rank's role changed is owed a change, sent as
     * background work through the REST gate. The roles Discord accepted are in PostgreSQL
     * ({@code rank_roles_held}), so the first re-rank of a new process sends only what is owed.
     * It starts on a virtual thread: ranking 10,000 players does not hold up the start.
     */
    private void startRankRoles(LadderApplication ladder, DiscordConnection discord) {
        if (config.rankRoles().isEmpty()) {
            return;
        }
        java.util.Map<String, dev.matchwave.matchmaking.ladder.roles.RankRoles> guilds = new java.util.HashMap<>();
        config.rankRoles().forEach((guild, roles) -> guilds.put(Long.toString(guild), roles));
        RankRoleSync sync = RankRoleSync.builder(guilds, new PostgresHeldRoles(ladder.database()),
                        new JdaMemberRoles(discord.jda()),
                        () -> Ranks.of(LeaderboardRules.REFERENCE.ranks(), ladder.store().ratings().all(),
                                ladder.clock().instant()))
                .scheduler(scheduler != null ? scheduler : Scheduler.forScheduledExecutorService(refreshTimer))
                .executor(handlers)
                .build();
        rankRoles = sync;
        ladder.store().onRatingsOrProfilesChanged(sync::ratingsChanged);
        handlers.execute(() -> {
            try {
                sync.start();
            } catch (RuntimeException e) {
                LOG.error("rank roles could not start; they follow at the next rating change", e);
            }
        });
    }

    /** The rank roles' sync, when rank roles are configured and the bot runs. */
    public Optional<RankRoleSync> rankRoles() {
        return Optional.ofNullable(rankRoles);
    }

    /**
     * Stands by until this process holds the ladder's lease (the election logs whom it waits for),
     * then returns the fence of its term.
     */
    private WaveFence awaitLease(DatabaseConfig database) throws InterruptedException {
        Database leaseDb = Database.open(database.withPoolSize(LEASE_POOL_SIZE));
        leaseDatabase = leaseDb;
        LeaderLease lease = new LeaderLease(leaseDb, LeaderLease.LADDER, holderId(), InstantSource.system(),
                leaseTiming.lease());
        LeaderElection started = new LeaderElection(lease, leaseTiming, InstantSource.system(),
                Scheduler.forScheduledExecutorService(leaseTimer), new LeaderElection.Listener() {
                    @Override
                    public void leading(LeaderLease.Term term) {
                        leadership.complete(term);
                    }

                    @Override
                    public void lost(LeaderLease.Term last, String why) {
                        leaseLost(why);
                    }
                });
        election = started;
        LOG.info("standby: {} waits for the ladder's lease (a {} s lease; a dead leader's is taken within {} s)",
                lease.holder(), leaseTiming.lease().toMillis() / 1000.0, leaseTiming.takeover().toMillis() / 1000.0);
        started.start();
        try {
            leadership.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("stopped while standing by for the ladder's lease", e.getCause());
        }
        return started.fence();
    }

    /** The lease was lost: stop leading at once (on a new thread: close waits for the running wave). */
    private void leaseLost(String why) {
        LOG.error("this bot lost the ladder's lease ({}): stopping its waves and leaving Discord; restart it to stand"
                + " by", why);
        Thread.ofPlatform().name("matchwave-lease-lost").start(() -> {
            close();
            onLeaseLost.run();
        });
    }

    /** This process in the lease row: host, process id and a random part (two bots on one host differ). */
    private static String holderId() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "unknown-host";
        }
        return host + ":" + ProcessHandle.current().pid() + ":"
                + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong() & 0xffffffL);
    }

    /** The lease's state, when the database is shared; empty on the embedded database (one process). */
    public Optional<LeaderElection.State> leaseState() {
        return Optional.ofNullable(election).map(LeaderElection::state);
    }

    private HealthProbes.GatewayState gatewayState() {
        DiscordConnection discord = connection;
        if (discord == null) {
            return HealthProbes.GatewayState.CONNECTING;
        }
        return discord.connected() ? HealthProbes.GatewayState.CONNECTED
                : discord.connecting() ? HealthProbes.GatewayState.CONNECTING : HealthProbes.GatewayState.DISCONNECTED;
    }

    /** Stops in order; idempotent. */
    @Override
    public synchronized void close() {
        RankRoleSync roles = rankRoles;
        if (roles != null) {
            roles.close();
        }
        refreshTimer.shutdownNow();
        leadership.completeExceptionally(new IllegalStateException("the bot was closed"));
        if (monitoring != null) {
            monitoring.close();
            monitoring = null;
        }
        if (app != null) {
            app.close();
            app = null;
        }
        // After the ladder: its last wave has committed (or not) before a standby may take over.
        LeaderElection running = election;
        if (running != null) {
            running.close();
        }
        leaseTimer.shutdownNow();
        Database leaseDb = leaseDatabase;
        if (leaseDb != null) {
            leaseDb.close();
            leaseDatabase = null;
        }
        if (connection != null) {
            connection.close();
            connection = null;
        }
        handlers.shutdown();
        renders.shutdown();
        recordRenders.shutdown();
    }

    /**
     * Dies as a process killed with {@code kill -9} would, as far as the ladder, Discord and a
     * standby can tell: the lease is neither renewed nor released (a standby takes it when it
     * expires), JDA drops its requests and connection at once, the ladder halts without draining
     * ({@link LadderApplication#halt}). For the crash and takeover tests.
     */
    public synchronized void halt() {
        RankRoleSync roles = rankRoles;
        if (roles != null) {
            roles.close();
        }
        LeaderElection running = election;
        if (running != null) {
            running.halt();
        }
        leadership.completeExceptionally(new IllegalStateException("the bot was halted"));
        refreshTimer.shutdownNow();
        leaseTimer.shutdownNow();
        if (connection != null) {
            connection.jda().shutdownNow();
            connection = null;
        }
        if (app != null) {
            app.halt();
            app = null;
        }
        Database leaseDb = leaseDatabase;
        if (leaseDb != null) {
            leaseDb.close();
            leaseDatabase = null;
        }
        if (monitoring != null) {
            monitoring.close();
            monitoring = null;
        }
        handlers.shutdownNow();
        renders.shutdownNow();
        recordRenders.shutdownNow();
    }

    /** Builds a {@link DiscordBot}; everything but the configuration is optional. Use once. */
    public static final class Builder {
        private final BotConfig config;
        private @Nullable DatabaseConfig databaseConfig;
        private @Nullable Pairer pairer;
        private WaveObserver waveObserver = WaveObserver.NONE;
        private FlowListener flowListener = report -> {
        };
        private @Nullable InstantSource clock;
        private @Nullable Scheduler scheduler;
        private dev.matchwave.notification.ratelimit.@Nullable DiscordLimits dispatchLimits;
        private LeaderElection.Timing leaseTiming = LeaderElection.Timing.DEFAULT;
        private Runnable onLeaseLost = () -> { };

        private Builder(BotConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        /** Overrides the configuration's database (tests and the demo: a throwaway directory, fast settings). */
        public Builder databaseConfig(DatabaseConfig value) {
            this.databaseConfig = Objects.requireNonNull(value, "databaseConfig");
            return this;
        }

        /** The waves' pairer; default the optimal one. */
        public Builder pairer(Pairer value) {
            this.pairer = Objects.requireNonNull(value, "pairer");
            return this;
        }

        /** Sees every wave and its notifications. */
        public Builder waveObserver(WaveObserver value) {
            this.waveObserver = Objects.requireNonNull(value, "waveObserver");
            return this;
        }

        /** Gets every interaction flow's and every wave's report too (besides the log and the metrics); must not block. */
        public Builder flowListener(FlowListener value) {
            this.flowListener = Objects.requireNonNull(value, "flowListener");
            return this;
        }

        /**
         * The ladder's time (waves, confirmation window, ratings' timestamps); default the system
         * clock. Discord's side (interaction tokens, rate-limit windows of REST calls) stays on the
         * system clock, as Discord's own does.
         */
        public Builder clock(InstantSource value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Runs the ladder's waves, timers and dispatch; default an executor the ladder owns. With
         * matchmaking-core's {@code ManualClock} as both clock and scheduler, tests drive waves and
         * the confirmation timeout by advancing virtual time.
         */
        public Builder scheduler(Scheduler value) {
            this.scheduler = Objects.requireNonNull(value, "scheduler");
            return this;
        }

        /**
         * The limits the ladder's notifications are paced by; default
         * {@link LadderApplication#DISPATCH_LIMITS}. Tests slow them to hold a wave's phase 2 open.
         */
        public Builder dispatchLimits(dev.matchwave.notification.ratelimit.DiscordLimits value) {
            this.dispatchLimits = Objects.requireNonNull(value, "dispatchLimits");
            return this;
        }

        /** The lease's times on a shared database; default {@link LeaderElection.Timing#DEFAULT} (tests: shorter). */
        public Builder leaseTiming(LeaderElection.Timing value) {
            this.leaseTiming = Objects.requireNonNull(value, "leaseTiming");
            return this;
        }

        /**
         * Run after the bot lost the ladder's lease and closed itself, on a thread of its own (the
         * {@code bot} command exits with a non-zero code); default nothing.
         */
        public Builder onLeaseLost(Runnable value) {
            this.onLeaseLost = Objects.requireNonNull(value, "onLeaseLost");
            return this;
        }

        public DiscordBot build() {
            return new DiscordBot(this);
        }
    }
}
