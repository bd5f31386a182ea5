package dev.matchwave.bot.demo;

import dev.matchwave.bot.ladder.PairingBound;
import dev.matchwave.bot.config.BotConfig;
import dev.matchwave.bot.config.DatabaseSettings;
import dev.matchwave.bot.config.WebSettings;
import dev.matchwave.bot.ladder.DiscordBot;
import dev.matchwave.bot.web.LadderWebsite;
import dev.matchwave.bot.web.LiveFigures;
import dev.matchwave.emulator.DiscordEmulator;
import dev.matchwave.emulator.EmulatedUser;
import dev.matchwave.emulator.EmulatorConfig;
import dev.matchwave.emulator.ratelimit.BucketLimit;
import dev.matchwave.emulator.ratelimit.RateLimits;
import dev.matchwave.emulator.MessageEvent;
import dev.matchwave.emulator.UserInteraction;
import dev.matchwave.emulator.recording.RequestRecord;
import dev.matchwave.discord.timing.FlowTargets;
import dev.matchwave.notification.dispatch.WaveFigures;
import java.time.InstantSource;
import dev.matchwave.matchmaking.pairing.Pairers;
import dev.matchwave.persistence.DatabaseConfig;
import dev.matchwave.persistence.EmbeddedPostgresServer;
import dev.matchwave.persistence.lease.LeaderElection;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.stream.Stream;

/**
 * The offline demo: a local Discord ({@link DiscordEmulator}), the real bot connected to it
 * (embedded PostgreSQL in a temporary directory unless {@code MATCHWAVE_DB_URL} or
 * {@code MATCHWAVE_DB_DATA_DIR} names a database), and scripted players who set up, get their
 * ratings from an admin, queue with random races and vetoes, confirm or abort, and report
 * results, over {@link DemoOptions#waves()} waves with matches. Then the figures.
 *
 * <p>Ratings are seeded the way an operator would: a configured admin runs
 * {@code /admin adjust_mmr set} for each player and race, through Discord, audited; so the
 * demo shows the admin path at work and needs no back door into the store.
 *
 * <p>{@link #run} blocks for the whole run (under two minutes with the defaults). Not
 * thread-safe: one run per instance.
 */
public final class OfflineDemo {

    /** How often the demo reads the CPU counters ({@link CpuSampler}). */
    static final Duration CPU_PERIOD = Duration.ofMillis(200);
    /** Players acting at once while they set up: enough to keep the bot busy, not so many that the 3 s deadline slips. */
    private static final int SETUP_CONCURRENCY = 24;
    private static final Duration READY = Duration.ofSeconds(30);
    /** How long the counted waves' matches get to end once the last counted wave ran. */
    private static final Duration SETTLE = Duration.ofSeconds(20);
    /**
     * The lease of every bot the demo starts: a standby takes a dead leader's lease 3 to 3.25 s
     * after its last renewal (renewed every second), so a takeover costs about 2.5 to 3.5 s.
     * Only used on a database server (the embedded database has one process and no lease).
     */
    static final LeaderElection.Timing LEASE = new LeaderElection.Timing(Duration.ofSeconds(3), Duration.ofSeconds(1),
            Duration.ofMillis(250));
    /** More time for the counted waves when the bot is killed on the way: its downtime and a new start. */
    private static final Duration CRASH_ALLOWANCE = Duration.ofSeconds(40);
    /** How long after the crash wave is counted its match messages may take to show before the kill comes anyway. */
    private static final Duration PHASE2_WAIT = Duration.ofSeconds(20);
    /** How long a new bot (or the standby's takeover) may take to be up. */
    private static final Duration UP_WITHIN = Duration.ofSeconds(60);

    static final String OPEN_DM_ROUTE = "POST /users/@me/channels";
    /** Generous: the global 50 per second is what limits a wave's direct messages. */
    static final BucketLimit OPEN_DM_BUCKET = new BucketLimit(50, Duration.ofSeconds(1));

    private final DemoOptions options;
    private final Map<String, String> environment;
    private final PrintStream progress;
    private final java.util.TreeMap<Integer, String> pendingLines = new java.util.TreeMap<>();
    private int nextLine = 1;

    /**
     * @param options     what to run
     * @param environment where {@code MATCHWAVE_DB_*} settings are read
     * @param progress    where the progress lines go (stderr when the figures go out as JSON)
     */
    public OfflineDemo(DemoOptions options, Map<String, String> environment, PrintStream progress) {
        this.options = java.util.Objects.requireNonNull(options, "options");
        this.environment = Map.copyOf(environment);
        this.progress = java.util.Objects.requireNonNull(progress, "progress");
    }

    /**
     * What a run saw.
     *
     * @param figures  every figure, for {@link DemoReport}
     * @param problems what went wrong on the way (players who got stuck, waves that did not come);
     *                 also among the figures' notes
     */
    public record Outcome(DemoFigures figures, List<String> problems) {
        public Outcome {
            java.util.Objects.requireNonNull(figures, "figures");
            problems = List.copyOf(problems);
        }
    }

