package dev.matchwave.emulator;

import dev.matchwave.emulator.ratelimit.RouteLimiter;
import dev.matchwave.emulator.recording.Recording;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local Discord that the real, unmodified JDA connects to: the REST API under
 * {@code /api/v10} and a gateway on {@code ws://}, one guild, scripted users, Discord's rate
 * limits, and a recording of every request.
 *
 * <pre>{@code
 * try (DiscordEmulator discord = DiscordEmulator.start(EmulatorConfig.defaults())) {
 *     JDA jda = JDABuilder.createLight(discord.botToken())
 *             .setRestConfig(new RestConfig().setBaseUrl(discord.apiUrl().toString()))
 *             .setSessionController(new SessionControllerAdapter() {
 *                 public String getGateway() { return discord.gatewayUrl().toString(); }
 *             })
 *             .setCompression(Compression.NONE)
 *             .addEventListeners(bot).build().awaitReady();
 *     EmulatedUser alice = discord.addUser("alice");
 *     SeenMessage reply = alice.runCommand("ping").awaitResponse(Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #start} blocks until both servers listen; {@link #close} stops them.
 */
public final class DiscordEmulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DiscordEmulator.class);

    private final EmulatorConfig config;
    private final DiscordState state;
    private final RouteLimiter limiter;
    private final Recording recording = new Recording();
    private final GatewayServer gateway;
    private final RestServer rest;
    private final List<EmulatedUser> users = new ArrayList<>();

    private DiscordEmulator(EmulatorConfig config) throws IOException, InterruptedException {
        this.config = config;
        this.state = new DiscordState(config);
        this.limiter = new RouteLimiter(config.rateLimits());
        this.gateway = new GatewayServer(new InetSocketAddress(config.host(), config.gatewayPort()), state, config);
        gateway.startAndWait();
        try {
            this.rest = new RestServer(config, state, limiter, recording, gateway::url);
        } catch (IOException | RuntimeException e) {
            stopGateway();
            throw e;
        }
        rest.start();
        LOG.info("Discord emulator: REST {} gateway {}", rest.url(), gateway.url());
    }

    /**
     * Starts an emulator and returns when both servers listen.
     *
     * @throws UncheckedIOException if a port cannot be bound
     */
    public static DiscordEmulator start(EmulatorConfig config) {
        Objects.requireNonNull(config, "config");
        try {
            return new DiscordEmulator(config);
        } catch (IOException e) {
            throw new UncheckedIOException("the Discord emulator could not start: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the Discord emulator", e);
        }
    }

    /** Starts an emulator with {@link EmulatorConfig#defaults()}. */
    public static DiscordEmulator start() {
        return start(EmulatorConfig.defaults());
    }

    // ---------------------------------------------------------------- how a bot connects

    /** The REST base URL for JDA's {@code RestConfig#setBaseUrl}, e.g. {@code http://127.0.0.1:41234/api/v10/}. */
    public URI apiUrl() {
        return rest.url();
    }

    /** The gateway URL a {@code SessionController#getGateway()} returns, e.g. {@code ws://127.0.0.1:41235/}. */
    public URI gatewayUrl() {
        return gateway.url();
    }

    /** The token the bot must log in with. */
    public String botToken() {
        return config.botToken();
    }

    public long botUserId() {
        return state.botId();
    }

    /** The application id (the bot user's id, as for every application made since 2020). */
    public long applicationId() {
        return state.applicationId();
    }

    public EmulatorConfig config() {
        return config;
    }

    // ---------------------------------------------------------------- the world

    /** The guild the bot is in. */
    public EmulatedGuild guild() {
        GuildRecord guild = state.guildRecords().get(0);
        List<EmulatedChannel> channels = guild.channelIds.stream()
                .map(id -> new EmulatedChannel(id, guild.id, state.channelRecord(id).name)).toList();
        return new EmulatedGuild(guild.id, guild.name, channels);
    }

    /**
     * A new role in the guild, placed below the bot's role so the bot may give it. Create the
     * roles before the bot connects: the guild's roles reach it in GUILD_CREATE (no role events
     * are sent).
     *
     * @return the role's id
     */
    public long createRole(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("a role name must be 1 to 100 characters, got '" + name + "'");
        }
        return state.createRole(guild().id(), name);
    }

    /** The roles a member of the guild holds (created roles only; the bot's own is left out). */
    public java.util.Set<Long> memberRoles(long userId) {
        return state.memberRoles(guild().id(), userId);
    }

    /** Gives a member a role, as a moderator would in Discord's client (no request is recorded). */
    public void giveRole(long userId, long roleId) {
        state.changeMemberRole(guild().id(), userId, roleId, true);
    }

    /** Takes a user out of the guild, as when a player leaves the server; his roles go with him. */
    public void removeMember(long userId) {
        state.removeMember(guild().id(), userId);
    }

    /** A new scripted user, member of the guild. */
    public EmulatedUser addUser(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.length() > 32) {
            throw new IllegalArgumentException("a user name must be 1 to 32 characters, got '" + name + "'");
        }
        EmulatedUser user = new EmulatedUser(this, state, state.addUser(name));
        synchronized (users) {
            users.add(user);
        }
        return user;
    }

    /** The scripted users, in the order they were added. */
    public List<EmulatedUser> users() {
        synchronized (users) {
            return List.copyOf(users);
        }
    }

    /** The user with this id, if he is a scripted user. */
    public Optional<EmulatedUser> user(long id) {
        return users().stream().filter(u -> u.id() == id).findFirst();
    }

    /** The history of a guild channel, oldest first. */
    public List<SeenMessage> channelMessages(EmulatedChannel channel) {
        return state.channelHistory(channel.id());
    }

    /** The timeline of every message change (created, edited, deleted), oldest first. */
    public List<MessageEvent> messageEvents() {
        return state.messageEvents();
    }

    /** The application commands the bot registered (global and guild). */
    public List<RegisteredCommand> commands() {
        return state.registeredCommands();
    }

    /** Waits until the bot has registered a slash command with this name. */
    public RegisteredCommand awaitCommand(String name, Duration timeout) {
        return state.await(() -> commands().stream().filter(c -> c.name().equals(name)).findFirst(), timeout,
                "the bot to register /" + name, () -> "registered: " + commands().stream().map(RegisteredCommand::name).toList());
    }

    // ---------------------------------------------------------------- what the emulator saw

    /** Every REST request, with figures per run. */
    public Recording recording() {
        return recording;
    }

    /**
     * How many message creates were answered with the message an earlier create of the same
     * {@code nonce} made ({@code enforce_nonce}) instead of a new one: a bot's retried creates.
     */
    public int nonceReplays() {
        return state.nonceReplays();
    }

    /** Invalid requests (401, 403, 429) within the invalid-request window ending now. */
    public int invalidRequests() {
        return limiter.invalidRequests(state.now());
    }

    // ---------------------------------------------------------------- the gateway

    /** Whether the bot's gateway session is connected now. */
    public boolean botConnected() {
        return gateway.botConnected();
    }

    /** Waits until the bot's gateway session is connected. */
    public void awaitBotConnected(Duration timeout) {
        state.await(() -> gateway.botConnected() ? Optional.of(true) : Optional.empty(), timeout,
                "the bot to connect to the gateway", () -> "it is not connected");
    }

    /**
     * Waits until {@code condition} holds; it is checked after every change in the emulator
     * (a request handled, a user's action, the bot connecting or leaving).
     *
     * @param description what is awaited, for the timeout's message
     * @throws EmulatorTimeoutException if it does not hold within {@code timeout}
     */
    public void await(String description, java.util.function.BooleanSupplier condition, Duration timeout) {
        Objects.requireNonNull(condition, "condition");
        state.await(() -> condition.getAsBoolean() ? Optional.of(true) : Optional.empty(), timeout, description,
                () -> "it did not happen");
    }

    /** Sends op 7 RECONNECT: the bot closes, reconnects and resumes; nothing is lost. */
    public void requestReconnect() {
        gateway.requestReconnect();
    }

    /** Closes the bot's connection (1001 Going away); it reconnects and resumes, and missed events are replayed. */
    public void dropConnection() {
        gateway.dropConnection();
    }

    /** Invalidates the bot's session (op 9): it identifies again; events until then are lost, as on Discord. */
    public void invalidateSession() {
        gateway.invalidateSession();
    }

    void dispatchInteraction(InteractionRecord interaction) {
        if (!gateway.dispatch("INTERACTION_CREATE", interaction.payload)) {
            LOG.warn("{} sent '{}' while the bot has no gateway session: Discord would show 'This interaction failed'",
                    state.userRecord(interaction.userId).username, interaction.name);
        }
    }

    // ---------------------------------------------------------------- closing

    /** Stops both servers; the bot sees its connection close. Idempotent. */
    @Override
    public void close() {
        rest.stop();
        stopGateway();
        LOG.info("Discord emulator stopped: {}", recording.figures().summary().replace(System.lineSeparator(), "; "));
    }

    private void stopGateway() {
        try {
            gateway.shutdown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------- small helpers shared by the servers

    static String hostText(InetAddress host) {
        String text = host.getHostAddress();
        return host instanceof Inet6Address ? "[" + text + "]" : text;
    }

    static Map<String, String> query(@Nullable String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            query.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return query;
    }
}
