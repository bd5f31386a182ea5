package dev.matchwave.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Every message, in a channel's history or ephemeral to one user; their JSON, the timeline of
 * their changes, who sees which, and the REST routes on channel messages
 * (developers/resources/message).
 *
 * <p>Not thread-safe on its own: guarded by {@link DiscordState}'s lock; callers hold it.
 */
final class MessageStore {

    /** How long a create's nonce is remembered. */
    static final Duration NONCE_WINDOW = Duration.ofMinutes(2);
    private static final int COMPONENTS_V2 = 1 << 15;

    private final EmulatorConfig config;
    private final Snowflakes snowflakes;
    private final UsersAndChannels directory;
    private final InteractionStore interactions;
    private final Runnable changed;
    private final Map<Long, MessageRecord> messages = new HashMap<>();
    /**
     * Message creates with {@code enforce_nonce}: the message created by (channel, nonce), kept for
     * {@link #NONCE_WINDOW}. Discord's docs say a nonce is checked "in the past few minutes"; the
     * emulator keeps the short end of that (developers/resources/message, Create Message).
     */
    private final Map<String, MessageRecord> messageByNonce = new HashMap<>();
    private int nonceReplays;
    private final List<MessageEvent> messageEvents = new ArrayList<>();
    /** Ephemeral messages by the one user who sees them: what a user sees is found by index, not by a scan. */
    private final Map<Long, List<Long>> ephemeralByUser = new HashMap<>();

    MessageStore(EmulatorConfig config, Snowflakes snowflakes, UsersAndChannels directory, InteractionStore interactions,
                 Runnable changed) {
        this.config = config;
        this.snowflakes = snowflakes;
        this.directory = directory;
        this.interactions = interactions;
        this.changed = changed;
    }

    private Instant now() {
        return config.clock().instant();
    }

    // ---------------------------------------------------------------- REST: channel messages

