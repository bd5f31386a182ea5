package dev.matchwave.emulator;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * An application command the bot registered, as it was when read. Immutable.
 *
 * @param id      its id
 * @param guildId the guild for a guild command, empty for a global one
 * @param name    its name
 * @param type    1 slash, 2 user, 3 message
 * @param json    as Discord returns it
 */
public record RegisteredCommand(long id, OptionalLong guildId, String name, int type, String json) {

    public RegisteredCommand {
        Objects.requireNonNull(guildId, "guildId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(json, "json");
    }
}
