package dev.matchwave.discord.connection;

import dev.matchwave.discord.rest.GatedRestRateLimiter;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.SessionController;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * The bot's connection to Discord: JDA, configured for a ladder bot.
 *
 * <ul>
 *   <li>Intents: none beyond GUILDS (not privileged), which JDA always sends, so it knows the
 *       servers the bot is in and can register the commands in one of them. Slash commands, buttons,
 *       selects and modals arrive as interactions, which need no intent; direct messages are
 *       sent and cleaned up over REST, which needs none either. No privileged intent: not
 *       GUILD_MEMBERS, GUILD_PRESENCES nor MESSAGE_CONTENT.</li>
 *   <li>Caches: JDA's light profile (no member cache, no chunking, no cache flags): the bot
 *       reads players from its database, not from Discord's member lists.</li>
 *   <li>REST: every request passes the {@link GatedRestRateLimiter} with the options' gate. The
 *       HTTP client keeps up to {@link #IDLE_CONNECTIONS} idle connections for a minute (JDA's
 *       default keeps 5 for 10 s): a wave sends a burst of requests at once, and over HTTP/1.1
 *       each request in flight needs its own connection, so with 5 the rest were opened and closed
 *       again at every burst (1,750 connections in a 2-wave demo against the local Discord).</li>
 *   <li>A custom REST base URL and gateway URL (a local emulator): the gateway's compression is
 *       then off.</li>
 *   <li>No JDA shutdown hook: the bot stops in its own order (waves, then Discord, then the
 *       database) with {@link #close()}.</li>
 * </ul>
 *
 * <p>Thread-safe. {@link #connect} blocks until the gateway is ready; {@link #close} blocks up
 * to the grace period.
 */
public final class DiscordConnection implements AutoCloseable {

    /**
     * The gateway intents the bot asks for on top of GUILDS, which JDA always sends: none (see
     * the class comment for why).
     */
    public static final Set<GatewayIntent> INTENTS = Set.copyOf(EnumSet.noneOf(GatewayIntent.class));

    /** The idle HTTP connections the client keeps for the next burst of requests. */
    public static final int IDLE_CONNECTIONS = 64;

    /** How long {@link #close()} lets queued requests finish before cancelling them. */
    public static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

    private final JDA jda;

    private DiscordConnection(JDA jda) {
        this.jda = jda;
    }

    /**
     * JDA configured from the options, not connected yet: {@code build()} logs in. Tests read
     * the parts with {@link #restConfig}, {@link #sessionController} and {@link #compression}.
     */
    public static JDABuilder builder(ConnectionOptions options) {
        Objects.requireNonNull(options, "options");
        JDABuilder builder = JDABuilder.createLight(options.token(), INTENTS)
                .setRestConfig(restConfig(options))
                .setHttpClientBuilder(httpClient())
                .setCompression(compression(options))
                .setEnableShutdownHook(false)
                .addEventListeners(options.listeners().toArray());
        sessionController(options).ifPresent(builder::setSessionController);
        return builder;
    }

    /** JDA's HTTP client with room for a wave's burst: {@link #IDLE_CONNECTIONS} kept for a minute. */
    public static OkHttpClient.Builder httpClient() {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequestsPerHost(IDLE_CONNECTIONS);
        return new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(IDLE_CONNECTIONS, 1, TimeUnit.MINUTES))
                .dispatcher(dispatcher);
    }

    /** REST: the base URL (Discord's unless given) and the gated rate limiter. */
    public static RestConfig restConfig(ConnectionOptions options) {
        RestConfig config = new RestConfig()
                .setRateLimiterFactory(GatedRestRateLimiter.factory(options.gate(), options.ticker()));
        options.apiUrl().map(DiscordConnection::withTrailingSlash).ifPresent(config::setBaseUrl);
        return config;
    }

    /** A session controller that hands JDA the custom gateway URL; empty for Discord's. */
    public static Optional<SessionController> sessionController(ConnectionOptions options) {
        return options.gatewayUrl().map(url -> {
            String gateway = url.toString();
            return new SessionControllerAdapter() {
                @Override
                public String getGateway() {
                    return gateway;
                }
            };
        });
    }

    /** zlib-stream for Discord; none for an emulator. */
    public static Compression compression(ConnectionOptions options) {
        return options.custom() ? Compression.NONE : Compression.ZLIB;
    }

    /**
     * Logs in and waits until the gateway is ready.
     *
     * @throws net.dv8tion.jda.api.exceptions.InvalidTokenException if the token is refused
     * @throws InterruptedException if interrupted while waiting; the connection is shut down
     */
    public static DiscordConnection connect(ConnectionOptions options) throws InterruptedException {
        JDA jda = builder(options).build();
        try {
            jda.awaitReady();
        } catch (InterruptedException | RuntimeException e) {
            jda.shutdownNow();
            throw e;
        }
        return new DiscordConnection(jda);
    }

    /** The JDA instance, for the router and the dispatcher's sink. */
    public JDA jda() {
        return jda;
    }

    /** Whether the gateway is connected and receiving events. */
    public boolean connected() {
        return jda.getStatus() == JDA.Status.CONNECTED;
    }

    /** Whether JDA is on its way to being connected (logging in, reconnecting). */
    public boolean connecting() {
        JDA.Status status = jda.getStatus();
        return status.isInit() || status == JDA.Status.RECONNECT_QUEUED || status == JDA.Status.WAITING_TO_RECONNECT
                || status == JDA.Status.ATTEMPTING_TO_RECONNECT;
    }

    /**
     * Closes the gateway, lets queued REST requests finish for up to {@link #SHUTDOWN_GRACE},
     * then cancels the rest. Idempotent.
     */
    @Override
    public void close() {
        jda.shutdown();
        try {
            if (!jda.awaitShutdown(SHUTDOWN_GRACE)) {
                jda.shutdownNow();
                jda.awaitShutdown(SHUTDOWN_GRACE);
            }
        } catch (InterruptedException e) {
            jda.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static String withTrailingSlash(URI url) {
        String text = url.toString();
        return text.endsWith("/") ? text : text + "/";
    }
}