    JsonNode createChannelMessage(long channelId, RequestBody body) {
        ChannelRecord channel = directory.findChannel(channelId);
        if (channel == null) {
            throw DiscordError.unknownChannel();
        }
        if (channel.dm() && directory.findUser(channel.recipientId).refusesDirectMessages) {
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
                    return json(earlier);
                }
            }
        }
        MessageRecord message = new MessageRecord(snowflakes.next(), channelId, directory.bot().id, now(),
                MessageRecord.TYPE_DEFAULT, 0, 0);
        apply(message, body, true);
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
        changed.run();
        return json(message);
    }

    /** How many message creates were answered with an earlier message of the same nonce. */
    int nonceReplays() {
        return nonceReplays;
    }

    JsonNode channelMessage(long channelId, long messageId) {
        return json(channelMessageRecord(channelId, messageId));
    }

    JsonNode editChannelMessage(long channelId, long messageId, RequestBody body) {
        MessageRecord message = channelMessageRecord(channelId, messageId);
        if (message.authorId != directory.bot().id) {
            throw new DiscordError(403, 50005, "Cannot edit a message authored by another user");
        }
        edit(message, body);
        return json(message);
    }

    void deleteChannelMessage(long channelId, long messageId) {
        MessageRecord message = channelMessageRecord(channelId, messageId);
        ChannelRecord channel = directory.findChannel(channelId);
        if (message.authorId != directory.bot().id && channel.dm()) {
            throw new DiscordError(403, 50003, "Cannot execute action on a DM channel");
        }
        delete(message);
    }

    /** GET channels/{id}/messages: newest first, {@code limit} (1-100, default 50), before / after / around. */
    JsonNode history(long channelId, Map<String, String> query) {
        ChannelRecord channel = directory.findChannel(channelId);
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
        page.forEach(m -> list.add(json(m)));
        return list;
    }

    private MessageRecord channelMessageRecord(long channelId, long messageId) {
        if (directory.findChannel(channelId) == null) {
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

    // ---------------------------------------------------------------- changes, for every route that makes them

    @Nullable MessageRecord findMessage(long id) {
        return messages.get(id);
    }

    /** Stores a message answering an interaction: in its channel's history, or (ephemeral) in its user's own list. */
    void addInteractionMessage(MessageRecord message) {
        messages.put(message.id, message);
        if (message.visibleTo == 0) {
            directory.findChannel(message.channelId).messageIds.add(message.id);
        } else {
            ephemeralByUser.computeIfAbsent(message.visibleTo, u -> new ArrayList<>()).add(message.id);
        }
        logEvent(MessageEvent.Kind.CREATED, message);
    }

    /** Sets a message's fields from a create or edit body, checking Discord's limits. */
    static void apply(MessageRecord message, RequestBody body, boolean create) {
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

    void edit(MessageRecord message, RequestBody body) {
        apply(message, body, false);
        message.flags &= ~MessageRecord.LOADING;
        message.editedAt = now();
        message.revision++;
        logEvent(MessageEvent.Kind.EDITED, message);
        changed.run();
    }

    void delete(MessageRecord message) {
        message.deleted = true;
        logEvent(MessageEvent.Kind.DELETED, message);
        changed.run();
    }

    private void logEvent(MessageEvent.Kind kind, MessageRecord message) {
        messageEvents.add(new MessageEvent(messageEvents.size(), now(), kind, Sightings.message(message, json(message))));
    }

    /** A message as Discord sends it, with the interaction it answers. */
    ObjectNode json(MessageRecord message) {
        ChannelRecord channel = directory.findChannel(message.channelId);
        UserRecord author = directory.findUser(message.authorId);
        if (message.interactionId != 0) {
            InteractionRecord interaction = interactions.findInteraction(message.interactionId);
            return Payloads.message(message, author, channel, directory.applicationId(), interaction,
                    directory.findUser(interaction.userId));
        }
        return Payloads.message(message, author, channel, directory.applicationId());
    }

    // ---------------------------------------------------------------- what users see

    /** The timeline of every message change, oldest first. */
    List<MessageEvent> messageEvents() {
        return List.copyOf(messageEvents);
    }

    /** The changes to messages the user sees, oldest first. */
    List<MessageEvent> messageEventsSeenBy(long userId) {
        return messageEvents.stream().filter(e -> visibleTo(messages.get(e.message().id()), userId)).toList();
    }

    /** A message as the user sees it, checked: it exists, is not deleted and he may see it. */
    MessageRecord messageSeenBy(long userId, long messageId) {
        MessageRecord message = messages.get(messageId);
        if (message == null) {
            throw new IllegalArgumentException("no message " + messageId);
        }
        if (message.deleted) {
            throw new IllegalStateException("message " + messageId + " was deleted: nobody can use it");
        }
        if (!visibleTo(message, userId)) {
            throw new IllegalStateException(directory.userRecord(userId).username + " cannot see message " + messageId);
        }
        return message;
    }

    ObjectNode messagePayload(long messageId) {
        return json(messages.get(messageId));
    }

    private boolean visibleTo(MessageRecord message, long userId) {
        if (message.visibleTo != 0) {
            return message.visibleTo == userId;
        }
        ChannelRecord channel = directory.findChannel(message.channelId);
        if (channel.dm()) {
            return channel.recipientId == userId;
        }
        return directory.findGuild(channel.guildId).members.containsKey(userId);
    }

    SeenMessage seen(long messageId) {
        MessageRecord message = messages.get(messageId);
        if (message == null) {
            throw new IllegalArgumentException("no message " + messageId);
        }
        return Sightings.message(message, json(message));
    }

    /** Every message the user can see, deleted ones left out, oldest first. */
    List<SeenMessage> seenBy(long userId) {
        List<Long> ids = new ArrayList<>(ephemeralByUser.getOrDefault(userId, List.of()));
        directory.channelsSeenBy(userId).forEach(channel -> ids.addAll(channel.messageIds));
        return ids.stream().sorted().map(messages::get).filter(m -> !m.deleted)
                .map(m -> Sightings.message(m, json(m))).toList();
    }

    /** The messages of a channel's history, deleted ones left out, oldest first. */
    List<SeenMessage> channelHistory(long channelId) {
        return directory.channelRecord(channelId).messageIds.stream().map(messages::get).filter(m -> !m.deleted)
                .map(m -> Sightings.message(m, json(m))).toList();
    }
}
