package dev.matchwave.emulator;

import java.util.ArrayList;
import java.util.List;

/** A text channel in a guild, or a DM between the bot and a user. Guarded by the {@link DiscordState} lock. */
final class ChannelRecord {
    static final int GUILD_TEXT = 0;
    static final int DM = 1;

    final long id;
    final int type;
    final long guildId;
    final String name;
    final long recipientId;
    /** The channel's history, oldest first: every message but ephemeral ones. */
    final List<Long> messageIds = new ArrayList<>();

    private ChannelRecord(long id, int type, long guildId, String name, long recipientId) {
        this.id = id;
        this.type = type;
        this.guildId = guildId;
        this.name = name;
        this.recipientId = recipientId;
    }

    static ChannelRecord guildText(long id, long guildId, String name) {
        return new ChannelRecord(id, GUILD_TEXT, guildId, name, 0);
    }

    static ChannelRecord directMessage(long id, long recipientId) {
        return new ChannelRecord(id, DM, 0, "", recipientId);
    }

    boolean dm() {
        return type == DM;
    }

    long lastMessageId() {
        return messageIds.isEmpty() ? 0 : messageIds.get(messageIds.size() - 1);
    }
}
