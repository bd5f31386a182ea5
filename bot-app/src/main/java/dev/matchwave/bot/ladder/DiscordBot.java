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
import dev.matchwave.discord.delivery.JdaMessenger;
import dev.matchwave.discord.delivery.LateMessenger;
import dev.matchwave.discord.delivery.PlayerContacts;
import dev.matchwave.discord.delivery.SearchingRefresher;
import dev.matchwave.discord.interaction.InteractionRouter;
import dev.matchwave.discord.rest.RestRequestGate;
import dev.matchwave.discord.timing.FlowRecorder;
import dev.matchwave.discord.timing.FlowTargets;
import dev.matchwave.discord.timing.Ticker;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
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
 * monitoring, the ladder (no wave half-done, the database closed) and then Discord.
 *
 * <p>Not thread-safe: start and close it from one thread (close may come from a shutdown hook).
 */
public final class DiscordBot implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DiscordBot.class);

    private final BotConfig config;
    private final BotMetrics metrics = BotMetrics.create();
    private final PlayerContacts contacts = PlayerContacts.create();
    private final LateMessenger messenger = new LateMessenger();
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService refreshTimer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("matchwave-searching-refresh").daemon(true).factory());
    private @Nullable LadderApplication app;
    private @Nullable DiscordConnection connection;
    private @Nullable MonitoringServer monitoring;

    public DiscordBot(BotConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        if (!config.online()) {
            throw new IllegalArgumentException("the bot needs a Discord token (DISCORD_TOKEN)");
        }
    }

    /**
     * Opens the database, connects to Discord, registers the commands, starts the monitoring
     * endpoint and the waves. Blocks until Discord is ready.
     *
     * @throws InterruptedException if interrupted while connecting (everything started is closed)
     */
    public void start() throws InterruptedException {
        try {
            LadderApplication ladder = LadderApplication.builder(config)
                    .metrics(metrics)
                    .sink(new DiscordNotificationSink(contacts, messenger, InstantSource.system()))
                    .gateway(this::gatewayState)
                    .build();
            app = ladder;
            RestRequestGate gate = RestRequestGate.discord(InstantSource.system()).observedBy((request, response) -> {
                if (response.rateLimited()) {
                    metrics.rateLimited(response.scope().orElse("unknown"), request.label());
                }
            });
            LadderFrontDesk desk = new LadderFrontDesk(ladder);
            InteractionRouter router = new InteractionRouter(desk, contacts, config.adminIds(), handlers,
                    new FlowRecorder(Ticker.system(), FlowTargets.defaults(), metrics.andThen(FlowLog.toSlf4j())));
            DiscordConnection discord = DiscordConnection.connect(new ConnectionOptions(config.discordToken().orElseThrow(),
                    config.discordApiUrl(), config.discordGatewayUrl(), gate, Ticker.system(), List.of(router)));
            connection = discord;
            messenger.connect(new JdaMessenger(discord.jda(), LadderMessageRenderer.of(ladder)));
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
            ladder.start();
            // Half a wave after each wave: the searching messages get the new figures, and no
            // refresh is in flight when the next wave's "match found" edits the same message.
            SearchingRefresher refresher = new SearchingRefresher(discord.jda(), contacts, desk::searchingView,
                    InstantSource.system());
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
        refreshTimer.shutdownNow();
        if (monitoring != null) {
            monitoring.close();
            monitoring = null;
        }
        if (app != null) {
            app.close();
            app = null;
        }
        if (connection != null) {
            connection.close();
            connection = null;
        }
        handlers.shutdown();
    }
}
