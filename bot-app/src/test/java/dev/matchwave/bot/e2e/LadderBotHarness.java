package dev.matchwave.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.bot.config.BotConfig;
import dev.matchwave.bot.config.DatabaseSettings;
import dev.matchwave.bot.config.WebSettings;
import dev.matchwave.bot.ladder.PairingBound;
import dev.matchwave.bot.web.LadderWebsite;
import dev.matchwave.bot.web.LiveFigures;
import dev.matchwave.matchmaking.pairing.Pairers;
import dev.matchwave.bot.ladder.DiscordBot;
import dev.matchwave.bot.ladder.LadderApplication;
import dev.matchwave.bot.ladder.WaveObserver;
import dev.matchwave.emulator.DiscordEmulator;
import dev.matchwave.emulator.EmulatedUser;
import dev.matchwave.emulator.EmulatorConfig;
import dev.matchwave.emulator.SeenMessage;
import dev.matchwave.emulator.SeenModal;
import dev.matchwave.emulator.UserInteraction;
import dev.matchwave.emulator.ratelimit.RateLimits;
import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.StoreException;
import dev.matchwave.matchmaking.ladder.match.Match;
import dev.matchwave.matchmaking.ladder.player.ProfileForm;
import dev.matchwave.persistence.DatabaseConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The whole bot end to end: a {@link DiscordEmulator}, the real {@link DiscordBot} (JDA, the
 * interaction router, the ladder, the Discord sink) on a throwaway embedded PostgreSQL with fast
 * settings, and helpers that script what players do through Discord.
 *
 * <p>Start one per test class ({@code @BeforeAll}; the database takes a few seconds to start) and
 * give every test fresh users ({@link #newUser}) so that tests do not depend on their order;
 * {@link #clearQueue()} after each test keeps a test's leftovers out of the next one's waves.
 *
 * <p>Not thread-safe for start, {@link #restartBot()} and close; the player helpers may be called
 * from many threads at once (the emulator's users are thread-safe).
 */
final class LadderBotHarness implements AutoCloseable {

    /** How long any await waits: generous, the machine is shared. */
    static final Duration WAIT = Duration.ofSeconds(30);
    /** The select placeholders of /queue (discord-adapter's QueueView). */
    static final String BW_SELECT = "Brood War race (optional)";
    static final String SC2_SELECT = "StarCraft II race (optional)";
    static final String JOIN = "Join the queue";

    /** A throwaway database: durability buys nothing here and costs seconds. */
    static final Map<String, String> SERVER_SETTINGS = Map.of("fsync", "off", "synchronous_commit", "off",
            "full_page_writes", "off");

    /** Names are unique in the JVM: user ids must be unique in a database, 3 to 12 letters. */
    private static final AtomicInteger NAMES = new AtomicInteger();

    private final Options options;
    private final Path dataDirectory;
    private final DiscordEmulator discord;
    private final @Nullable EmulatedUser admin;
    private final BotConfig config;
    private final Map<String, Long> rankRoles = new java.util.LinkedHashMap<>();
    private DiscordBot bot;
    /** Flows the bot has finished, by name (the router's timing: a flow ends when its last request is answered). */
    private final Map<String, AtomicInteger> finishedFlows = new java.util.concurrent.ConcurrentHashMap<>();
    private final LiveFigures live = new LiveFigures((queue, rules) -> PairingBound.of(queue, rules).maxPairs());
    private @Nullable LadderWebsite website;

    /** What differs between test classes; everything has a default. */
    static final class Options {
        private Duration waveInterval = Duration.ofSeconds(1);
        private @Nullable InstantSource clock;
        private dev.matchwave.matchmaking.time.@Nullable Scheduler scheduler;
        private WaveObserver waveObserver = WaveObserver.NONE;
        private RateLimits rateLimits = RateLimits.discord();
        private boolean admin;
        private int poolSize = 6;
        private Duration connectionTimeout = Duration.ofSeconds(5);
        private dev.matchwave.notification.ratelimit.@Nullable DiscordLimits dispatchLimits;
        private @Nullable Duration interactionTokenLifetime;
        private @Nullable WebSettings web;

        /** Serves the ladder's web pages on a free port of 127.0.0.1 ({@link #web()}). */
        Options web(boolean publishIdentities) {
            this.web = new WebSettings(0, "127.0.0.1", publishIdentities);
            return this;
        }

        private List<String> rankRoleLetters = List.of();

        /** Rank roles for these letters, each a role created in the guild ({@link #rankRole}). */
        Options rankRoles(List<String> letters) {
            this.rankRoleLetters = List.copyOf(letters);
            return this;
        }

        /** How long the emulator honours an interaction token; default Discord's 15 minutes. */
        Options interactionTokenLifetime(Duration value) {
            this.interactionTokenLifetime = value;
            return this;
        }

        /** The limits the bot paces its notifications by; default the bot's own. */
        Options dispatchLimits(dev.matchwave.notification.ratelimit.DiscordLimits value) {
            this.dispatchLimits = value;
            return this;
        }

        /** Time between waves (whole seconds); default 1 s. */
        Options waveInterval(Duration value) {
            this.waveInterval = value;
            return this;
        }

        /** The ladder's clock and scheduler (a {@link VirtualTime}, or only a clock). */
        Options clock(InstantSource value) {
            this.clock = value;
            return this;
        }

        Options scheduler(dev.matchwave.matchmaking.time.Scheduler value) {
            this.scheduler = value;
            return this;
        }

        Options waveObserver(WaveObserver value) {
            this.waveObserver = value;
            return this;
        }

        /** The emulator's limits; default Discord's. */
        Options rateLimits(RateLimits value) {
            this.rateLimits = value;
            return this;
        }

        /** Adds a user whose id is configured as the bot's admin ({@link #admin()}). */
        Options withAdmin() {
            this.admin = true;
            return this;
        }

        Options poolSize(int value) {
            this.poolSize = value;
            return this;
        }

        /** How long a database call waits for a connection; default 5 s (a loaded test machine). */
        Options connectionTimeout(Duration value) {
            this.connectionTimeout = value;
            return this;
        }
    }

    static Options options() {
        return new Options();
    }

    /** Starts the emulator, the database and the bot; returns when the bot's commands are registered. */
    static LadderBotHarness start(Options options) {
        try {
            return new LadderBotHarness(options);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the bot", e);
        }
    }

    private LadderBotHarness(Options options) throws InterruptedException {
        this.options = options;
        try {
            this.dataDirectory = Files.createTempDirectory("matchwave-e2e-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EmulatorConfig.Builder emulator = EmulatorConfig.builder().rateLimits(options.rateLimits);
        if (options.interactionTokenLifetime != null) {
            emulator.interactionTokenLifetime(options.interactionTokenLifetime);
        }
        this.discord = DiscordEmulator.start(emulator.build());
        this.admin = options.admin ? discord.addUser("admin") : null;
        Map<String, String> roles = new java.util.LinkedHashMap<>();
        for (String letter : options.rankRoleLetters) {
            long role = discord.createRole("Rank " + letter);
            rankRoles.put(letter, role);
            roles.put(letter, Long.toString(role));
        }
        this.config = new BotConfig(Optional.of(discord.botToken()), Optional.of(discord.apiUrl()),
                Optional.of(discord.gatewayUrl()), new DatabaseSettings.Embedded(dataDirectory),
                admin == null ? Set.of() : Set.of(admin.id()), options.waveInterval, BotConfig.DEFAULT_RULES,
                OptionalLong.empty(), OptionalInt.empty())
                .withRankRoles(roles.isEmpty() ? Map.of() : Map.of(discord.guild().id(),
                        dev.matchwave.matchmaking.ladder.roles.RankRoles.of(
                                dev.matchwave.matchmaking.ladder.rank.LeaderboardRules.REFERENCE.ranks(), roles)));
        try {
            this.bot = startBot();
        } catch (RuntimeException | InterruptedException e) {
            discord.close();
            deleteDataDirectory();
            throw e;
        }
    }

    private DiscordBot startBot() throws InterruptedException {
        DiscordBot.Builder builder = DiscordBot.builder(config)
                .databaseConfig(new DatabaseConfig(new DatabaseConfig.Embedded(dataDirectory, 0,
                        SERVER_SETTINGS),
                        options.poolSize, options.connectionTimeout))
                .waveObserver(options.waveObserver.andThen(live))
                .flowListener(report -> finishedFlows.computeIfAbsent(report.flow(), name -> new AtomicInteger())
                        .incrementAndGet())
                .pairer(live.watching(Pairers.optimal()));
        if (options.clock != null) {
            builder.clock(options.clock);
        }
        if (options.scheduler != null) {
            builder.scheduler(options.scheduler);
        }
        if (options.dispatchLimits != null) {
            builder.dispatchLimits(options.dispatchLimits);
        }
        DiscordBot started = builder.build();
        started.start();
        discord.awaitCommand("queue", WAIT);
        if (options.web != null) {
            if (website != null) {
                website.close();
            }
            website = LadderWebsite.start(started, live, options.web);
        }
        return started;
    }

    /** The guild role of a letter rank ({@link Options#rankRoles}). */
    long rankRole(String letter) {
        return Objects.requireNonNull(rankRoles.get(letter), "no rank role for " + letter);
    }

    /** The embedded database's data directory (to start its server again after a test stopped it). */
    Path dataDirectory() {
        return dataDirectory;
    }

    DiscordEmulator discord() {
        return discord;
    }

    /** The web pages' address (options {@link Options#web}). */
    java.net.URI web() {
        return Objects.requireNonNull(website, "start the harness with web(...)").url();
    }

    DiscordBot bot() {
        return bot;
    }

    LadderApplication ladder() {
        return bot.ladder();
    }

    /** The configured admin (options {@link Options#withAdmin()}). */
    EmulatedUser admin() {
        return Objects.requireNonNull(admin, "start the harness withAdmin()");
    }

    /**
     * Stops the bot (JDA, the ladder, the embedded database) and starts a new one on the same
     * database and emulator, as an operator's restart; waits until it is connected.
     */
    void restartBot() {
        bot.close();
        discord.await("the old bot is gone", () -> !discord.botConnected(), WAIT);
        try {
            bot = startBot();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while restarting the bot", e);
        }
        discord.awaitBotConnected(WAIT);
    }

    /**
     * Kills the bot as {@code kill -9} would ({@link DiscordBot#halt}: nothing drained, no
     * delivery mark written, the embedded database stopped) and starts a new one on the same
     * database and emulator, with the bot's default pacing (and, if asked, on the real clock and
     * its own scheduler: its paced sends then go out without a test moving time); waits until it
     * is connected.
     */
    void crashAndRestartBot(boolean onRealTime) {
        bot.halt();
        discord.await("the crashed bot's connection is gone", () -> !discord.botConnected(), WAIT);
        // This start only: the new process paces as the bot does by default (and runs on the real clock).
        var limits = options.dispatchLimits;
        var clock = options.clock;
        var scheduler = options.scheduler;
        options.dispatchLimits = null;
        if (onRealTime) {
            options.clock = null;
            options.scheduler = null;
        }
        try {
            bot = startBot();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while restarting the bot", e);
        } finally {
            options.dispatchLimits = limits;
            options.clock = clock;
            options.scheduler = scheduler;
        }
        discord.awaitBotConnected(WAIT);
    }

    // --- players ------------------------------------------------------------------------------

    /** A new user with a name of letters only (a valid ladder user id), unique in this JVM. */
    EmulatedUser newUser() {
        return discord.addUser(letters(NAMES.getAndIncrement()));
    }

    /** 0 to "plaaa", 1 to "plaab" ...: 3 to 12 English letters, as user ids are (docs/reference-ladder.md). */
    static String letters(int n) {
        StringBuilder name = new StringBuilder();
        int rest = n;
        for (int i = 0; i < 4; i++) {
            name.append((char) ('a' + rest % 26));
            rest /= 26;
        }
        return "pl" + name.reverse();
    }

    static PlayerId playerOf(EmulatedUser user) {
        return PlayerId.of(user.id());
    }

    /** Accepts the terms through Discord: /termsofservice, then its button. */
    void acceptTerms(EmulatedUser user) {
        SeenMessage terms = user.runCommand("termsofservice").awaitResponse(WAIT);
        assertThat(terms.ephemeral()).as("the terms are shown to the user only").isTrue();
        SeenMessage accepted = user.press(terms, terms.buttons().get(0).label()).awaitResponse(WAIT);
        assertThat(accepted.text()).contains("terms are accepted");
    }

    /** /setup through the modal: user id = the user's name, a BattleTag, France, EUW. */
    void setUp(EmulatedUser user) {
        UserInteraction setup = user.runCommand("setup");
        SeenModal modal = setup.awaitModal(WAIT);
        assertThat(modal.title()).isNotBlank();
        SeenMessage saved = setup.submitModal(Map.of("user_id", user.name(), "battletag", user.name() + "#1234",
                "country", "FR", "region", "EUW"), WAIT).awaitResponse(WAIT);
        assertThat(saved.text()).contains("profile is saved");
    }

    /** /queue and a race pick: the queue message, with the race saved, ready to join. */
    SeenMessage pickRace(EmulatedUser user, Side side) {
        SeenMessage queue = user.runCommand("queue").awaitResponse(WAIT);
        user.select(queue, side.placeholder, List.of(side.label)).awaitResponse(WAIT);
        return user.awaitMessage(m -> m.id() == queue.id() && m.revision() > queue.revision()
                && m.button(JOIN).isPresent(), WAIT);
    }

    /** Terms, setup and a race, all through Discord: the queue message to join from. */
    SeenMessage ready(EmulatedUser user, Side side) {
        acceptTerms(user);
        setUp(user);
        return pickRace(user, side);
    }

    /**
     * The same state as {@link #ready} written straight through the ladder (terms, profile,
     * race), then /queue through Discord: for tests about what comes after, with many players.
     */
    SeenMessage readyQuickly(EmulatedUser user, Side side) {
        PlayerId player = playerOf(user);
        ladder().players().acceptTerms(player);
        assertThat(ladder().players().setup(player, new ProfileForm(user.name(), user.name() + "#1234", List.of(),
                "FR", "EUW")).isValid()).isTrue();
        assertThat(ladder().players().savePreferences(player, Set.of(side.race), Set.of()).isValid()).isTrue();
        SeenMessage queue = user.runCommand("queue").awaitResponse(WAIT);
        assertThat(queue.button(JOIN)).as("the queue message of a ready player has the join button").isPresent();
        return queue;
    }

    /** Presses join on the queue message: the new ephemeral "Searching..." answer. */
    SeenMessage join(EmulatedUser user, SeenMessage queueMessage) {
        SeenMessage searching = user.press(user.message(queueMessage.id()), JOIN).awaitResponse(WAIT);
        assertThat(searching.ephemeral()).isTrue();
        // Queued, or already paired: on the real clock a wave may come between the answer and this check.
        assertThat(ladder().queue().stateOf(playerOf(user))).as("%s is queued or matched", user.name())
                .isIn(dev.matchwave.matchmaking.queue.PlayerState.QUEUED, dev.matchwave.matchmaking.queue.PlayerState.IN_MATCH);
        return searching;
    }

    /**
     * Two fresh players, a Brood War and a StarCraft II one, readied by {@code ready} (such as
     * {@link #ready} or {@link #readyQuickly}) and joined; {@code wave} brings the wave (nothing
     * for a bot on the real clock); returns once both see "match found".
     */
    Pairing matched(java.util.function.BiFunction<EmulatedUser, Side, SeenMessage> ready, Runnable wave) {
        EmulatedUser zerg = newUser();
        EmulatedUser terran = newUser();
        SeenMessage zergQueue = ready.apply(zerg, Side.BW);
        SeenMessage terranQueue = ready.apply(terran, Side.SC2);
        join(zerg, zergQueue);
        join(terran, terranQueue);
        wave.run();
        SeenMessage zergFound = awaitMatchFound(zerg);
        SeenMessage terranFound = awaitMatchFound(terran);
        return new Pairing(zerg, terran, openMatchOf(zerg).id().value(), zergFound, terranFound);
    }

    /** The "match found" message the user sees (his searching message, edited; or a DM). */
    SeenMessage awaitMatchFound(EmulatedUser user) {
        return user.awaitMessage(m -> m.shows("Match found") && m.button("Confirm").isPresent(), WAIT);
    }

    /** The match message of the details (the result selects), in the user's DM. */
    SeenMessage awaitDetails(EmulatedUser user, long matchId) {
        return user.awaitDirectMessage(m -> m.shows("#" + matchId) && m.select("Who won?").isPresent(), WAIT);
    }

    /** The open match of the user, from the database. */
    Match openMatchOf(EmulatedUser user) {
        return ladder().store().matches().openMatchOf(playerOf(user))
                .orElseThrow(() -> new AssertionError(user.name() + " has no open match"));
    }

    Match match(long id) {
        return ladder().store().matches().find(dev.matchwave.matchmaking.ladder.MatchId.of(id))
                .orElseThrow(() -> new AssertionError("no match #" + id));
    }

    /**
     * Picks a result code (1, 2, 0) in the user's match message: the message itself now offers
     * the confirm select (enabled, for that result), and nothing else is said.
     *
     * @return the match message as it is after the pick
     */
    SeenMessage pickResult(EmulatedUser user, SeenMessage details, String code) {
        return taken(user.select(details, "Who won?", List.of(code)), details, m -> m.select("Confirm the result")
                .filter(select -> !select.disabled() && select.option(code).isPresent()).isPresent());
    }

    /**
     * Picks a result code (1, 2, 0) and confirms it, in the user's match message: the message
     * then shows his report (or the result) without the result controls, and nothing else is said.
     *
     * @return the match message as it is after the report
     */
    SeenMessage report(EmulatedUser user, SeenMessage details, String code) {
        SeenMessage refreshed = pickResult(user, details, code);
        return taken(user.select(refreshed, "Confirm the result", List.of(code)), details,
                m -> m.select("Who won?").isEmpty() && m.select("Confirm the result").isEmpty());
    }

    /**
     * Presses Confirm on {@code found}: the bot takes it, and the message shows it ("Confirmed",
     * or, for the second, the match's details) with no Confirm button left.
     */
    static SeenMessage confirmMatch(EmulatedUser user, SeenMessage found) {
        return taken(user.press(found, "Confirm"), found, m -> m.button("Confirm").isEmpty());
    }

    /**
     * Fails unless the bot took the click: it answered by updating the clicked message (callback
     * 7 carrying the message, or 6, a deferred update, then an edit), the message then showed what
     * {@code shows} expects, and no note was sent (a taken click says nothing beyond its message;
     * a refusal comes as an ephemeral note).
     *
     * @return the clicked message as it is once it shows the click
     */
    static SeenMessage taken(UserInteraction click, SeenMessage clicked, java.util.function.Predicate<SeenMessage> shows) {
        assertThat(click.awaitCallback(WAIT)).as("the click updates its own message").isIn(6, 7);
        SeenMessage changed = click.user().awaitMessage(m -> m.id() == clicked.id() && shows.test(m), WAIT);
        assertThat(click.followups()).as("a taken click is answered by its message alone: %s", changed).isEmpty();
        return changed;
    }

    /**
     * Waits until the bot has finished {@code count} flows named {@code flow} in all (the
     * router's timing: a click's flow ends when its note, or else its message's change, was
     * answered by Discord), so that every note those clicks will get has come.
     */
    void awaitFlows(String flow, int count) {
        discord.await("the bot to finish " + count + " '" + flow + "' flows (" + finishedFlows(flow) + " so far)",
                () -> finishedFlows(flow) >= count, WAIT);
    }

    /** How many flows named {@code flow} the bot has finished. */
    int finishedFlows(String flow) {
        AtomicInteger finished = finishedFlows.get(flow);
        return finished == null ? 0 : finished.get();
    }

    /** Takes every leftover player out of the queue, so the next test's waves see only its own. */
    void clearQueue() {
        try {
            ladder().queue().clear();
        } catch (StoreException e) {
            // A test that left the database down (DatabaseOutageTest) has a queue nobody reuses.
        }
    }

    @Override
    public void close() {
        try {
            if (website != null) {
                website.close();
            }
            bot.close();
            live.close();
        } finally {
            discord.close();
            deleteDataDirectory();
        }
    }

    private void deleteDataDirectory() {
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The two sides of the reference ladder, each with one race for the tests. */
    enum Side {
        BW(BW_SELECT, "BW Zerg", "bw_zerg"),
        SC2(SC2_SELECT, "SC2 Terran", "sc2_terran");

        final String placeholder;
        final String label;
        final String race;

        Side(String placeholder, String label, String race) {
            this.placeholder = placeholder;
            this.label = label;
            this.race = race;
        }
    }

    /** Fails unless the user's interaction got an answer he alone sees. */
    static SeenMessage ephemeralAnswer(UserInteraction interaction) {
        // A click answered by updating its own message (callback 6 or 7) says the rest in a followup.
        int callback = interaction.awaitCallback(WAIT);
        SeenMessage answer = callback == 6 || callback == 7 ? interaction.awaitFollowup(m -> true, WAIT)
                : interaction.awaitResponse(WAIT);
        assertThat(answer.ephemeral()).as("answered to %s only: %s", interaction.user().name(), answer).isTrue();
        return answer;
    }
}
