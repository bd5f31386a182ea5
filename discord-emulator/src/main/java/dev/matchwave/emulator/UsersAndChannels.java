package dev.matchwave.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Who and where: the bot, the users, the guild with its members and text channels, and the DM
 * channels; their REST answers and the gateway's READY, GUILD_CREATE and member chunks.
 *
 * <p>Not thread-safe on its own: guarded by {@link DiscordState}'s lock; callers hold it.
 */
final class UsersAndChannels {

    private final EmulatorConfig config;
    private final Snowflakes snowflakes;
    private final Runnable changed;
    private final UserRecord bot;
    private final Map<Long, UserRecord> users = new LinkedHashMap<>();
    private final Map<Long, GuildRecord> guilds = new LinkedHashMap<>();
    private final Map<Long, ChannelRecord> channels = new HashMap<>();
    private final Map<Long, Long> dmByUser = new HashMap<>();

    /** The bot, the guild's owner, the guild and its channels, as {@code config} names them. */
    UsersAndChannels(EmulatorConfig config, Snowflakes snowflakes, Runnable changed) {
        this.config = config;
        this.snowflakes = snowflakes;
        this.changed = changed;
        this.bot = new UserRecord(snowflakes.next(), config.botName(), true);
        users.put(bot.id, bot);
        UserRecord owner = new UserRecord(snowflakes.next(), "guild-owner", false);
        users.put(owner.id, owner);
        GuildRecord guild = new GuildRecord(snowflakes.next(), config.guildName(), owner.id, snowflakes.next());
        guilds.put(guild.id, guild);
        Instant now = config.clock().instant();
        guild.members.put(owner.id, now);
        guild.members.put(bot.id, now);
        for (String name : config.channelNames()) {
            ChannelRecord channel = ChannelRecord.guildText(snowflakes.next(), guild.id, name);
            channels.put(channel.id, channel);
            guild.channelIds.add(channel.id);
        }
    }

    UserRecord bot() {
        return bot;
    }

    long applicationId() {
        // Applications made since 2020 have the bot user's id as their id.
        return bot.id;
    }

    // ---------------------------------------------------------------- lookups for the other parts

    @Nullable UserRecord findUser(long id) {
        return users.get(id);
    }

    @Nullable GuildRecord findGuild(long id) {
        return guilds.get(id);
    }

    @Nullable ChannelRecord findChannel(long id) {
        return channels.get(id);
    }

    /** The guild, or Discord's "Unknown Guild" (404, 10004). */
    GuildRecord knownGuild(long id) {
        GuildRecord guild = guilds.get(id);
        if (guild == null) {
            throw new DiscordError(404, 10004, "Unknown Guild");
        }
        return guild;
    }

    /** The channels whose history the user sees: his DM with the bot, and every channel of his guilds. */
    List<ChannelRecord> channelsSeenBy(long userId) {
        List<ChannelRecord> seen = new ArrayList<>();
        Long dm = dmByUser.get(userId);
        if (dm != null) {
            seen.add(channels.get(dm));
        }
        for (GuildRecord guild : guilds.values()) {
            if (guild.members.containsKey(userId)) {
                guild.channelIds.forEach(channel -> seen.add(channels.get(channel)));
            }
        }
        return seen;
    }

    // ---------------------------------------------------------------- what the tests script

    UserRecord addUser(String name) {
        UserRecord user = new UserRecord(snowflakes.next(), name, false);
        users.put(user.id, user);
        Instant now = config.clock().instant();
        guilds.values().forEach(g -> g.members.put(user.id, now));
        changed.run();
        return user;
    }

    /** Takes a member out of the guild (a player who left the server). */
    void removeMember(long guildId, long userId) {
        GuildRecord guild = guildRecord(guildId);
        guild.members.remove(userId);
        guild.memberRoles.remove(userId);
        changed.run();
    }

    GuildRecord guildRecord(long guildId) {
        GuildRecord guild = guilds.get(guildId);
        if (guild == null) {
            throw new IllegalArgumentException("no guild " + guildId);
        }
        return guild;
    }

    UserRecord userRecord(long id) {
        UserRecord user = users.get(id);
        if (user == null) {
            throw new IllegalArgumentException("no user " + id);
        }
        return user;
    }

    void refuseDirectMessages(long userId, boolean refuse) {
        userRecord(userId).refusesDirectMessages = refuse;
    }

    List<GuildRecord> guildRecords() {
        return List.copyOf(guilds.values());
    }

    ChannelRecord channelRecord(long id) {
        ChannelRecord channel = channels.get(id);
        if (channel == null) {
            throw new IllegalArgumentException("no channel " + id);
        }
        return channel;
    }

