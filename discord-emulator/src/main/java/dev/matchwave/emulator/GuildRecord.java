package dev.matchwave.emulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A guild: its text channels and members. Guarded by the {@link DiscordState} lock. */
final class GuildRecord {
    final long id;
    final String name;
    final long ownerId;
    final long botRoleId;
    final List<Long> channelIds = new ArrayList<>();
    /** Member id to when he joined. */
    final Map<Long, Instant> members = new LinkedHashMap<>();
    /** Roles created for the guild (besides @everyone and the bot's), lowest first: role id to name. */
    final Map<Long, String> roles = new LinkedHashMap<>();
    /** The roles each member holds (the bot's own role is implied). */
    final Map<Long, Set<Long>> memberRoles = new java.util.HashMap<>();

    /** A role's position: created roles from 1 up, the bot's role above them all, @everyone 0. */
    int position(long roleId) {
        if (roleId == id) {
            return 0;
        }
        if (roleId == botRoleId) {
            return roles.size() + 1;
        }
        return new ArrayList<>(roles.keySet()).indexOf(roleId) + 1;
    }

    GuildRecord(long id, String name, long ownerId, long botRoleId) {
        this.id = id;
        this.name = name;
        this.ownerId = ownerId;
        this.botRoleId = botRoleId;
    }
}
