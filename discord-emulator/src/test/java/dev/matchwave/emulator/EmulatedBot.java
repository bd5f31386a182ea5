package dev.matchwave.emulator;

import dev.matchwave.discord.connection.ConnectionOptions;
import dev.matchwave.discord.connection.DiscordConnection;
import dev.matchwave.discord.rest.RestRequestGate;
import dev.matchwave.discord.timing.Ticker;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.JDA;

/**
 * The real JDA, connected to an emulator the way the bot connects (discord-adapter's
 * {@link DiscordConnection}: light cache, no compression, the emulator's URLs).
 */
final class EmulatedBot implements AutoCloseable {

    private final DiscordConnection connection;

    private EmulatedBot(DiscordConnection connection) {
        this.connection = connection;
    }

    static EmulatedBot connect(DiscordEmulator discord, Object... listeners) throws InterruptedException {
        ConnectionOptions options = new ConnectionOptions(discord.botToken(), Optional.of(discord.apiUrl()),
                Optional.of(discord.gatewayUrl()), RestRequestGate.unlimited(), Ticker.system(), List.of(listeners));
        return new EmulatedBot(DiscordConnection.connect(options));
    }

    JDA jda() {
        return connection.jda();
    }

    @Override
    public void close() {
        connection.close();
    }
}
