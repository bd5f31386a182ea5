package dev.matchwave.emulator;

import java.util.Objects;

/**
 * A text channel of the emulated guild, where users can run commands that are offered in servers.
 * Immutable.
 *
 * @param id      the channel id
 * @param guildId its guild
 * @param name    its name
 */
public record EmulatedChannel(long id, long guildId, String name) {

    public EmulatedChannel {
        Objects.requireNonNull(name, "name");
    }

    /** {@code <#id>}, as Discord writes a channel mention. */
    public String mention() {
        return "<#" + id + ">";
    }
}
