package dev.matchwave.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulated Discord: users, guilds, channels, messages, application commands and
 * interactions, and what Discord does with each REST request on them.
 *
 * <p>Thread-safe: one lock (this object) guards everything; every change wakes the waiters of
 * {@link #await}. Nothing here talks to the network: the REST server calls in, and
 * interactions go out through the {@link GatewayServer} after the lock is released.
 */
final class DiscordState {

    private static final Logger LOG = LoggerFactory.getLogger(DiscordState.class);
    private static final int EPHEMERAL = MessageRecord.EPHEMERAL;
    private static final int COMPONENTS_V2 = 1 << 15;

    private final EmulatorConfig config;
    private final Snowflakes snowflakes;
    private final SplittableRandom random;
    private final UserRecord bot;
    private final long applicationId;
    private final Map<Long, UserRecord> users = new LinkedHashMap<>();
    private final Map<Long, GuildRecord> guilds = new LinkedHashMap<>();
    private final Map<Long, ChannelRecord> channels = new HashMap<>();
    private final Map<Long, Long> dmByUser = new HashMap<>();
    private final Map<Long, MessageRecord> messages = new HashMap<>();
    /**
     * Message creates with {@code enforce_nonce}: the message created by (channel, nonce), kept for
     * {@link #NONCE_WINDOW}. Discord's docs say a nonce is checked "in the past few minutes"; the
     * emulator keeps the short end of that (developers/resources/message, Create Message).
     */
    private final Map<String, MessageRecord> messageByNonce = new HashMap<>();
    private int nonceReplays;
    /** How long a create's nonce is remembered. */
    static final java.time.Duration NONCE_WINDOW = java.time.Duration.ofMinutes(2);
    private final Map<Long, CommandRecord> commands = new LinkedHashMap<>();
    private final Map<Long, InteractionRecord> interactions = new LinkedHashMap<>();
    private final Map<String, InteractionRecord> interactionsByToken = new HashMap<>();
    private final List<MessageEvent> messageEvents = new ArrayList<>();
    /** Ephemeral messages by the one user who sees them: what a user sees is found by index, not by a scan. */
    private final Map<Long, List<Long>> ephemeralByUser = new HashMap<>();

    DiscordState(EmulatorConfig config) {
        this.config = config;
        this.snowflakes = new Snowflakes(config.clock());
        this.random = new SplittableRandom(config.seed());
        // Applications made since 2020 have the bot user's id as their id.
        this.bot = new UserRecord(snowflakes.next(), config.botName(), true);
        this.applicationId = bot.id;
        users.put(bot.id, bot);
        UserRecord owner = new UserRecord(snowflakes.next(), "guild-owner", false);
        users.put(owner.id, owner);
        GuildRecord guild = new GuildRecord(snowflakes.next(), config.guildName(), owner.id, snowflakes.next());
        guilds.put(guild.id, guild);
        Instant now = now();
        guild.members.put(owner.id, now);
        guild.members.put(bot.id, now);
        for (String name : config.channelNames()) {
            ChannelRecord channel = ChannelRecord.guildText(snowflakes.next(), guild.id, name);
            channels.put(channel.id, channel);
            guild.channelIds.add(channel.id);
        }
    }

    // ---------------------------------------------------------------- identity

    long applicationId() {
        return applicationId;
    }

    long botId() {
        return bot.id;
    }

    Instant now() {
        return config.clock().instant();
    }

    synchronized String randomToken(int bytes) {
        StringBuilder token = new StringBuilder(bytes * 2);
        for (int i = 0; i < bytes; i++) {
            token.append(Character.forDigit(random.nextInt(16), 16)).append(Character.forDigit(random.nextInt(16), 16));
        }
        return token.toString();
    }

    // ---------------------------------------------------------------- waiting

    /**
     * Waits until {@code probe} finds something, for at most {@code timeout}; the probe runs
     * under the lock after every change, and at least every 20 ms.
     *
     * @throws EmulatorTimeoutException with {@code description} and {@code seen} when time runs out
     */
    synchronized <T> T await(Supplier<Optional<T>> probe, Duration timeout, String description, Supplier<String> seen) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> found = probe.get();
            if (found.isPresent()) {
                return found.get();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new EmulatorTimeoutException("timed out after " + timeout.toMillis() + " ms waiting for "
                        + description + "; " + seen.get());
            }
            try {
                // Waits on real time: the bot under test runs on real threads (and JDA on the system clock).
                // Woken by every change; re-checked at least every 20 ms for what time alone changes
                // (a missed deadline, a manual clock moved by the test).
                wait(Math.max(1, Math.min(left / 1_000_000, 20)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EmulatorTimeoutException("interrupted while waiting for " + description);
            }
        }
    }

    /** Wakes the waiters; every change calls it. */
    private void changed() {
        notifyAll();
    }

    // ---------------------------------------------------------------- users, guilds, channels

    synchronized UserRecord addUser(String name) {
        UserRecord user = new UserRecord(snowflakes.next(), name, false);
        users.put(user.id, user);
        Instant now = now();
        guilds.values().forEach(g -> g.members.put(user.id, now));
        changed();
        return user;
    }

    /** A new role in the guild, below the bot's role (so the bot may give it). */
    synchronized long createRole(long guildId, String name) {
        GuildRecord guild = guildRecord(guildId);
        long id = snowflakes.next();
        guild.roles.put(id, name);
        changed();
        return id;
    }

    synchronized Set<Long> memberRoles(long guildId, long userId) {
        return Set.copyOf(guildRecord(guildId).memberRoles.getOrDefault(userId, Set.of()));
    }

    /** Takes a member out of the guild (a player who left the server). */
    synchronized void removeMember(long guildId, long userId) {
        GuildRecord guild = guildRecord(guildId);
        guild.members.remove(userId);
        guild.memberRoles.remove(userId);
        changed();
    }

    private GuildRecord guildRecord(long guildId) {
        GuildRecord guild = guilds.get(guildId);
        if (guild == null) {
            throw new IllegalArgumentException("no guild " + guildId);
        }
        return guild;
    }

    synchronized UserRecord userRecord(long id) {
        UserRecord user = users.get(id);
        if (user == null) {
            throw new IllegalArgumentException("no user " + id);
        }
        return user;
    }

    synchronized void refuseDirectMessages(long userId, boolean refuse) {
        userRecord(userId).refusesDirectMessages = refuse;
    }

    synchronized List<GuildRecord> guildRecords() {
        return List.copyOf(guilds.values());
    }

    synchronized ChannelRecord channelRecord(long id) {
        ChannelRecord channel = channels.get(id);
        if (channel == null) {
            throw new IllegalArgumentException("no channel " + id);
        }
        return channel;
    }

    /** The user's DM channel with the bot, opened if need be (by the user or by the bot: the same channel). */
    synchronized ChannelRecord dmChannel(long userId) {
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

    synchronized ObjectNode readyPayload(String sessionId, String resumeUrl) {
        ObjectNode ready = Json.object().put("v", 10).put("session_id", sessionId).put("session_type", "normal")
                .put("resume_gateway_url", resumeUrl);
        ready.set("user", Payloads.selfUser(bot));
        ArrayNode list = ready.putArray("guilds");
        guilds.keySet().forEach(id -> list.addObject().put("id", Json.id(id)).put("unavailable", true));
        ready.putObject("application").put("id", Json.id(applicationId)).put("flags", 0);
        // Bots get no private channels in READY; they open DMs over REST.
        ready.putArray("private_channels");
        ready.putArray("presences");
        ready.putArray("relationships");
        ready.putArray("guild_join_requests");
        ready.putArray("geo_ordered_rtc_regions");
        ready.putArray("_trace").add("[\"matchwave-discord-emulator\"]");
        return ready;
    }

    synchronized List<ObjectNode> guildCreatePayloads() {
        return guilds.values().stream().map(g -> Payloads.guildCreate(g, bot, channels)).toList();
    }

    /** GUILD_MEMBERS_CHUNK payloads answering op 8 for a guild: every member, 1000 a chunk; empty for an unknown guild. */
    synchronized List<ObjectNode> memberChunks(long guildId, @Nullable String nonce) {
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

    // ---------------------------------------------------------------- REST: users and channels

    synchronized JsonNode selfUser() {
        return Payloads.selfUser(bot);
    }

    synchronized JsonNode user(long id) {
        UserRecord user = users.get(id);
        if (user == null) {
            throw DiscordError.unknownUser();
        }
        return Payloads.user(user);
    }

    synchronized JsonNode openDm(JsonNode body) {
        long recipient = Json.idOf(body, "recipient_id");
        UserRecord user = users.get(recipient);
        if (user == null || user.bot) {
            throw DiscordError.invalidField("recipient_id", "USER_NOT_FOUND", "Unknown user " + body.path("recipient_id"));
        }
        ChannelRecord channel = dmChannel(recipient);
        changed();
        return Payloads.dmChannel(channel, user);
    }

    synchronized JsonNode channel(long id) {
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

    synchronized JsonNode guild(long id) {
        GuildRecord guild = guilds.get(id);
        if (guild == null) {
            throw new DiscordError(404, 10004, "Unknown Guild");
        }
        ObjectNode json = Payloads.guildCreate(guild, bot, channels);
        for (String live : List.of("joined_at", "large", "unavailable", "member_count", "voice_states", "members",
                "channels", "threads", "presences", "stage_instances", "guild_scheduled_events", "soundboard_sounds", "lazy")) {
            json.remove(live);
        }
        return json;
    }

    synchronized JsonNode guildChannels(long guildId) {
        GuildRecord guild = guilds.get(guildId);
        if (guild == null) {
            throw new DiscordError(404, 10004, "Unknown Guild");
        }
        ArrayNode list = Json.array();
        guild.channelIds.forEach(id -> list.add(channelJson(channels.get(id))));
        return list;
    }

    synchronized JsonNode member(long guildId, long userId) {
        GuildRecord guild = guilds.get(guildId);
        if (guild == null) {
            throw new DiscordError(404, 10004, "Unknown Guild");
        }
        UserRecord user = users.get(userId);
        if (user == null || !guild.members.containsKey(userId)) {
            throw new DiscordError(404, 10007, "Unknown Member");
        }
        return Payloads.member(guild, user, true);
    }

    // ---------------------------------------------------------------- REST: roles

    synchronized JsonNode guildRoles(long guildId) {
        GuildRecord guild = guilds.get(guildId);
        if (guild == null) {
            throw new DiscordError(404, 10004, "Unknown Guild");
        }
        return Payloads.roles(guild, bot);
    }

    /** PUT (add) or DELETE (remove) of one member role: 204 either way, also when nothing changes. */
    synchronized void changeMemberRole(long guildId, long userId, long roleId, boolean add) {
        GuildRecord guild = guilds.get(guildId);
        if (guild == null) {
            throw new DiscordError(404, 10004, "Unknown Guild");
        }
        requireGivable(guild, roleId);
        if (!guild.members.containsKey(userId) || !users.containsKey(userId)) {
            throw new DiscordError(404, 10007, "Unknown Member");
        }
        Set<Long> roles = guild.memberRoles.computeIfAbsent(userId, u -> new java.util.TreeSet<>());
        if (add) {
            roles.add(roleId);
        } else {
            roles.remove(roleId);
        }
        changed();
    }

    /** PATCH of a member: only {@code roles} (the whole list) is emulated. */
    synchronized JsonNode modifyMember(long guildId, long userId, JsonNode body) {
        GuildRecord guild = guilds.get(guildId);
        if (guild == null) {
            throw new DiscordError(404, 10004, "Unknown Guild");
        }
        UserRecord user = users.get(userId);
        if (user == null || !guild.members.containsKey(userId)) {
            throw new DiscordError(404, 10007, "Unknown Member");
        }
        JsonNode roles = body.path("roles");
        if (!roles.isMissingNode() && !roles.isNull()) {
            if (!roles.isArray()) {
                throw DiscordError.invalidField("roles", "BASE_TYPE_ARRAY", "Must be an array of role ids.");
            }
            Set<Long> next = new java.util.TreeSet<>();
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
            changed();
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

    // ---------------------------------------------------------------- REST: channel messages

    synchronized JsonNode createChannelMessage(long channelId, RequestBody body) {
        ChannelRecord channel = channels.get(channelId);
        if (channel == null) {
            throw DiscordError.unknownChannel();
        }
        if (channel.dm() && users.get(channel.recipientId).refusesDirectMessages) {
            throw new DiscordError(403, 50007, "Cannot send messages to this user");
        }
        JsonNode nonceField = body.json().path("nonce");
        String nonceKey = null;
        if (nonceField.isTextual() || nonceField.isIntegralNumber()) {
            String nonce = nonceField.asText();
            if (nonce.length() > 25) {
                throw DiscordError.invalidField("nonce", "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
            }
            if (body.json().path("enforce_nonce").asBoolean(false)) {
                nonceKey = channelId + "/" + nonce;
                MessageRecord earlier = messageByNonce.get(nonceKey);
                if (earlier != null && !earlier.deleted && !earlier.createdAt.plus(NONCE_WINDOW).isBefore(now())) {
                    // The same create again: Discord answers with the message it made, and makes no other.
                    nonceReplays++;
                    return messageJson(earlier);
                }
            }
        }
        MessageRecord message = new MessageRecord(snowflakes.next(), channelId, bot.id, now(), MessageRecord.TYPE_DEFAULT,
                0, 0);
        applyMessage(message, body, true);
        if (message.ephemeral()) {
            throw DiscordError.invalidField("flags", "MESSAGE_FLAGS_INVALID", "Ephemeral messages only answer interactions");
        }
        if (nonceKey != null) {
            if (messageByNonce.size() >= 4096) {
                Instant oldest = now().minus(NONCE_WINDOW);
                messageByNonce.values().removeIf(m -> m.createdAt.isBefore(oldest));
            }
            messageByNonce.put(nonceKey, message);
        }
        messages.put(message.id, message);
        channel.messageIds.add(message.id);
        logEvent(MessageEvent.Kind.CREATED, message);
        changed();
        return messageJson(message);
    }

    /** How many message creates were answered with an earlier message of the same nonce. */
    synchronized int nonceReplays() {
        return nonceReplays;
    }

    synchronized JsonNode channelMessage(long channelId, long messageId) {
        return messageJson(channelMessageRecord(channelId, messageId));
    }

    synchronized JsonNode editChannelMessage(long channelId, long messageId, RequestBody body) {
        MessageRecord message = channelMessageRecord(channelId, messageId);
        if (message.authorId != bot.id) {
            throw new DiscordError(403, 50005, "Cannot edit a message authored by another user");
        }
        editMessage(message, body);
        return messageJson(message);
    }

    synchronized void deleteChannelMessage(long channelId, long messageId) {
        MessageRecord message = channelMessageRecord(channelId, messageId);
        ChannelRecord channel = channels.get(channelId);
        if (message.authorId != bot.id && channel.dm()) {
            throw new DiscordError(403, 50003, "Cannot execute action on a DM channel");
        }
        message.deleted = true;
        logEvent(MessageEvent.Kind.DELETED, message);
        changed();
    }

    /** GET channels/{id}/messages: newest first, {@code limit} (1-100, default 50), before / after / around. */
    synchronized JsonNode history(long channelId, Map<String, String> query) {
        ChannelRecord channel = channels.get(channelId);
        if (channel == null) {
            throw DiscordError.unknownChannel();
        }
        int limit = intParameter(query, "limit", 50);
        if (limit < 1 || limit > 100) {
            throw DiscordError.invalidField("limit", "NUMBER_TYPE_MAX", "limit must be between 1 and 100");
        }
        List<MessageRecord> visible = channel.messageIds.stream().map(messages::get).filter(m -> !m.deleted)
                .sorted(Comparator.comparingLong((MessageRecord m) -> m.id).reversed()).toList();
        List<MessageRecord> page;
        if (query.containsKey("before")) {
            long before = Long.parseUnsignedLong(query.get("before"));
            page = visible.stream().filter(m -> m.id < before).limit(limit).toList();
        } else if (query.containsKey("after")) {
            long after = Long.parseUnsignedLong(query.get("after"));
            List<MessageRecord> newer = new ArrayList<>(visible.stream().filter(m -> m.id > after).toList());
            // The oldest ones just after the id, still listed newest first.
            page = newer.subList(Math.max(0, newer.size() - limit), newer.size());
        } else if (query.containsKey("around")) {
            long around = Long.parseUnsignedLong(query.get("around"));
            List<MessageRecord> newer = visible.stream().filter(m -> m.id > around).toList();
            List<MessageRecord> older = visible.stream().filter(m -> m.id <= around).toList();
            List<MessageRecord> joined = new ArrayList<>(newer.subList(Math.max(0, newer.size() - limit / 2), newer.size()));
            joined.addAll(older.subList(0, Math.min(older.size(), limit - joined.size())));
            page = joined;
        } else {
            page = visible.stream().limit(limit).toList();
        }
        ArrayNode list = Json.array();
        page.forEach(m -> list.add(messageJson(m)));
        return list;
    }

    private MessageRecord channelMessageRecord(long channelId, long messageId) {
        if (!channels.containsKey(channelId)) {
            throw DiscordError.unknownChannel();
        }
        MessageRecord message = messages.get(messageId);
        if (message == null || message.deleted || message.channelId != channelId || message.visibleTo != 0) {
            throw DiscordError.unknownMessage();
        }
        return message;
    }

    private static int intParameter(Map<String, String> query, String name, int fallback) {
        String value = query.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw DiscordError.invalidField(name, "NUMBER_TYPE_COERCE", "Value \"" + value + "\" is not int.");
        }
    }

    // ---------------------------------------------------------------- message bodies

    /** Sets a new message's fields from a create body, checking Discord's limits. */
    private void applyMessage(MessageRecord message, RequestBody body, boolean create) {
        JsonNode json = body.json().isObject() ? body.json() : Json.object();
        if (json.has("content") && !json.get("content").isNull()) {
            message.content = json.get("content").asText();
        }
        if (json.has("embeds") && json.get("embeds").isArray()) {
            message.embeds = (ArrayNode) json.get("embeds").deepCopy();
            // Discord stores an embed a bot sends as type "rich".
            message.embeds.forEach(e -> {
                if (e.isObject() && !e.hasNonNull("type")) {
                    ((ObjectNode) e).put("type", "rich");
                }
            });
        }
        if (json.has("components") && json.get("components").isArray()) {
            message.components = Payloads.numberComponents((ArrayNode) json.get("components").deepCopy());
        }
        if (create) {
            message.flags = json.path("flags").asInt(0) & ~MessageRecord.LOADING;
        }
        if (!body.fileNames().isEmpty() || json.has("attachments")) {
            List<String> names = new ArrayList<>(body.fileNames());
            json.path("attachments").forEach(a -> {
                String name = a.path("filename").asText("");
                if (!name.isEmpty() && !names.contains(name)) {
                    names.add(name);
                }
            });
            message.attachments = List.copyOf(names);
        }
        MessageRules.check(message, create, COMPONENTS_V2);
    }

    private void editMessage(MessageRecord message, RequestBody body) {
        applyMessage(message, body, false);
        message.flags &= ~MessageRecord.LOADING;
        message.editedAt = now();
        message.revision++;
        logEvent(MessageEvent.Kind.EDITED, message);
        changed();
    }

    private void logEvent(MessageEvent.Kind kind, MessageRecord message) {
        messageEvents.add(new MessageEvent(messageEvents.size(), now(), kind, Sightings.message(message, messageJson(message))));
    }

    /** The timeline of every message change, oldest first. */
    synchronized List<MessageEvent> messageEvents() {
        return List.copyOf(messageEvents);
    }

    /** The changes to messages the user sees, oldest first. */
    synchronized List<MessageEvent> messageEventsSeenBy(long userId) {
        return messageEvents.stream().filter(e -> visibleTo(messages.get(e.message().id()), userId)).toList();
    }

    private ObjectNode messageJson(MessageRecord message) {
        ChannelRecord channel = channels.get(message.channelId);
        UserRecord author = users.get(message.authorId);
        if (message.interactionId != 0) {
            InteractionRecord interaction = interactions.get(message.interactionId);
            return Payloads.message(message, author, channel, applicationId, interaction, users.get(interaction.userId));
        }
        return Payloads.message(message, author, channel, applicationId);
    }

    // ---------------------------------------------------------------- REST: application commands

    synchronized JsonNode commands(long application, long guildId) {
        requireApplication(application, guildId);
        ArrayNode list = Json.array();
        commands.values().stream().filter(c -> c.guildId == guildId).forEach(c -> list.add(c.json.deepCopy()));
        return list;
    }

    synchronized JsonNode command(long application, long guildId, long commandId) {
        requireApplication(application, guildId);
        return existingCommand(guildId, commandId).json.deepCopy();
    }

    /** PUT: the whole list replaced; a command keeps its id when its name and type stay (Discord does the same). */
    synchronized JsonNode overwriteCommands(long application, long guildId, JsonNode body) {
        requireApplication(application, guildId);
        if (!body.isArray()) {
            throw DiscordError.invalidField("_root", "BASE_TYPE_ARRAY", "Must be an array of commands");
        }
        if (body.size() > 100) {
            throw DiscordError.invalidField("_root", "BASE_TYPE_MAX_LENGTH", "Must be 100 or fewer in length.");
        }
        Map<String, CommandRecord> old = new HashMap<>();
        commands.values().stream().filter(c -> c.guildId == guildId).forEach(c -> old.put(c.type + "/" + c.name, c));
        List<CommandRecord> fresh = new ArrayList<>();
        int index = 0;
        for (JsonNode data : body) {
            CommandRecord previous = old.get(data.path("type").asInt(1) + "/" + data.path("name").asText());
            fresh.add(commandRecord(data, guildId, previous == null ? snowflakes.next() : previous.id, "" + index++));
        }
        commands.values().removeIf(c -> c.guildId == guildId);
        fresh.forEach(c -> commands.put(c.id, c));
        changed();
        ArrayNode list = Json.array();
        fresh.forEach(c -> list.add(c.json.deepCopy()));
        return list;
    }

    synchronized JsonNode upsertCommand(long application, long guildId, JsonNode body) {
        requireApplication(application, guildId);
        Optional<CommandRecord> previous = commands.values().stream()
                .filter(c -> c.guildId == guildId && c.name.equals(body.path("name").asText())
                        && c.type == body.path("type").asInt(1))
                .findFirst();
        CommandRecord command = commandRecord(body, guildId, previous.map(c -> c.id).orElseGet(snowflakes::next), "");
        commands.put(command.id, command);
        changed();
        return command.json.deepCopy();
    }

    synchronized JsonNode editCommand(long application, long guildId, long commandId, JsonNode body) {
        requireApplication(application, guildId);
        CommandRecord existing = existingCommand(guildId, commandId);
        ObjectNode merged = existing.json.deepCopy();
        if (!body.isObject()) {
            throw DiscordError.invalidField("_root", "BASE_TYPE_OBJECT", "Must be an object");
        }
        merged.setAll((ObjectNode) body.deepCopy());
        CommandRecord command = commandRecord(merged, guildId, commandId, "");
        commands.put(command.id, command);
        changed();
        return command.json.deepCopy();
    }

    synchronized void deleteCommand(long application, long guildId, long commandId) {
        requireApplication(application, guildId);
        commands.remove(existingCommand(guildId, commandId).id);
        changed();
    }

    private CommandRecord existingCommand(long guildId, long commandId) {
        CommandRecord command = commands.get(commandId);
        if (command == null || command.guildId != guildId) {
            throw new DiscordError(404, 10063, "Unknown application command");
        }
        return command;
    }

    private void requireApplication(long application, long guildId) {
        if (application != applicationId) {
            throw new DiscordError(403, 50001, "Missing Access");
        }
        if (guildId != 0 && !guilds.containsKey(guildId)) {
            throw new DiscordError(404, 10004, "Unknown Guild");
        }
    }

    private CommandRecord commandRecord(JsonNode data, long guildId, long id, String index) {
        if (!data.isObject()) {
            throw DiscordError.invalidField(index.isEmpty() ? "_root" : index, "BASE_TYPE_OBJECT", "Must be an object");
        }
        String prefix = index.isEmpty() ? "" : index + ".";
        int type = data.path("type").asInt(1);
        String name = data.path("name").asText("");
        if (!name.matches("[-_\\p{L}\\p{N}]{1,32}") || (type == 1 && !name.equals(name.toLowerCase(java.util.Locale.ROOT)))) {
            throw DiscordError.invalidField(prefix + "name", "APPLICATION_COMMAND_INVALID_NAME",
                    "Command name is invalid: '" + name + "'");
        }
        if (type == 1) {
            int description = data.path("description").asText("").length();
            if (description < 1 || description > 100) {
                throw DiscordError.invalidField(prefix + "description", "BASE_TYPE_BAD_LENGTH",
                        "Must be between 1 and 100 in length.");
            }
            if (data.path("options").size() > 25) {
                throw DiscordError.invalidField(prefix + "options", "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
            }
        }
        ObjectNode json = ((ObjectNode) data).deepCopy();
        json.put("id", Json.id(id)).put("application_id", Json.id(applicationId)).put("version", Json.id(snowflakes.next()))
                .put("type", type);
        if (!json.has("default_member_permissions")) {
            json.putNull("default_member_permissions");
        }
        if (guildId != 0) {
            json.put("guild_id", Json.id(guildId));
        }
        if (!json.has("nsfw")) {
            json.put("nsfw", false);
        }
        return new CommandRecord(id, guildId, name, type, json);
    }

    /** The command a user would see under {@code name}: the guild's own first, then the global one. */
    synchronized Optional<CommandRecord> commandNamed(String name, long guildId) {
        return commands.values().stream()
                .filter(c -> c.type == 1 && c.name.equals(name) && (c.guildId == 0 || c.guildId == guildId))
                .min(Comparator.comparingInt(c -> c.guildId == 0 ? 1 : 0));
    }

    synchronized List<RegisteredCommand> registeredCommands() {
        return commands.values().stream().map(c -> new RegisteredCommand(c.id,
                c.guildId == 0 ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(c.guildId), c.name, c.type,
                Json.write(c.json))).toList();
    }

    // ---------------------------------------------------------------- interactions: users send

    /** Records an interaction and returns it; the caller dispatches its payload after the lock. */
    synchronized InteractionRecord newInteraction(int type, long userId, long channelId, String name,
                                                  long sourceMessageId, ObjectNode data, @Nullable ObjectNode message) {
        UserRecord user = userRecord(userId);
        ChannelRecord channel = channelRecord(channelId);
        long id = snowflakes.next();
        String token = "aW50ZXJhY3Rpb246" + Json.id(id) + ":" + randomToken(32);
        // The id's time, to the millisecond, is what JDA reads as the creation time.
        Instant now = Snowflakes.instantOf(id);
        ObjectNode payload = Json.object().put("id", Json.id(id)).put("application_id", Json.id(applicationId))
                .put("type", type).put("token", token).put("version", 1).put("locale", "en-US")
                .put("app_permissions", Long.toString(Payloads.ALL_PERMISSIONS)).put("attachment_size_limit", 10_485_760)
                .put("channel_id", Json.id(channel.id));
        payload.putArray("entitlements");
        ObjectNode owners = payload.putObject("authorizing_integration_owners");
        if (channel.dm()) {
            // developers/interactions/receiving-and-responding: "0" for GUILD_INSTALL invoked in the bot's DM.
            owners.put("0", "0");
            payload.put("context", 1);
            payload.set("user", Payloads.user(user));
            payload.set("channel", Payloads.dmChannel(channel, bot));
        } else {
            GuildRecord guild = guilds.get(channel.guildId);
            if (!guild.members.containsKey(userId)) {
                throw new IllegalArgumentException(user.username + " is not a member of guild " + guild.name);
            }
            owners.put("0", Json.id(guild.id));
            payload.put("context", 0).put("guild_id", Json.id(guild.id)).put("guild_locale", "en-US");
            payload.set("guild", Payloads.interactionGuild(guild));
            ObjectNode member = Payloads.member(guild, user, true);
            member.put("permissions", Long.toString(Payloads.EVERYONE_PERMISSIONS));
            payload.set("member", member);
            ObjectNode channelJson = Payloads.guildChannel(channel, guild.channelIds.indexOf(channel.id));
            channelJson.put("permissions", Long.toString(Payloads.EVERYONE_PERMISSIONS));
            payload.set("channel", channelJson);
        }
        payload.set("data", data);
        if (message != null) {
            payload.set("message", message);
        }
        InteractionRecord interaction = new InteractionRecord(id, token, type, userId, channelId, channel.guildId, now,
                name, sourceMessageId, payload);
        interactions.put(id, interaction);
        interactionsByToken.put(token, interaction);
        changed();
        return interaction;
    }

    synchronized InteractionRecord interactionRecord(long id) {
        InteractionRecord interaction = interactions.get(id);
        if (interaction == null) {
            throw new IllegalArgumentException("no interaction " + id);
        }
        return interaction;
    }

    /**
     * A slash command (or, with {@code focused}, its autocomplete) as the Discord client would
     * send it: the options typed and checked against the registered definition.
     *
     * @param commandLine the command and its subcommand group and subcommand, e.g. {@code admin resolve}
     * @param options     option name to value: String, Number, Boolean, or a user id for a user option
     * @param focused     the option being typed, for an autocomplete; null for the command itself
     */
    synchronized InteractionRecord commandInteraction(long userId, long channelId, String commandLine,
                                                      Map<String, ?> options, @Nullable String focused) {
        ChannelRecord channel = channelRecord(channelId);
        String[] words = commandLine.trim().replaceFirst("^/", "").split("\\s+");
        CommandRecord command = commandNamed(words[0], channel.guildId).orElseThrow(() -> new IllegalArgumentException(
                "no command /" + words[0] + " is registered; registered: " + commands.values().stream()
                        .filter(c -> c.type == 1).map(c -> "/" + c.name).distinct().sorted().toList()));
        JsonNode contexts = command.json.path("contexts");
        int context = channel.dm() ? 1 : 0;
        if (contexts.isArray() && !contexts.isEmpty()) {
            boolean offered = false;
            for (JsonNode c : contexts) {
                offered |= c.asInt(-1) == context;
            }
            if (!offered) {
                throw new IllegalArgumentException("/" + command.name + " is not offered "
                        + (channel.dm() ? "in the bot's DMs" : "in servers") + " (contexts " + contexts + ")");
            }
        }
        if (command.guildId != 0 && command.guildId != channel.guildId) {
            throw new IllegalArgumentException("/" + command.name + " is a command of another guild");
        }
        ObjectNode data = Json.object().put("id", Json.id(command.id)).put("name", command.name).put("type", 1);
        if (command.guildId != 0) {
            data.put("guild_id", Json.id(command.guildId));
        }
        ObjectNode resolved = Json.object();
        ArrayNode built = SlashCommandOptions.build(command, words, options, focused, resolver(channel), resolved);
        if (!built.isEmpty()) {
            data.set("options", built);
        }
        if (!resolved.isEmpty()) {
            data.set("resolved", resolved);
        }
        int type = focused == null ? InteractionRecord.COMMAND : InteractionRecord.AUTOCOMPLETE;
        return newInteraction(type, userId, channelId, String.join(" ", words), 0, data, null);
    }

    private SlashCommandOptions.Resolver resolver(ChannelRecord channel) {
        return new SlashCommandOptions.Resolver() {
            @Override
            public Optional<ObjectNode> user(long id) {
                return Optional.ofNullable(users.get(id)).map(Payloads::user);
            }

            @Override
            public Optional<ObjectNode> member(long id) {
                GuildRecord guild = channel.guildId == 0 ? null : guilds.get(channel.guildId);
                if (guild == null || !guild.members.containsKey(id)) {
                    return Optional.empty();
                }
                ObjectNode member = Payloads.member(guild, users.get(id), false);
                return Optional.of(member.put("permissions", Long.toString(Payloads.EVERYONE_PERMISSIONS)));
            }
        };
    }

    /**
     * A click on a button or a choice in a select.
     *
     * @param checked whether to check what a Discord client guarantees: the user sees the message,
     *                the component is on it and enabled, the values are among its options
     */
    synchronized InteractionRecord componentInteraction(long userId, long messageId, String customId, int componentType,
                                                        List<String> values, boolean checked) {
        MessageRecord message = checked ? messageSeenBy(userId, messageId) : messages.get(messageId);
        if (message == null) {
            throw new IllegalArgumentException("no message " + messageId);
        }
        SeenMessage seen = seen(message.id);
        Optional<SeenComponent> component = seen.components().stream().filter(c -> switch (c) {
            case SeenComponent.Button b -> b.customId().filter(customId::equals).isPresent();
            case SeenComponent.Select s -> s.customId().equals(customId);
            default -> false;
        }).findFirst();
        if (checked) {
            SeenComponent found = component.orElseThrow(() -> new IllegalArgumentException(
                    "message " + messageId + " has no component '" + customId + "': " + seen));
            if (found.type() != componentType) {
                throw new IllegalArgumentException("'" + customId + "' is a component of type " + found.type()
                        + ", not " + componentType);
            }
            if (found instanceof SeenComponent.Button button && button.disabled()
                    || found instanceof SeenComponent.Select select && select.disabled()) {
                throw new IllegalStateException("'" + customId + "' is disabled: nobody can use it");
            }
            if (found instanceof SeenComponent.Select select) {
                if (values.size() < select.minValues() || values.size() > select.maxValues()) {
                    throw new IllegalArgumentException("select '" + customId + "' takes " + select.minValues() + " to "
                            + select.maxValues() + " values, got " + values);
                }
                if (select.type() == 3) {
                    for (String value : values) {
                        if (select.options().stream().noneMatch(o -> o.value().equals(value))) {
                            throw new IllegalArgumentException("select '" + customId + "' has no option '" + value + "'");
                        }
                    }
                }
            }
        }
        ObjectNode data = Json.object().put("custom_id", customId).put("component_type", componentType);
        component.ifPresent(c -> data.put("id", c.uniqueId()));
        if (componentType != 2) {
            ArrayNode list = data.putArray("values");
            values.forEach(list::add);
        }
        return newInteraction(InteractionRecord.COMPONENT, userId, message.channelId, customId, message.id, data,
                messageJson(message));
    }

    /**
     * The submission of a modal the bot opened.
     *
     * @param values text input custom id to its value
     */
    synchronized InteractionRecord modalSubmit(long userId, long openerId, Map<String, String> values) {
        InteractionRecord opener = interactionRecord(openerId);
        if (opener.userId != userId) {
            throw new IllegalStateException("the modal of interaction " + openerId + " was shown to another user");
        }
        ObjectNode modal = opener.modal;
        if (modal == null) {
            throw new IllegalStateException("interaction " + openerId + " got no modal");
        }
        SeenModal seen = Sightings.modal(openerId, modal);
        List<SeenComponent.TextInput> inputs = seen.inputs();
        List<SeenComponent.Select> selects = seen.selects();
        for (String key : values.keySet()) {
            if (inputs.stream().noneMatch(i -> i.customId().equals(key))
                    && selects.stream().noneMatch(s -> s.customId().equals(key))) {
                throw new IllegalArgumentException("the modal has no text input or select '" + key + "'; it has "
                        + inputs.stream().map(SeenComponent.TextInput::customId).toList() + " and selects "
                        + selects.stream().map(SeenComponent.Select::customId).toList());
            }
        }
        for (SeenComponent.TextInput input : inputs) {
            String value = values.getOrDefault(input.customId(), "");
            if (input.required() && value.isEmpty()) {
                throw new IllegalArgumentException("text input '" + input.customId() + "' is required");
            }
            if (!value.isEmpty() && (value.length() < input.minLength() || value.length() > input.maxLength())) {
                throw new IllegalArgumentException("text input '" + input.customId() + "' takes " + input.minLength()
                        + " to " + input.maxLength() + " characters, got " + value.length());
            }
        }
        for (SeenComponent.Select select : selects) {
            String value = values.getOrDefault(select.customId(), "");
            List<String> picked = value.isEmpty() ? List.of() : List.of(value.split(","));
            if (picked.size() < select.minValues() || picked.size() > select.maxValues()) {
                throw new IllegalArgumentException("select '" + select.customId() + "' takes " + select.minValues()
                        + " to " + select.maxValues() + " values, got " + picked.size());
            }
            for (String one : picked) {
                if (select.type() == 3 && select.options().stream().noneMatch(o -> o.value().equals(one))) {
                    throw new IllegalArgumentException("select '" + select.customId() + "' has no option '" + one
                            + "'; it offers " + select.options().stream().map(SeenComponent.Option::value).toList());
                }
            }
        }
        ObjectNode data = Json.object().put("custom_id", modal.path("custom_id").asText());
        ArrayNode submitted = data.putArray("components");
        for (JsonNode component : modal.path("components")) {
            int type = component.path("type").asInt();
            ObjectNode out = submitted.addObject().put("type", type).put("id", component.path("id").asInt());
            if (type == 18) {
                out.set("component", submittedInput(component.path("component"), values));
            } else if (type == 1) {
                ArrayNode children = out.putArray("components");
                component.path("components").forEach(child -> children.add(submittedInput(child, values)));
            }
        }
        ObjectNode message = opener.sourceMessageId == 0 ? null : messageJson(messages.get(opener.sourceMessageId));
        return newInteraction(InteractionRecord.MODAL_SUBMIT, userId, opener.channelId, modal.path("custom_id").asText(),
                opener.sourceMessageId, data, message);
    }

    private static ObjectNode submittedInput(JsonNode input, Map<String, String> values) {
        ObjectNode out = Json.object().put("type", input.path("type").asInt()).put("id", input.path("id").asInt())
                .put("custom_id", input.path("custom_id").asText());
        if (input.path("type").asInt() == 4) {
            out.put("value", values.getOrDefault(input.path("custom_id").asText(), ""));
        } else {
            ArrayNode selected = out.putArray("values");
            String value = values.get(input.path("custom_id").asText());
            if (value != null && !value.isEmpty()) {
                for (String part : value.split(",")) {
                    selected.add(part);
                }
            }
        }
        return out;
    }

    /** Wakes the waiters after a change outside this object (the gateway connected or closed). */
    synchronized void touch() {
        changed();
    }

    /** A message as the user sees it, checked: it exists, is not deleted and he may see it. */
    synchronized MessageRecord messageSeenBy(long userId, long messageId) {
        MessageRecord message = messages.get(messageId);
        if (message == null) {
            throw new IllegalArgumentException("no message " + messageId);
        }
        if (message.deleted) {
            throw new IllegalStateException("message " + messageId + " was deleted: nobody can use it");
        }
        if (!visibleTo(message, userId)) {
            throw new IllegalStateException(userRecord(userId).username + " cannot see message " + messageId);
        }
        return message;
    }

    synchronized ObjectNode messagePayload(long messageId) {
        return messageJson(messages.get(messageId));
    }

    private boolean visibleTo(MessageRecord message, long userId) {
        if (message.visibleTo != 0) {
            return message.visibleTo == userId;
        }
        ChannelRecord channel = channels.get(message.channelId);
        if (channel.dm()) {
            return channel.recipientId == userId;
        }
        return guilds.get(channel.guildId).members.containsKey(userId);
    }

    // ---------------------------------------------------------------- REST: interaction callback and webhooks

    /**
     * POST interactions/{id}/{token}/callback (developers/interactions/receiving-and-responding).
     *
     * @return the callback response when {@code withResponse}, else empty (204)
     */
    synchronized Optional<JsonNode> callback(long interactionId, String token, RequestBody body, boolean withResponse) {
        InteractionRecord interaction = interactions.get(interactionId);
        if (interaction == null || !interaction.token.equals(token)) {
            throw DiscordError.unknownInteraction();
        }
        if (interaction.acknowledged()) {
            throw new DiscordError(400, 40060, "Interaction has already been acknowledged.");
        }
        Duration age = Duration.between(interaction.createdAt, now());
        if (age.compareTo(config.interactionDeadline()) > 0) {
            LOG.warn("The bot answered interaction {} ({}) after {} ms; Discord refuses a first answer after {} ms",
                    interaction.id, interaction.name, age.toMillis(), config.interactionDeadline().toMillis());
            throw DiscordError.unknownInteraction();
        }
        JsonNode json = body.json();
        int type = json.path("type").asInt(-1);
        JsonNode data = json.path("data");
        checkCallbackType(interaction, type);
        MessageRecord message = null;
        switch (type) {
            case 4, 5 -> {
                boolean ephemeral = (data.path("flags").asInt(0) & EPHEMERAL) != 0;
                message = new MessageRecord(snowflakes.next(), interaction.channelId, bot.id, now(),
                        interaction.type == InteractionRecord.COMMAND ? MessageRecord.TYPE_CHAT_INPUT_COMMAND
                                : MessageRecord.TYPE_DEFAULT,
                        interaction.id, ephemeral ? interaction.userId : 0);
                if (type == 4) {
                    applyMessage(message, new RequestBody(data.isObject() ? data : Json.object(), body.fileNames()), true);
                } else {
                    message.flags = MessageRecord.LOADING | (ephemeral ? EPHEMERAL : 0);
                }
                messages.put(message.id, message);
                index(message);
                interaction.originalMessageId = message.id;
                logEvent(MessageEvent.Kind.CREATED, message);
            }
            case 6 -> interaction.originalMessageId = interaction.sourceMessageId;
            case 7 -> {
                message = messages.get(interaction.sourceMessageId);
                editMessage(message, new RequestBody(data.isObject() ? data : Json.object(), body.fileNames()));
                interaction.originalMessageId = message.id;
            }
            case 8 -> interaction.choices = data.path("choices").isArray()
                    ? ((ArrayNode) data.get("choices")).deepCopy() : Json.array();
            case 9 -> interaction.modal = modal(data);
            default -> throw new IllegalStateException("unreachable: " + type);
        }
        interaction.callbackType = type;
        interaction.acknowledgedAt = now();
        changed();
        if (!withResponse) {
            return Optional.empty();
        }
        ObjectNode response = Json.object();
        ObjectNode about = response.putObject("interaction").put("id", Json.id(interaction.id)).put("type", interaction.type);
        if (interaction.originalMessageId != 0) {
            MessageRecord original = messages.get(interaction.originalMessageId);
            about.put("response_message_id", Json.id(original.id)).put("response_message_loading", original.loading())
                    .put("response_message_ephemeral", original.ephemeral());
        }
        ObjectNode resource = response.putObject("resource").put("type", type);
        if (message != null) {
            resource.set("message", messageJson(message));
        }
        return Optional.of(response);
    }

    private void checkCallbackType(InteractionRecord interaction, int type) {
        boolean fromMessage = interaction.sourceMessageId != 0;
        boolean allowed = switch (type) {
            case 4, 5 -> interaction.type != InteractionRecord.AUTOCOMPLETE;
            case 6, 7 -> fromMessage && (interaction.type == InteractionRecord.COMPONENT
                    || interaction.type == InteractionRecord.MODAL_SUBMIT);
            case 8 -> interaction.type == InteractionRecord.AUTOCOMPLETE;
            case 9 -> interaction.type == InteractionRecord.COMMAND || interaction.type == InteractionRecord.COMPONENT;
            default -> false;
        };
        if (!allowed) {
            throw DiscordError.invalidField("type", "INTERACTION_RESPONSE_TYPE_INVALID",
                    "Callback type " + type + " is not valid for interaction type " + interaction.type);
        }
    }

    private ObjectNode modal(JsonNode data) {
        if (!data.isObject() || data.path("custom_id").asText("").isEmpty() || data.path("title").asText("").isEmpty()) {
            throw DiscordError.invalidField("data", "MODAL_INVALID", "A modal needs a custom_id, a title and components");
        }
        ObjectNode modal = ((ObjectNode) data).deepCopy();
        JsonNode components = modal.path("components");
        if (!components.isArray() || components.isEmpty() || components.size() > 5) {
            throw DiscordError.invalidField("data.components", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 5 in length.");
        }
        Payloads.numberComponents((ArrayNode) components);
        return modal;
    }

    /** The interaction behind a webhook token, checking the application and the token's 15-minute life. */
    private InteractionRecord webhookInteraction(long application, String token) {
        InteractionRecord interaction = interactionsByToken.get(token);
        if (interaction == null || application != applicationId) {
            throw DiscordError.unknownWebhook();
        }
        if (Duration.between(interaction.createdAt, now()).compareTo(config.interactionTokenLifetime()) > 0) {
            if (!interaction.expiredLogged) {
                interaction.expiredLogged = true;
                LOG.warn("The bot used the token of interaction {} ({}) after its {} minutes", interaction.id,
                        interaction.name, config.interactionTokenLifetime().toMinutes());
            }
            throw new DiscordError(401, 50027, "Invalid Webhook Token");
        }
        if (!interaction.acknowledged()) {
            throw DiscordError.unknownWebhook();
        }
        return interaction;
    }

    synchronized JsonNode followup(long application, String token, RequestBody body) {
        InteractionRecord interaction = webhookInteraction(application, token);
        MessageRecord original = interaction.originalMessageId == 0 ? null : messages.get(interaction.originalMessageId);
        if (interaction.callbackType == 5 && original != null && original.loading()) {
            // The first followup after a deferred reply replaces the "thinking" message, ephemeral or not as deferred.
            editMessage(original, body);
            return messageJson(original);
        }
        boolean ephemeral = (body.json().path("flags").asInt(0) & EPHEMERAL) != 0;
        MessageRecord message = new MessageRecord(snowflakes.next(), interaction.channelId, bot.id, now(),
                MessageRecord.TYPE_DEFAULT, interaction.id, ephemeral ? interaction.userId : 0);
        applyMessage(message, body, true);
        messages.put(message.id, message);
        index(message);
        interaction.followupIds.add(message.id);
        logEvent(MessageEvent.Kind.CREATED, message);
        changed();
        return messageJson(message);
    }

    synchronized JsonNode webhookMessage(long application, String token, String messageId) {
        return messageJson(webhookMessageRecord(webhookInteraction(application, token), messageId));
    }

    synchronized JsonNode editWebhookMessage(long application, String token, String messageId, RequestBody body) {
        MessageRecord message = webhookMessageRecord(webhookInteraction(application, token), messageId);
        editMessage(message, body);
        return messageJson(message);
    }

    synchronized void deleteWebhookMessage(long application, String token, String messageId) {
        MessageRecord message = webhookMessageRecord(webhookInteraction(application, token), messageId);
        message.deleted = true;
        logEvent(MessageEvent.Kind.DELETED, message);
        changed();
    }

    private MessageRecord webhookMessageRecord(InteractionRecord interaction, String messageId) {
        long id;
        if (messageId.equals("@original")) {
            id = interaction.originalMessageId;
        } else {
            try {
                id = Long.parseUnsignedLong(messageId);
            } catch (NumberFormatException e) {
                throw DiscordError.unknownMessage();
            }
            if (id != interaction.originalMessageId && !interaction.followupIds.contains(id)) {
                throw DiscordError.unknownMessage();
            }
        }
        MessageRecord message = messages.get(id);
        if (message == null || message.deleted) {
            throw DiscordError.unknownMessage();
        }
        return message;
    }

    // ---------------------------------------------------------------- what users see

    synchronized SeenMessage seen(long messageId) {
        MessageRecord message = messages.get(messageId);
        if (message == null) {
            throw new IllegalArgumentException("no message " + messageId);
        }
        return Sightings.message(message, messageJson(message));
    }

    /** An interaction's message goes to its channel's history, or (ephemeral) to its user's own list. */
    private void index(MessageRecord message) {
        if (message.visibleTo == 0) {
            channels.get(message.channelId).messageIds.add(message.id);
        } else {
            ephemeralByUser.computeIfAbsent(message.visibleTo, u -> new ArrayList<>()).add(message.id);
        }
    }

    /** Every message the user can see, deleted ones left out, oldest first. */
    synchronized List<SeenMessage> seenBy(long userId) {
        List<Long> ids = new ArrayList<>(ephemeralByUser.getOrDefault(userId, List.of()));
        Long dm = dmByUser.get(userId);
        if (dm != null) {
            ids.addAll(channels.get(dm).messageIds);
        }
        for (GuildRecord guild : guilds.values()) {
            if (guild.members.containsKey(userId)) {
                guild.channelIds.forEach(channel -> ids.addAll(channels.get(channel).messageIds));
            }
        }
        return ids.stream().sorted().map(messages::get).filter(m -> !m.deleted)
                .map(m -> Sightings.message(m, messageJson(m))).toList();
    }

    /** The messages of a channel's history, deleted ones left out, oldest first. */
    synchronized List<SeenMessage> channelHistory(long channelId) {
        return channelRecord(channelId).messageIds.stream().map(messages::get).filter(m -> !m.deleted)
                .map(m -> Sightings.message(m, messageJson(m))).toList();
    }

    synchronized InteractionView interactionView(long interactionId) {
        InteractionRecord interaction = interactionRecord(interactionId);
        Optional<SeenMessage> original = interaction.originalMessageId == 0 ? Optional.empty()
                : Optional.of(seen(interaction.originalMessageId));
        List<SeenMessage> followups = interaction.followupIds.stream().map(this::seen).toList();
        Optional<SeenModal> modal = Optional.ofNullable(interaction.modal).map(m -> Sightings.modal(interaction.id, m));
        List<String> choices = new ArrayList<>();
        if (interaction.choices != null) {
            interaction.choices.forEach(c -> choices.add(c.path("value").asText()));
        }
        boolean failed = !interaction.acknowledged()
                && Duration.between(interaction.createdAt, now()).compareTo(config.interactionDeadline()) > 0;
        return new InteractionView(interaction.callbackType, Optional.ofNullable(interaction.acknowledgedAt), original,
                followups, modal, choices, failed);
    }

    /** What a user's interaction got back, at one moment. */
    record InteractionView(int callbackType, Optional<Instant> acknowledgedAt, Optional<SeenMessage> original, List<SeenMessage> followups,
                           Optional<SeenModal> modal, List<String> choices, boolean failed) {
        @Override
        public String toString() {
            return "callback " + (callbackType == 0 ? "none" : callbackType) + (failed ? " (failed)" : "")
                    + ", original " + original.map(SeenMessage::toString).orElse("none") + ", followups " + followups
                    + modal.map(m -> ", modal " + m.customId()).orElse("")
                    + (choices.isEmpty() ? "" : ", choices " + choices);
        }
    }
}
