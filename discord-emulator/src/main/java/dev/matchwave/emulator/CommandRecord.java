package dev.matchwave.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A registered application command, as Discord returns it. Guarded by the {@link DiscordState} lock. */
final class CommandRecord {
    final long id;
    /** 0 for a global command. */
    final long guildId;
    final String name;
    final int type;
    final ObjectNode json;

    CommandRecord(long id, long guildId, String name, int type, ObjectNode json) {
        this.id = id;
        this.guildId = guildId;
        this.name = name;
        this.type = type;
        this.json = json;
    }
}
