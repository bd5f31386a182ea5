package dev.matchwave.emulator;

import java.util.List;
import java.util.Objects;

/**
 * The guild the bot is in, with its text channels. Every scripted user is a member. Immutable.
 *
 * @param id       the guild id
 * @param name     its name
 * @param channels its text channels, in order
 */
public record EmulatedGuild(long id, String name, List<EmulatedChannel> channels) {

    public EmulatedGuild {
        Objects.requireNonNull(name, "name");
        channels = List.copyOf(channels);
    }

    /** The text channel with this name. */
    public EmulatedChannel channel(String channelName) {
        return channels.stream().filter(c -> c.name().equals(channelName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("guild " + name + " has no channel #" + channelName
                        + "; it has " + channels.stream().map(EmulatedChannel::name).toList()));
    }
}
