package dev.matchwave.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;

/**
 * The JSON Discord sends for users, members, guilds, channels and messages (developers/resources/*),
 * with every field JDA reads present. Called under the {@link DiscordState} lock.
 */
final class Payloads {

    // developers/topics/permissions: what @everyone may do in the emulated guild ...
    static final long EVERYONE_PERMISSIONS = (1L << 6) | (1L << 10) | (1L << 11) | (1L << 14) | (1L << 15)
            | (1L << 16) | (1L << 18) | (1L << 31);
    // ... and the bot's role: administrator (1 << 3), so JDA's own permission checks pass.
    static final long BOT_PERMISSIONS = (1L << 3) | EVERYONE_PERMISSIONS;
    /** Every permission bit Discord defines today, as an administrator has them. */
    static final long ALL_PERMISSIONS = (1L << 51) - 1;

    private Payloads() {
    }

    static ObjectNode user(UserRecord user) {
        ObjectNode json = Json.object()
                .put("id", Json.id(user.id))
                .put("username", user.username)
                .put("discriminator", "0")
                .put("global_name", user.username)
                .putNull("avatar")
                .put("public_flags", 0)
                .put("flags", 0);
        if (user.bot) {
            json.put("bot", true);
        }
        return json;
    }

    static ObjectNode selfUser(UserRecord bot) {
        return user(bot).put("verified", true).put("mfa_enabled", false).putNull("email").put("locale", "en-US");
    }

    static ObjectNode member(GuildRecord guild, UserRecord user, boolean withUser) {
        ObjectNode json = Json.object();
        if (withUser) {
            json.set("user", user(user));
        }
        ArrayNode roles = json.putArray("roles");
        if (user.bot) {
            roles.add(Json.id(guild.botRoleId));
        }
        guild.memberRoles.getOrDefault(user.id, java.util.Set.of()).stream().sorted()
                .forEach(role -> roles.add(Json.id(role)));
        Instant joined = guild.members.getOrDefault(user.id, Instant.EPOCH);
        return json.putNull("nick").putNull("avatar").put("joined_at", Json.timestamp(joined)).putNull("premium_since")
                .put("deaf", false).put("mute", false).put("flags", 0).put("pending", false)
                .putNull("communication_disabled_until");
    }

    static ObjectNode role(long id, String name, long permissions, int position, boolean managed) {
        ObjectNode role = Json.object().put("id", Json.id(id)).put("name", name).put("color", 0).put("hoist", false)
                .putNull("icon").putNull("unicode_emoji").put("position", position)
                .put("permissions", Long.toString(permissions)).put("managed", managed).put("mentionable", false)
                .put("flags", 0);
        role.putObject("colors").put("primary_color", 0).putNull("secondary_color").putNull("tertiary_color");
        return role;
    }

    static ObjectNode guildChannel(ChannelRecord channel, int position) {
        ObjectNode json = Json.object().put("id", Json.id(channel.id)).put("type", channel.type)
                .put("guild_id", Json.id(channel.guildId)).put("name", channel.name).put("position", position)
                .putNull("parent_id").putNull("topic").put("nsfw", false).put("rate_limit_per_user", 0).put("flags", 0);
        json.putArray("permission_overwrites");
        long last = channel.lastMessageId();
        return last == 0 ? json.putNull("last_message_id") : json.put("last_message_id", Json.id(last));
    }

    /** A DM channel; {@code recipient} is the other side from the viewer's point of view. */
    static ObjectNode dmChannel(ChannelRecord channel, UserRecord recipient) {
        ObjectNode json = Json.object().put("id", Json.id(channel.id)).put("type", ChannelRecord.DM).put("flags", 0);
        long last = channel.lastMessageId();
        if (last == 0) {
            json.putNull("last_message_id");
        } else {
            json.put("last_message_id", Json.id(last));
        }
        json.putArray("recipients").add(user(recipient));
        return json;
    }

    /** GUILD_CREATE: the whole guild, with the bot as its only member listed (no member intent). */
    static ObjectNode guildCreate(GuildRecord guild, UserRecord bot, Map<Long, ChannelRecord> channels) {
        ObjectNode json = Json.object()
                .put("id", Json.id(guild.id)).put("name", guild.name).putNull("icon").putNull("splash")
                .putNull("discovery_splash").putNull("banner").putNull("description").putNull("vanity_url_code")
                .put("owner_id", Json.id(guild.ownerId)).putNull("afk_channel_id").put("afk_timeout", 300)
                .put("verification_level", 0).put("default_message_notifications", 0).put("explicit_content_filter", 0)
                .put("mfa_level", 0).putNull("application_id").putNull("system_channel_id").put("system_channel_flags", 0)
                .putNull("rules_channel_id").putNull("public_updates_channel_id").putNull("safety_alerts_channel_id")
                .put("max_members", 500_000).put("premium_tier", 0).put("premium_subscription_count", 0)
                .put("preferred_locale", "en-US").put("nsfw_level", 0).put("premium_progress_bar_enabled", false)
                .put("joined_at", Json.timestamp(guild.members.getOrDefault(bot.id, Instant.EPOCH)))
                .put("large", false).put("unavailable", false).put("member_count", guild.members.size())
                .put("lazy", true);
        json.set("roles", roles(guild, bot));
        json.putArray("features");
        json.putArray("emojis");
        json.putArray("stickers");
        json.putArray("soundboard_sounds");
        json.putArray("voice_states");
        json.putArray("presences");
        json.putArray("threads");
        json.putArray("stage_instances");
        json.putArray("guild_scheduled_events");
        json.putArray("members").add(member(guild, bot, true));
        ArrayNode list = json.putArray("channels");
        int position = 0;
        for (long channelId : guild.channelIds) {
            ObjectNode channel = guildChannel(channels.get(channelId), position++);
            channel.remove("guild_id");
            list.add(channel);
        }
        return json;
    }

