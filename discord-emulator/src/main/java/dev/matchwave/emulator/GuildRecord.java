package dev.matchwave.emulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A guild: its text channels and members. Guarded by the {@link DiscordState} lock. */
final class GuildRecord {
    final long id;
    final String name;
    final long ownerId;
    final long botRoleId;
    final List<Long> channelIds = new ArrayList<>();
    /** Member id to when he joined. */
    final Map<Long, Instant> members = new LinkedHashMap<>();

    GuildRecord(long id, String name, long ownerId, long botRoleId) {
        this.id = id;
        this.name = name;
        this.ownerId = ownerId;
        this.botRoleId = botRoleId;
    }
}
