package dev.matchwave.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.TreeSet;

/**
 * The guild's roles and who holds them: roles the tests create, and the REST routes by which
 * the bot reads them and gives or takes them (developers/resources/guild).
 *
 * <p>Not thread-safe on its own: guarded by {@link DiscordState}'s lock; callers hold it.
 */
final class GuildRoles {

    private final UsersAndChannels directory;
    private final Snowflakes snowflakes;
    private final Runnable changed;

    GuildRoles(UsersAndChannels directory, Snowflakes snowflakes, Runnable changed) {
        this.directory = directory;
        this.snowflakes = snowflakes;
        this.changed = changed;
    }

    /** A new role in the guild, below the bot's role (so the bot may give it). */
    long createRole(long guildId, String name) {
        GuildRecord guild = directory.guildRecord(guildId);
        long id = snowflakes.next();
        guild.roles.put(id, name);
        changed.run();
        return id;
    }

    Set<Long> memberRoles(long guildId, long userId) {
        return Set.copyOf(directory.guildRecord(guildId).memberRoles.getOrDefault(userId, Set.of()));
    }

    // ---------------------------------------------------------------- REST

    JsonNode guildRoles(long guildId) {
        return Payloads.roles(directory.knownGuild(guildId), directory.bot());
    }

    /** PUT (add) or DELETE (remove) of one member role: 204 either way, also when nothing changes. */
    void changeMemberRole(long guildId, long userId, long roleId, boolean add) {
        GuildRecord guild = directory.knownGuild(guildId);
        requireGivable(guild, roleId);
        if (!guild.members.containsKey(userId) || directory.findUser(userId) == null) {
            throw new DiscordError(404, 10007, "Unknown Member");
        }
        Set<Long> roles = guild.memberRoles.computeIfAbsent(userId, u -> new TreeSet<>());
        if (add) {
            roles.add(roleId);
        } else {
            roles.remove(roleId);
        }
        changed.run();
    }

    /** PATCH of a member: only {@code roles} (the whole list) is emulated. */
    JsonNode modifyMember(long guildId, long userId, JsonNode body) {
        GuildRecord guild = directory.knownGuild(guildId);
        UserRecord user = directory.findUser(userId);
        if (user == null || !guild.members.containsKey(userId)) {
            throw new DiscordError(404, 10007, "Unknown Member");
        }
        JsonNode roles = body.path("roles");
        if (!roles.isMissingNode() && !roles.isNull()) {
            if (!roles.isArray()) {
                throw DiscordError.invalidField("roles", "BASE_TYPE_ARRAY", "Must be an array of role ids.");
            }
            Set<Long> next = new TreeSet<>();
            for (JsonNode role : roles) {
                long id;
                try {
                    id = Long.parseUnsignedLong(role.asText());
                } catch (NumberFormatException e) {
                    throw DiscordError.invalidField("roles", "NUMBER_TYPE_COERCE", "Value \"" + role.asText()
                            + "\" is not snowflake.");
                }
                if (id != guild.botRoleId || !user.bot) {
                    requireGivable(guild, id);
                }
                next.add(id);
            }
            // Roles the bot may not manage (its own, @everyone) are never in a member's list here.
            next.remove(guild.botRoleId);
            guild.memberRoles.put(userId, next);
            changed.run();
        }
        return Payloads.member(guild, user, true);
    }

    /** A role the bot may give: a created role, below the bot's (developers/topics/permissions, role hierarchy). */
    private static void requireGivable(GuildRecord guild, long roleId) {
        if (roleId == guild.botRoleId || roleId == guild.id) {
            throw new DiscordError(403, 50013, "Missing Permissions");
        }
        if (!guild.roles.containsKey(roleId)) {
            throw new DiscordError(404, 10011, "Unknown Role");
        }
    }
}