    /** The guild's roles: @everyone, the created roles (positions from 1) and the bot's role above them. */
    static ArrayNode roles(GuildRecord guild, UserRecord bot) {
        ArrayNode roles = Json.array();
        roles.add(role(guild.id, "@everyone", EVERYONE_PERMISSIONS, 0, false));
        guild.roles.forEach((id, name) -> roles.add(role(id, name, 0, guild.position(id), false)));
        ObjectNode botRole = role(guild.botRoleId, bot.username, BOT_PERMISSIONS, guild.position(guild.botRoleId), true);
        botRole.putObject("tags").put("bot_id", Json.id(bot.id));
        roles.add(botRole);
        return roles;
    }

    /** The partial guild an interaction carries. */
    static ObjectNode interactionGuild(GuildRecord guild) {
        ObjectNode json = Json.object().put("id", Json.id(guild.id)).put("locale", "en-US");
        json.putArray("features");
        return json;
    }

    static ObjectNode message(MessageRecord message, UserRecord author, ChannelRecord channel, long applicationId,
                              InteractionRecord interaction, UserRecord interactionUser) {
        ObjectNode json = message(message, author, channel, applicationId);
        ObjectNode metadata = json.putObject("interaction_metadata").put("id", Json.id(interaction.id))
                .put("type", interaction.type);
        metadata.set("user", user(interactionUser));
        metadata.set("authorizing_integration_owners", interaction.payload.get("authorizing_integration_owners").deepCopy());
        if (interaction.type == InteractionRecord.COMMAND) {
            metadata.put("name", interaction.name);
        }
        if (interaction.originalMessageId != 0 && interaction.originalMessageId != message.id) {
            metadata.put("original_response_message_id", Json.id(interaction.originalMessageId));
        }
        if (interaction.sourceMessageId != 0) {
            metadata.put("interacted_message_id", Json.id(interaction.sourceMessageId));
        }
        return json;
    }

    static ObjectNode message(MessageRecord message, UserRecord author, ChannelRecord channel, long applicationId) {
        ObjectNode json = Json.object().put("id", Json.id(message.id)).put("type", message.type)
                .put("content", message.content).put("channel_id", Json.id(message.channelId));
        json.set("author", user(author));
        if (channel.guildId != 0) {
            json.put("guild_id", Json.id(channel.guildId));
        }
        ArrayNode attachments = json.putArray("attachments");
        int index = 0;
        for (String name : message.attachments) {
            attachments.addObject().put("id", Json.id(message.id + (++index))).put("filename", name).put("size", 0)
                    .put("url", "http://127.0.0.1/attachments/" + message.id + "/" + name)
                    .put("proxy_url", "http://127.0.0.1/attachments/" + message.id + "/" + name);
        }
        json.set("embeds", message.embeds.deepCopy());
        json.putArray("mentions");
        json.putArray("mention_roles");
        json.put("pinned", false).put("mention_everyone", false).put("tts", false)
                .put("timestamp", Json.timestamp(message.createdAt));
        if (message.editedAt == null) {
            json.putNull("edited_timestamp");
        } else {
            json.put("edited_timestamp", Json.timestamp(message.editedAt));
        }
        json.put("flags", message.flags);
        json.set("components", message.components.deepCopy());
        if (message.interactionId != 0) {
            json.put("webhook_id", Json.id(applicationId)).put("application_id", Json.id(applicationId));
        }
        return json;
    }

    /**
     * Gives every component without an {@code id} the next number, in document order, as
     * Discord does; returns the components.
     */
    static ArrayNode numberComponents(ArrayNode components) {
        int[] next = {maxId(components) + 1};
        number(components, next);
        return components;
    }

    private static int maxId(JsonNode node) {
        int max = 0;
        if (node.isObject() && node.has("id") && node.get("id").canConvertToInt()) {
            max = node.get("id").asInt();
        }
        for (JsonNode child : node) {
            if (child.isContainerNode()) {
                max = Math.max(max, maxId(child));
            }
        }
        return max;
    }

    private static void number(JsonNode node, int[] next) {
        if (node.isObject() && node.path("type").isInt() && (!node.has("id") || node.get("id").isNull())) {
            ((ObjectNode) node).put("id", next[0]++);
        }
        for (JsonNode child : node) {
            if (child.isContainerNode()) {
                number(child, next);
            }
        }
    }
}