    /**
     * Runs the demo.
     *
     * @throws InterruptedException if interrupted (everything started is stopped)
     */
    public Outcome run() throws InterruptedException {
        return run((outcome, web) -> {
        });
    }

    /**
     * Runs the demo; {@code whileUp} gets the outcome and the web pages' address while the bot and
     * its pages are still up, which they stay for the options' {@code linger} after it returns.
     *
     * @throws InterruptedException if interrupted (everything started is stopped)
     */
    public Outcome run(java.util.function.BiConsumer<Outcome, Optional<java.net.URI>> whileUp)
            throws InterruptedException {
        long start = System.nanoTime();
        java.time.Instant startedAt = java.time.Instant.now();
        List<String> problems = new java.util.concurrent.CopyOnWriteArrayList<>();
        Optional<Path> temporary = Optional.empty();
        Optional<EmbeddedPostgresServer> ownServer = Optional.empty();
        DatabaseConfig database;
        if (configured("MATCHWAVE_DB_URL") || configured("MATCHWAVE_DB_DATA_DIR")) {
            checkEnvironment(options, environment);
            database = DatabaseConfig.fromSettings(environment);
        } else if (options.standby()) {
            // Two bots share one database only through a server: an embedded PostgreSQL reached by
            // its URL, as StandbyTakeoverTest does; the lease decides which bot leads.
            try {
                temporary = Optional.of(Files.createTempDirectory("matchwave-demo-db-"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a temporary directory for the database", e);
            }
            ownServer = Optional.of(EmbeddedPostgresServer.start(temporary.get(), 0,
                    Map.of("fsync", "off", "synchronous_commit", "off", "full_page_writes", "off")));
            database = DatabaseConfig.server(ownServer.get().jdbcUrl(), EmbeddedPostgresServer.USER, "")
                    .withPoolSize(10);
        } else {
            try {
                temporary = Optional.of(Files.createTempDirectory("matchwave-demo-db-"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a temporary directory for the database", e);
            }
            // A throwaway database: durability buys nothing here, and fsync costs seconds on a busy disk.
            database = new DatabaseConfig(new DatabaseConfig.Embedded(temporary.get(), 0,
                    Map.of("fsync", "off", "synchronous_commit", "off", "full_page_writes", "off")), 10,
                    DatabaseConfig.DEFAULT_CONNECTION_TIMEOUT);
        }
        ExecutorService players = Executors.newVirtualThreadPerTaskExecutor();
        ExecutorService background = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("matchwave-demo-bound").daemon(true).factory());
        java.util.concurrent.ScheduledExecutorService cpuTimer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("matchwave-demo-cpu").daemon(true).factory());
        try (DiscordEmulator discord = DiscordEmulator.start(emulatorConfig())) {
            EmulatedUser admin = discord.addUser("ladder-admin");
            BotConfig config = new BotConfig(Optional.of(discord.botToken()), Optional.of(discord.apiUrl()),
                    Optional.of(discord.gatewayUrl()), new DatabaseSettings.Embedded(temporary.orElse(Path.of("."))),
                    Set.of(admin.id()), options.waveInterval(), BotConfig.DEFAULT_RULES, OptionalLong.empty(),
                    OptionalInt.empty());
            DemoRecorder recorder = DemoFigures.recorder(options.seed(), options.players(), options.waves(),
                    FlowTargets.defaults(), InstantSource.system());
            CpuSampler cpu = new CpuSampler(CpuSampler.Source.proc(Path.of("/proc")), InstantSource.system());
            cpu.sample();
            cpuTimer.scheduleAtFixedRate(cpu::sample, CPU_PERIOD.toMillis(), CPU_PERIOD.toMillis(),
                    java.util.concurrent.TimeUnit.MILLISECONDS);
            WaveLedger ledger = new WaveLedger(options.waves(), options.seed(), background, recorder::flow,
                    wave -> background.execute(() -> printInOrder(wave.index, progressLine(wave, discord))));
            say("offline demo: %d players, %d waves, seed %d, a wave every %d s; JDK %s, %s", options.players(),
                    options.waves(), options.seed(), options.waveInterval().toSeconds(), Runtime.version().feature(),
                    DemoReport.warmStart() ? "a warm start (AOT cache)" : "a cold start");
            CrashWatch watch = new CrashWatch();
            LiveFigures live = new LiveFigures((queue, rules) -> PairingBound.of(queue, rules).maxPairs());
            java.util.function.Supplier<DiscordBot> newBot = () -> DiscordBot.builder(config).databaseConfig(database)
                    .pairer(live.watching(ledger.around(Pairers.optimal()))).waveObserver(ledger.andThen(live))
                    .flowListener(ledger).leaseTiming(LEASE).build();
            Crash crash = new Crash(newBot, ledger, discord, problems, background);
            WebSettings webSettings = new WebSettings(options.webPort(), "127.0.0.1", false);
            java.util.concurrent.atomic.AtomicReference<LadderWebsite> site = new java.util.concurrent.atomic.AtomicReference<>();
            try (live; crash; MessageFeed feed = new MessageFeed(discord, routed -> {
                     ledger.seen(routed);
                     watch.seen(routed);
                 })) {
                crash.startFirst();
                discord.awaitCommand("queue", READY);
                if (options.crashAtWave().isEmpty()) {
                    // Up from the start, so the live page shows the waves as they run.
                    site.set(startSite(crash, live, webSettings, problems));
                }
                feed.start();
                Table table = new Table(ledger, feed, crash);
                List<ScriptedPlayer> crowd = new ArrayList<>();
                List<Inbox> inboxes = new ArrayList<>();
                for (Persona persona : Persona.crowd(options.seed(), options.players())) {
                    EmulatedUser user = discord.addUser(persona.userName());
                    Inbox inbox = new Inbox(persona.userName());
                    ledger.player(user.id(), persona.userName(), persona.ladderId());
                    feed.channel(user.directMessageChannelId(), inbox);
                    watch.player(persona.userName(), user.directMessageChannelId());
                    crash.player(user.id(), persona.userName());
                    inboxes.add(inbox);
                    crowd.add(new ScriptedPlayer(persona, user, inbox, table, options.seed()));
                }
                Inbox adminInbox = new Inbox(admin.name());
                feed.channel(admin.directMessageChannelId(), adminInbox);
                say("bot up in %.1f s; %d players set up their profiles", seconds(start), crowd.size());

                List<ScriptedPlayer> ready = inParallel(players, crowd, p -> {
                    p.setUp();
                    return p;
                }, problems);
                say("%d players set up; the admin seeds their ratings", ready.size());
                seedRatings(players, admin, adminInbox, table, ready, problems);
                ready = inParallel(players, ready, p -> {
                    p.chooseRaces();
                    return p;
                }, problems);
                say("%d players chose races and vetoes (%.1f s); they join right after the next wave", ready.size(),
                        seconds(start));
                sleepPastNextWave();
                List<Future<?>> loops = new ArrayList<>();
                Map<String, Integer> waiting = new java.util.concurrent.ConcurrentHashMap<>();
                for (ScriptedPlayer player : ready) {
                    loops.add(players.submit(() -> {
                        try {
                            player.play();
                        } catch (Inbox.Stopped stopped) {
                            // The demo is over; what he still waited for goes in the notes.
                            waiting.merge(stopped.getMessage().replaceAll("#\\d+", "#n"), 1, Integer::sum);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        } catch (RuntimeException e) {
                            problems.add(player.persona().userName() + ": " + e.getMessage());
                        }
                        return null;
                    }));
                }
                // Bounded, so a slow bot shows in the report instead of a demo that never ends.
                Duration limit = options.waveInterval().multipliedBy(3L * options.waves()).plusSeconds(20)
                        .plus(options.crashAtWave().isPresent() ? CRASH_ALLOWANCE : Duration.ZERO);
                // Issue 17: mid-run, the admin closes season 1 (ratings halfway back to the initial one).
                // Not in a crash run: the kill comes at about that time and is what that run shows.
                Optional<String> seasonNote = Optional.empty();
                if (options.waves() >= 2 && options.crashAtWave().isEmpty()) {
                    long seasonBy = System.nanoTime() + limit.toNanos();
                    int after = options.waves() / 2;
                    while (ledger.waves().size() < after && System.nanoTime() < seasonBy) {
                        Thread.sleep(100);
                    }
                    seasonNote = closeSeason(admin, adminInbox, table, crash, after, problems);
                }
                if (!ledger.awaitAllCounted(limit)) {
                    problems.add("only " + ledger.waves().size() + " of " + options.waves()
                            + " waves with matches ran within " + limit.toSeconds() + " s");
                }
                table.stop();
                crash.running().ifPresent(bot -> bot.ladder().queue().clear());
                long settleBy = System.nanoTime() + SETTLE.toNanos();
                while (ledger.openMatches() > 0 && System.nanoTime() < settleBy) {
                    Thread.sleep(100);
                }
                if (ledger.openMatches() > 0) {
                    problems.add(ledger.openMatches() + " matches of the counted waves had not ended after "
                            + SETTLE.toSeconds() + " s more" + crash.running().map(OfflineDemo::openMatches).orElse(""));
                }
                inboxes.forEach(Inbox::close);
                adminInbox.close();
                for (Future<?> loop : loops) {
                    try {
                        loop.get(5, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                        loop.cancel(true);
                    }
                }
                // The lines of waves whose notifications never settled, with what is known.
                try {
                    background.submit(() -> ledger.waves().forEach(wave -> {
                        if (wave.index >= nextLine) {
                            printInOrder(wave.index, progressLine(wave, discord));
                        }
                    })).get();
                } catch (java.util.concurrent.ExecutionException e) {
                    problems.add("the last progress lines failed: " + e.getCause());
                }
                table.remarks.forEach(recorder::note);
                seasonNote.ifPresent(recorder::note);
                new java.util.TreeMap<>(waiting).forEach((what, count) -> recorder.note(
                        "when the demo stopped, " + count + (count == 1 ? " player was" : " players were")
                                + " waiting for " + what));
                crash.figures(watch, options.standby(), problems).ifPresent(recorder::crash);
                record(recorder, ledger, discord, problems, ready.size());
                cpuTimer.shutdownNow();
                cpu.sample();
                cpuFigures(cpu, recorder.figures().waves(), options.waveInterval()).ifPresentOrElse(recorder::cpu,
                        () -> recorder.note(cpu.failure().orElse("the CPU time was not measured")));
                if (options.record().isPresent()) {
                    writeRecord(options.record().get(), startedAt, discord.recording().requests(), problems);
                }
                if (site.get() == null) {
                    site.set(startSite(crash, live, webSettings, problems));
                }
                Outcome outcome = new Outcome(recorder.figures(), problems);
                whileUp.accept(outcome, Optional.ofNullable(site.get()).map(LadderWebsite::url));
                if (site.get() != null && !options.linger().isZero()) {
                    Thread.sleep(options.linger().toMillis());
                }
                return outcome;
            } finally {
                LadderWebsite running = site.getAndSet(null);
                if (running != null) {
                    running.close();
                }
            }
        } finally {
            players.shutdownNow();
            background.shutdownNow();
            cpuTimer.shutdownNow();
            ownServer.ifPresent(EmbeddedPostgresServer::close);
            temporary.ifPresent(OfflineDemo::deleteTree);
        }
    }

    /**
     * Each wave's CPU figures, from the wave to the next one or one wave interval, whichever
     * comes first, and the whole run's; empty when the sampler has none.
     */
    static Optional<CpuFigures> cpuFigures(CpuSampler sampler, List<WaveResult> waves, Duration interval) {
        Optional<CpuFigures.Window> run = sampler.run();
        if (run.isEmpty()) {
            return Optional.empty();
        }
        java.util.Map<Integer, CpuFigures.Window> windows = new java.util.TreeMap<>();
        for (int i = 0; i < waves.size(); i++) {
            Instant from = waves.get(i).at();
            Instant to = from.plus(interval);
            if (i + 1 < waves.size() && waves.get(i + 1).at().isBefore(to)) {
                to = waves.get(i + 1).at();
            }
            int wave = waves.get(i).wave();
            sampler.window(from, to).ifPresent(window -> windows.put(wave, window));
        }
        return Optional.of(new CpuFigures(windows, run.get()));
    }

    /** The web pages on the running bot; null (and a problem noted) when they cannot start. */
    private static @org.jspecify.annotations.Nullable LadderWebsite startSite(Crash crash, LiveFigures live,
            WebSettings settings, List<String> problems) {
        Optional<DiscordBot> bot = crash.running();
        if (bot.isEmpty()) {
            return null;
        }
        try {
            return LadderWebsite.start(bot.get(), live, settings);
        } catch (RuntimeException e) {
            problems.add("the web pages did not start: " + e.getMessage());
            return null;
        }
    }

    /**
     * Discord's limits, with one addition: opening a DM answers with a bucket's headers, as
     * Discord's answers carry them. Without headers the bot must assume the tight 5 per 5 s of a
     * channel for that route (one shared route for every player), and a wave of 200 first
     * direct messages would take minutes; with them it learns the limit from the first answer.
     */
    static EmulatorConfig emulatorConfig() {
        return EmulatorConfig.builder()
                .rateLimits(RateLimits.discord().withRoute(OPEN_DM_ROUTE, OPEN_DM_BUCKET))
                .build();
    }

    private boolean configured(String name) {
        return configured(environment, name);
    }

    private static boolean configured(Map<String, String> environment, String name) {
        String value = environment.get(name);
        return value != null && !value.isBlank();
    }

    /**
     * Whether the options fit the database settings: a standby shares the database with the first
     * bot, which the embedded database of {@code MATCHWAVE_DB_DATA_DIR} cannot do.
     *
     * @throws IllegalArgumentException saying what to change, in one line
     */
    public static void checkEnvironment(DemoOptions options, Map<String, String> environment) {
        if (options.standby() && configured(environment, "MATCHWAVE_DB_DATA_DIR")
                && !configured(environment, "MATCHWAVE_DB_URL")) {
            throw new IllegalArgumentException("--standby shares the database between two bots, which needs a"
                    + " PostgreSQL server: set MATCHWAVE_DB_URL or unset MATCHWAVE_DB_DATA_DIR (the demo then starts"
                    + " a server of its own)");
        }
    }

    /**
     * The bots of a run: the first, and with {@code --crash-at-wave} the kill ({@link DiscordBot#halt})
     * once the crash wave's match messages are going out, then a new bot on the same database
     * (or the standby's takeover). The kill and the new start run on a thread of their own: the
     * wave's and the feed's threads only signal.
     */
    private final class Crash implements AutoCloseable {
        private final java.util.function.Supplier<DiscordBot> newBot;
        private final WaveLedger ledger;
        private final DiscordEmulator discord;
        private final List<String> problems;
        private final ExecutorService background;
        private final java.util.concurrent.atomic.AtomicReference<DiscordBot> current =
                new java.util.concurrent.atomic.AtomicReference<>();
        private final List<DiscordBot> all = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final Set<DiscordBot> halted = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private final Map<Long, String> names = new java.util.concurrent.ConcurrentHashMap<>();
        private final java.util.concurrent.CompletableFuture<Instant> standbyUp =
                new java.util.concurrent.CompletableFuture<>();
        private final java.util.concurrent.CountDownLatch phase2 = new java.util.concurrent.CountDownLatch(1);
        final java.util.concurrent.atomic.AtomicInteger crashes = new java.util.concurrent.atomic.AtomicInteger();
        final java.util.concurrent.atomic.AtomicInteger retried = new java.util.concurrent.atomic.AtomicInteger();
        private volatile DiscordBot standbyBot;
        private volatile WaveLedger.CountedWave crashWave;
        private volatile Thread thread;
        private volatile Instant haltedAt;
        private volatile Instant upAt;
        private volatile int botOwed = -1;

        Crash(java.util.function.Supplier<DiscordBot> newBot, WaveLedger ledger, DiscordEmulator discord,
              List<String> problems, ExecutorService background) {
            this.newBot = newBot;
            this.background = background;
            this.ledger = ledger;
            this.discord = discord;
            this.problems = problems;
        }

        void player(long userId, String name) {
            names.put(userId, name);
        }

        /** Starts the first bot (and the standby, waiting for the lease), and arms the crash. */
        void startFirst() throws InterruptedException {
            if (options.crashAtWave().isPresent()) {
                int at = options.crashAtWave().getAsInt();
                ledger.onCounted(wave -> {
                    if (wave.index == at && crashWave == null) {
                        crashWave = wave;
                        thread = Thread.ofPlatform().name("matchwave-demo-crash").daemon(true).start(this::crash);
                    }
                });
                ledger.onPhase2Seen(wave -> {
                    if (wave == crashWave) {
                        phase2.countDown();
                    }
                });
            }
            DiscordBot first = newBot.get();
            all.add(first);
            current.set(first);
            first.start();
            if (options.standby()) {
                DiscordBot second = newBot.get();
                all.add(second);
                standbyBot = second;
                Thread.ofPlatform().name("matchwave-demo-standby").daemon(true).start(() -> {
                    try {
                        second.start();
                        standbyUp.complete(Instant.now());
                    } catch (InterruptedException | RuntimeException e) {
                        standbyUp.completeExceptionally(e);
                    }
                });
                say("a standby bot waits for the ladder's lease (%d s; taken over within %.2f s of its last renewal)",
                        LEASE.lease().toSeconds(), LEASE.takeover().toMillis() / 1000.0);
            }
        }

        /** The bot in charge now, unless it was killed and none took over. */
        Optional<DiscordBot> running() {
            return Optional.ofNullable(current.get()).filter(bot -> !halted.contains(bot));
        }

        private void crash() {
            WaveLedger.CountedWave wave = crashWave;
            try {
                if (!phase2.await(PHASE2_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    problems.add("crash: no player saw a match message of wave " + wave.index + " within "
                            + PHASE2_WAIT.toSeconds() + " s; the bot was killed then");
                }
                DiscordBot bot = current.get();
                try {
                    botOwed = bot.ladder().notificationsOwed();
                } catch (RuntimeException e) {
                    problems.add("crash: the bot's outbox could not be counted before the kill: " + e.getMessage());
                }
                haltedAt = Instant.now();
                bot.halt();
                halted.add(bot);
                ledger.newBot();
                crashes.incrementAndGet();
                background.execute(() -> printInOrder(wave.index, progressLine(wave, discord)
                        .replace(" (notifications still in flight)", " (bot killed during its phase 2)")));
                say("crash: the bot was killed during wave %d's match messages (its outbox owed %d); %s",
                        wave.index, botOwed, options.standby() ? "the standby takes over" : "a new bot starts");
                DiscordBot next;
                if (options.standby()) {
                    upAt = standbyUp.get(UP_WITHIN.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                    next = standbyBot;
                } else {
                    next = newBot.get();
                    all.add(next);
                    next.start();
                    upAt = Instant.now();
                }
                current.set(next);
                say("crash: the new bot is up %.1f s after the kill",
                        Duration.between(haltedAt, upAt).toMillis() / 1000.0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException
                     | RuntimeException e) {
                Throwable cause = e instanceof java.util.concurrent.ExecutionException ? e.getCause() : e;
                problems.add("crash: the new bot did not come up: " + cause);
                say("crash: the new bot did not come up: %s", cause);
            }
        }

        /** The crash as the players saw it; empty (and a problem noted) if there was none. */
        Optional<CrashFigures> figures(CrashWatch watch, boolean standby, List<String> problems) {
            WaveLedger.CountedWave wave = crashWave;
            Instant killed = haltedAt;
            if (options.crashAtWave().isEmpty()) {
                return Optional.empty();
            }
            if (wave == null || killed == null) {
                problems.add("crash: wave " + options.crashAtWave().getAsInt() + " never came, the bot was not killed");
                return Optional.empty();
            }
            Map<Long, List<String>> matches = new java.util.TreeMap<>();
            wave.matches.forEach(m -> matches.put(m.id().value(), m.players().stream()
                    .map(p -> names.getOrDefault(p.value(), "user " + p.value())).toList()));
            CrashFigures figures = CrashWatch.figures(watch.sightings(), wave.index, standby, matches, killed, upAt,
                    botOwed, discord.nonceReplays(), retried.get());
            figures.notes().forEach(n -> problems.add("crash: " + n));
            return Optional.of(figures);
        }

        @Override
        public void close() throws InterruptedException {
            Thread crashing = thread;
            if (crashing != null) {
                crashing.join(UP_WITHIN.toMillis());
                crashing.interrupt();
            }
            for (DiscordBot bot : all) {
                if (!halted.contains(bot)) {
                    bot.close();
                }
            }
        }
    }

    /** Each admin command sets one race's rating of one player. */
    private void seedRatings(ExecutorService executor, EmulatedUser admin, Inbox inbox, ScriptedPlayer.Table table,
                             List<ScriptedPlayer> players, List<String> problems) throws InterruptedException {
        record Seed(ScriptedPlayer player, String race, int rating) {
        }
        List<Seed> seeds = players.stream().flatMap(p -> p.persona().ratings().entrySet().stream()
                .map(r -> new Seed(p, r.getKey(), r.getValue()))).toList();
        inParallel(executor, seeds, seed -> {
            UserInteraction command = admin.runCommand("admin adjust_mmr set", Map.of("user", seed.player().user(),
                    "race", seed.race(), "value", seed.rating(), "reason", "offline demo: seeded rating"));
            table.expect(command, inbox);
            MessageEvent answer = inbox.await(0, e -> !e.message().loading()
                    && e.message().interactionId().orElse(-1) == command.id(), Duration.ofSeconds(20), "the admin's answer");
            return answer;
        }, problems);
    }

    /**
     * The admin closes season 1 through Discord ({@code /admin new_season reset:toward
     * fraction_percent:50}); returns the report's note on the reset: how many ratings moved, how
     * far from the initial rating they stood before and after, how many players in a match wait
     * for its end.
     */
    private Optional<String> closeSeason(EmulatedUser admin, Inbox inbox, ScriptedPlayer.Table table, Crash crash,
                                         int afterWaves, List<String> problems) throws InterruptedException {
        Optional<DiscordBot> bot = crash.running();
        if (bot.isEmpty()) {
            problems.add("season: no bot was running after wave " + afterWaves + ", the season was not closed");
            return Optional.empty();
        }
        var ladder = bot.get().ladder();
        int initial = ladder.lifecycle().ratingSystem().initial().rounded();
        Map<dev.matchwave.matchmaking.ladder.rating.RatingKey, dev.matchwave.matchmaking.ladder.rating.PlayerRating> before =
                new java.util.HashMap<>();
        ladder.store().ratings().all().forEach(r -> before.put(dev.matchwave.matchmaking.ladder.rating.RatingKey.of(r), r));
        UserInteraction command = admin.runCommand("admin new_season", Map.of("reset", "toward", "fraction_percent", 50,
                "reason", "offline demo: a season closed mid-run"));
        table.expect(command, inbox);
        MessageEvent answer;
        try {
            answer = inbox.await(0, e -> !e.message().loading()
                    && e.message().interactionId().orElse(-1) == command.id(), Duration.ofSeconds(20), "the admin's answer");
        } catch (RuntimeException e) {
            problems.add("season: the admin's /admin new_season got no answer: " + e.getMessage());
            return Optional.empty();
        }
        if (!answer.message().text().contains("started")) {
            problems.add("season: /admin new_season answered " + answer.message().text());
            return Optional.empty();
        }
        int season = ladder.seasons().current().number();
        int moved = 0;
        double distanceBefore = 0;
        double distanceAfter = 0;
        for (var now : ladder.store().ratings().all()) {
            var was = before.get(dev.matchwave.matchmaking.ladder.rating.RatingKey.of(now));
            if (was != null && !was.equals(now) && now.isFresh()) {
                moved++;
                distanceBefore += Math.abs(was.rating().rounded() - initial);
                distanceAfter += Math.abs(now.rating().rounded() - initial);
            }
        }
        java.util.regex.Matcher deferred = java.util.regex.Pattern.compile("(\\d+) players in a match")
                .matcher(answer.message().text());
        int waiting = deferred.find() ? Integer.parseInt(deferred.group(1)) : 0;
        String note = String.format(java.util.Locale.ROOT, "season: after wave %d the admin closed season %d"
                        + " (/admin new_season reset:toward fraction_percent:50): %d ratings moved halfway to %d, their mean"
                        + " distance to it from %.1f to %.1f points, records emptied; %d players in a match were reset"
                        + " when it ended; season %d's final standings stay readable (/leaderboard season:%d)",
                afterWaves, season - 1, moved, initial, moved == 0 ? 0 : distanceBefore / moved,
                moved == 0 ? 0 : distanceAfter / moved, waiting, season - 1, season - 1);
        say("%s", note);
        return Optional.of(note);
    }

    private interface Step<T, R> {
        R apply(T item) throws Exception;
    }

    /** Runs the step for every item, a few at a time; returns the results of those that succeeded. */
    private static <T, R> List<R> inParallel(ExecutorService executor, List<T> items, Step<T, R> step,
                                             List<String> problems) throws InterruptedException {
        Semaphore slots = new Semaphore(SETUP_CONCURRENCY);
        List<Future<R>> futures = new ArrayList<>();
        for (T item : items) {
            Callable<R> task = () -> {
                slots.acquire();
                try {
                    return step.apply(item);
                } finally {
                    slots.release();
                }
            };
            futures.add(executor.submit(task));
        }
        List<R> done = new ArrayList<>();
        for (Future<R> future : futures) {
            try {
                done.add(future.get());
            } catch (java.util.concurrent.ExecutionException e) {
                problems.add(String.valueOf(e.getCause().getMessage()));
            }
        }
        return done;
    }

    /** Sleeps until just after the next wave, so every player's first join lands in the same wave. */
    private void sleepPastNextWave() throws InterruptedException {
        long interval = options.waveInterval().toMillis();
        long now = System.currentTimeMillis();
        long next = (now / interval + 1) * interval;
        Thread.sleep(next - now + 150);
    }

    private void say(String format, Object... args) {
        progress.println("demo: " + String.format(Locale.ROOT, format, args));
    }

    /**
     * Prints a wave's line once every earlier wave's is out: a big wave's notifications can
     * settle after a smaller later wave's. Called on the one background thread.
     */
    private void printInOrder(int index, String line) {
        pendingLines.put(index, line);
        while (pendingLines.containsKey(nextLine)) {
            progress.println(pendingLines.remove(nextLine));
            nextLine++;
        }
    }

    /**
     * The wave's line: its figures so far (the players' sightings may still be arriving), the
     * bot's own phase maxima, and the 429s of the run so far.
     */
    private String progressLine(WaveLedger.CountedWave wave, DiscordEmulator discord) {
        WaveFigures bot = wave.botFigures;
        return wave.index + "/" + options.waves() + " " + DemoReport.progressLine(wave.result())
                + (bot == null ? " (notifications still in flight)" : String.format(Locale.ROOT,
                " (bot: phase 1 max %d ms, phase 2 max %d ms)", bot.phase1().max().toMillis(),
                bot.phase2().max().toMillis()))
                + ", 429s so far " + discord.recording().figures().rateLimited();
    }

    /** Hands everything the run saw to the recorder. */
    /**
     * Every request the local Discord received, one JSON object a line, in the order it handled
     * them: {@code t_ms} (ms since the demo started, fractional), {@code method}, {@code route}
     * (the route template) and {@code status}. Anybody can recount the global budget from it.
     */
    static void writeRecord(Path file, java.time.Instant startedAt, List<RequestRecord> requests,
                            List<String> problems) {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        try (java.io.BufferedWriter out = java.nio.file.Files.newBufferedWriter(file)) {
            for (RequestRecord request : requests) {
                var line = json.createObjectNode();
                line.put("t_ms", Duration.between(startedAt, request.at()).toNanos() / 1_000_000.0);
                line.put("method", request.method());
                line.put("route", request.route());
                line.put("status", request.status());
                out.write(json.writeValueAsString(line));
                out.newLine();
            }
        } catch (java.io.IOException e) {
            problems.add("the request record could not be written to " + file + ": " + e.getMessage());
        }
    }

    private static void record(DemoRecorder recorder, WaveLedger ledger, DiscordEmulator discord, List<String> problems,
                               int readyPlayers) {
        for (WaveLedger.CountedWave wave : ledger.waves()) {
            recorder.wave(wave.result());
            PairingBound bound = wave.boundNow();
            WaveFigures bot = wave.botFigures;
            String measured = bot == null ? "its notifications had not settled when the demo stopped"
                    : String.format(Locale.ROOT, "bot measured phase 1 p50 %d max %d ms, phase 2 p50 %d max %d ms",
                    bot.phase1().p50().toMillis(), bot.phase1().max().toMillis(), bot.phase2().p50().toMillis(),
                    bot.phase2().max().toMillis());
            recorder.note(String.format(Locale.ROOT, "wave %d: %d pairs made, %d possible (Edmonds), %d by a greedy"
                    + " pairing; %s", wave.index, wave.matches.size(), bound.maxPairs(), bound.greedyPairs(), measured));
            if (bound.maxPairs() < wave.matches.size()) {
                recorder.note("wave " + wave.index + ": the bot made more pairs than the independent maximum allows:"
                        + " the bound or the rules disagree with the pairer");
            }
        }
        Map<Long, String> outcomes = ledger.outcomes();
        for (String outcome : outcomes.values()) {
            switch (outcome) {
                case "completed" -> {
                    recorder.confirmed();
                    recorder.completed();
                }
                case "conflict" -> {
                    recorder.confirmed();
                    recorder.conflict();
                }
                case "aborted" -> recorder.aborted();
                default -> recorder.note("a match ended in a way the demo did not expect: " + outcome);
            }
        }
        List<Duration> seenWaits = new ArrayList<>(ledger.playerWaits());
        if (!seenWaits.isEmpty()) {
            seenWaits.sort(null);
            recorder.note(String.format(Locale.ROOT, "players' own wait from pressing Join to seeing \"match found\":"
                            + " %d waits, p50 %.1f s, max %.1f s", seenWaits.size(),
                    seenWaits.get((seenWaits.size() - 1) / 2).toMillis() / 1000.0,
                    seenWaits.get(seenWaits.size() - 1).toMillis() / 1000.0));
        }
        ledger.stepBreakdown(List.of(FlowTargets.JOIN, FlowTargets.QUEUE_COMMAND, "confirm",
                FlowTargets.RESULT_CONFIRM)).forEach(recorder::note);
        recorder.note("planned: " + ledger.plannedOutcomes() + "; " + readyPlayers + " players took part; "
                + ledger.ignoredWaves() + " later waves with matches not counted");
        List<RequestRecord> requests = discord.recording().requests();
        Map<String, Long> perRoute = new java.util.TreeMap<>();
        long global = 0;
        long route = 0;
        long invalid = 0;
        for (RequestRecord request : requests) {
            perRoute.merge(request.route(), 1L, Long::sum);
            if (request.rateLimited()) {
                boolean isGlobal = request.header("X-RateLimit-Global").isPresent()
                        || request.header("X-RateLimit-Scope").filter("global"::equalsIgnoreCase).isPresent();
                global += isGlobal ? 1 : 0;
                route += isGlobal ? 0 : 1;
            }
            invalid += request.invalid() ? 1 : 0;
        }
        recorder.requests(new RequestFigures(requests.size(), perRoute, global, route, invalid));
        recorder.note(globalPerSecond(requests));
        problems.forEach(recorder::note);
    }

    /** The global budget as Discord counted it: requests on non-interaction routes in each second. */
    static String globalPerSecond(List<RequestRecord> requests) {
        Map<Long, Integer> perSecond = new java.util.TreeMap<>();
        for (RequestRecord request : requests) {
            if (!request.interaction()) {
                perSecond.merge(request.at().getEpochSecond(), 1, Integer::sum);
            }
        }
        if (perSecond.isEmpty()) {
            return "no requests on the global budget";
        }
        int[] counts = perSecond.values().stream().mapToInt(Integer::intValue).sorted().toArray();
        return String.format(Locale.ROOT, "global budget (50 a second): %d seconds with requests, p50 %d, max %d a second",
                counts.length, counts[(counts.length - 1) / 2], counts[counts.length - 1]);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // Left behind in the temporary directory; nothing else depends on it.
                }
            });
        } catch (IOException e) {
            // Same.
        }
    }

    /** The players' side of the ledger, and the stop flag. */
    /** The bot's open matches as the database holds them, for a problem line (who confirmed, who reported). */
    static String openMatches(DiscordBot bot) {
        try {
            return bot.ladder().store().matches().open().stream().map(m -> "#" + m.id().value() + " " + m.state()
                            + " (" + describe(m.player1()) + "; " + describe(m.player2()) + ")")
                    .collect(java.util.stream.Collectors.joining(", ", ": open ", ""));
        } catch (RuntimeException e) {
            return ": the open matches could not be read (" + e.getMessage() + ")";
        }
    }

    private static String describe(dev.matchwave.matchmaking.ladder.match.Participant p) {
        return "player " + p.player().value() + (p.confirmedAt().isPresent() ? " confirmed" : " not confirmed")
                + p.report().map(r -> ", reported " + r).orElse("") + (p.abortArmed() ? ", abort armed" : "");
    }

    private static final class Table implements ScriptedPlayer.Table {
        private final WaveLedger ledger;
        private final MessageFeed feed;
        private final Crash crash;
        private volatile boolean stopping;
        final java.util.Set<String> remarks = java.util.concurrent.ConcurrentHashMap.newKeySet();

        Table(WaveLedger ledger, MessageFeed feed, Crash crash) {
            this.ledger = ledger;
            this.feed = feed;
            this.crash = crash;
        }

        @Override
        public int crashes() {
            return crash.crashes.get();
        }

        @Override
        public void retried() {
            crash.retried.incrementAndGet();
        }

        void stop() {
            stopping = true;
        }

        @Override
        public boolean stopping() {
            return stopping;
        }

        @Override
        public Optional<MatchPlan> plan(long matchId) {
            return ledger.plan(matchId);
        }

        @Override
        public void confirmPressed(long matchId, long userId) {
            ledger.confirmPressed(matchId, userId, java.time.Instant.now());
        }

        @Override
        public void matchEnded(long matchId, String outcome) {
            ledger.matchEnded(matchId, outcome);
        }

        @Override
        public void expect(UserInteraction interaction, Inbox inbox) {
            feed.interaction(interaction.id(), inbox);
        }

        @Override
        public void waited(Duration wait) {
            ledger.waited(wait);
        }

        @Override
        public void note(String remark) {
            remarks.add(remark);
        }
    }

}