    /** The user's DM channel with the bot, opened if need be (by the user or by the bot: the same channel). */
    ChannelRecord dmChannel(long userId) {
        Long existing = dmByUser.get(userId);
        if (existing != null) {
            return channels.get(existing);
        }
        ChannelRecord channel = ChannelRecord.directMessage(snowflakes.next(), userId);
        channels.put(channel.id, channel);
        dmByUser.put(userId, channel.id);
        return channel;
    }

    // ---------------------------------------------------------------- gateway payloads

    ObjectNode readyPayload(String sessionId, String resumeUrl) {
        ObjectNode ready = Json.object().put("v", 10).put("session_id", sessionId).put("session_type", "normal")
                .put("resume_gateway_url", resumeUrl);
        ready.set("user", Payloads.selfUser(bot));
        ArrayNode list = ready.putArray("guilds");
        guilds.keySet().forEach(id -> list.addObject().put("id", Json.id(id)).put("unavailable", true));
        ready.putObject("application").put("id", Json.id(applicationId())).put("flags", 0);
        // Bots get no private channels in READY; they open DMs over REST.
        ready.putArray("private_channels");
        ready.putArray("presences");
        ready.putArray("relationships");
        ready.putArray("guild_join_requests");
        ready.putArray("geo_ordered_rtc_regions");
        ready.putArray("_trace").add("[\"matchwave-discord-emulator\"]");
        return ready;
    }

    List<ObjectNode> guildCreatePayloads() {
        return guilds.values().stream().map(g -> Payloads.guildCreate(g, bot, channels)).toList();
    }

    /** GUILD_MEMBERS_CHUNK payloads answering op 8 for a guild: every member, 1000 a chunk; empty for an unknown guild. */
    List<ObjectNode> memberChunks(long guildId, @Nullable String nonce) {
        GuildRecord guild = guilds.get(guildId);
        if (guild == null) {
            return List.of();
        }
        List<Long> members = List.copyOf(guild.members.keySet());
        int count = Math.max(1, (members.size() + 999) / 1000);
        List<ObjectNode> chunks = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            ObjectNode chunk = Json.object().put("guild_id", Json.id(guildId)).put("chunk_index", index)
                    .put("chunk_count", count);
            ArrayNode list = chunk.putArray("members");
            members.subList(index * 1000, Math.min(members.size(), (index + 1) * 1000))
                    .forEach(id -> list.add(Payloads.member(guild, users.get(id), true)));
            if (nonce != null) {
                chunk.put("nonce", nonce);
            }
            chunks.add(chunk);
        }
        return chunks;
    }

    // ---------------------------------------------------------------- REST: users, channels, the guild

    JsonNode selfUser() {
        return Payloads.selfUser(bot);
    }

    JsonNode user(long id) {
        UserRecord user = users.get(id);
        if (user == null) {
            throw DiscordError.unknownUser();
        }
        return Payloads.user(user);
    }

    JsonNode openDm(JsonNode body) {
        long recipient = Json.idOf(body, "recipient_id");
        UserRecord user = users.get(recipient);
        if (user == null || user.bot) {
            throw DiscordError.invalidField("recipient_id", "USER_NOT_FOUND", "Unknown user " + body.path("recipient_id"));
        }
        ChannelRecord channel = dmChannel(recipient);
        changed.run();
        return Payloads.dmChannel(channel, user);
    }

    JsonNode channel(long id) {
        ChannelRecord channel = channels.get(id);
        if (channel == null) {
            throw DiscordError.unknownChannel();
        }
        return channelJson(channel);
    }

    private ObjectNode channelJson(ChannelRecord channel) {
        if (channel.dm()) {
            return Payloads.dmChannel(channel, users.get(channel.recipientId));
        }
        return Payloads.guildChannel(channel, guilds.get(channel.guildId).channelIds.indexOf(channel.id));
    }

    JsonNode guild(long id) {
        GuildRecord guild = knownGuild(id);
        ObjectNode json = Payloads.guildCreate(guild, bot, channels);
        for (String live : List.of("joined_at", "large", "unavailable", "member_count", "voice_states", "members",
                "channels", "threads", "presences", "stage_instances", "guild_scheduled_events", "soundboard_sounds", "lazy")) {
            json.remove(live);
        }
        return json;
    }

    JsonNode guildChannels(long guildId) {
        GuildRecord guild = knownGuild(guildId);
        ArrayNode list = Json.array();
        guild.channelIds.forEach(id -> list.add(channelJson(channels.get(id))));
        return list;
    }

    JsonNode member(long guildId, long userId) {
        GuildRecord guild = knownGuild(guildId);
        UserRecord user = users.get(userId);
        if (user == null || !guild.members.containsKey(userId)) {
            throw new DiscordError(404, 10007, "Unknown Member");
        }
        return Payloads.member(guild, user, true);
    }
}
