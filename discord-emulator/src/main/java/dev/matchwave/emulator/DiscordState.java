package dev.matchwave.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The emulated Discord: users, guilds, channels, messages, application commands and
 * interactions, and what Discord does with each REST request on them.
 *
 * <p>Thread-safe: one lock (this object) guards everything; every change wakes the waiters of
 * {@link #await}. Nothing here talks to the network: the REST server calls in, and
 * interactions go out through the {@link GatewayServer} after the lock is released.
 *
 * <p>This class is the lock and the door; the work is done by one part per concern, none of
 * them locked on its own, each reached only from here with the lock held:
 * {@link UsersAndChannels} (users, the guild, channels, gateway payloads), {@link GuildRoles},
 * {@link CommandRegistry}, {@link MessageStore}, {@link InteractionStore} (the interactions and
 * their clocks), {@link ClientInteractions} (what users send) and {@link InteractionResponses}
 * (what the bot answers). A part wakes the waiters through the {@code changed} callback it is
 * given, which calls {@link Object#notifyAll()} and so fails at once if the lock is not held.
 */
final class DiscordState {

    private final EmulatorConfig config;
    private final SplittableRandom random;
    private final UsersAndChannels directory;
    private final GuildRoles roles;
    private final CommandRegistry commands;
    private final InteractionStore interactions;
    private final MessageStore messages;
    private final ClientInteractions client;
    private final InteractionResponses responses;

    DiscordState(EmulatorConfig config) {
        this.config = config;
        Snowflakes snowflakes = new Snowflakes(config.clock());
        this.random = new SplittableRandom(config.seed());
        this.directory = new UsersAndChannels(config, snowflakes, this::changed);
        this.roles = new GuildRoles(directory, snowflakes, this::changed);
        this.commands = new CommandRegistry(directory, snowflakes, this::changed);
        this.interactions = new InteractionStore(config, snowflakes, directory, this::randomToken, this::changed);
        this.messages = new MessageStore(config, snowflakes, directory, interactions, this::changed);
        this.client = new ClientInteractions(directory, commands, interactions, messages);
        this.responses = new InteractionResponses(config, snowflakes, directory, interactions, messages, this::changed);
    }

    // ---------------------------------------------------------------- identity

    long applicationId() {
        return directory.applicationId();
    }

    long botId() {
        return directory.bot().id;
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

    /** Wakes the waiters; every change calls it, with the lock held. */
    private void changed() {
        notifyAll();
    }

    /** Wakes the waiters after a change outside this object (the gateway connected or closed). */
    synchronized void touch() {
        changed();
    }

    // ---------------------------------------------------------------- users, guilds, channels, roles

    synchronized UserRecord addUser(String name) {
        return directory.addUser(name);
    }

    synchronized void removeMember(long guildId, long userId) {
        directory.removeMember(guildId, userId);
    }

    synchronized UserRecord userRecord(long id) {
        return directory.userRecord(id);
    }

    synchronized void refuseDirectMessages(long userId, boolean refuse) {
        directory.refuseDirectMessages(userId, refuse);
    }

    synchronized List<GuildRecord> guildRecords() {
        return directory.guildRecords();
    }

    synchronized ChannelRecord channelRecord(long id) {
        return directory.channelRecord(id);
    }

    synchronized ChannelRecord dmChannel(long userId) {
        return directory.dmChannel(userId);
    }

    synchronized long createRole(long guildId, String name) {
        return roles.createRole(guildId, name);
    }

    synchronized Set<Long> memberRoles(long guildId, long userId) {
        return roles.memberRoles(guildId, userId);
    }

    // ---------------------------------------------------------------- gateway payloads

    synchronized ObjectNode readyPayload(String sessionId, String resumeUrl) {
        return directory.readyPayload(sessionId, resumeUrl);
    }

    synchronized List<ObjectNode> guildCreatePayloads() {
        return directory.guildCreatePayloads();
    }

    synchronized List<ObjectNode> memberChunks(long guildId, @Nullable String nonce) {
        return directory.memberChunks(guildId, nonce);
    }

    // ---------------------------------------------------------------- REST: users, channels, the guild, roles

    synchronized JsonNode selfUser() {
        return directory.selfUser();
    }

    synchronized JsonNode user(long id) {
        return directory.user(id);
    }

    synchronized JsonNode openDm(JsonNode body) {
        return directory.openDm(body);
    }

    synchronized JsonNode channel(long id) {
        return directory.channel(id);
    }

    synchronized JsonNode guild(long id) {
        return directory.guild(id);
    }

    synchronized JsonNode guildChannels(long guildId) {
        return directory.guildChannels(guildId);
    }

    synchronized JsonNode member(long guildId, long userId) {
        return directory.member(guildId, userId);
    }

    synchronized JsonNode guildRoles(long guildId) {
        return roles.guildRoles(guildId);
    }

    synchronized void changeMemberRole(long guildId, long userId, long roleId, boolean add) {
        roles.changeMemberRole(guildId, userId, roleId, add);
    }

    synchronized JsonNode modifyMember(long guildId, long userId, JsonNode body) {
        return roles.modifyMember(guildId, userId, body);
    }

    // ---------------------------------------------------------------- REST: channel messages

    synchronized JsonNode createChannelMessage(long channelId, RequestBody body) {
        return messages.createChannelMessage(channelId, body);
    }

    synchronized int nonceReplays() {
        return messages.nonceReplays();
    }

    synchronized JsonNode channelMessage(long channelId, long messageId) {
        return messages.channelMessage(channelId, messageId);
    }

    synchronized JsonNode editChannelMessage(long channelId, long messageId, RequestBody body) {
        return messages.editChannelMessage(channelId, messageId, body);
    }

    synchronized void deleteChannelMessage(long channelId, long messageId) {
        messages.deleteChannelMessage(channelId, messageId);
    }

    synchronized JsonNode history(long channelId, Map<String, String> query) {
        return messages.history(channelId, query);
    }

    // ---------------------------------------------------------------- REST: application commands

    synchronized JsonNode commands(long application, long guildId) {
        return commands.commands(application, guildId);
    }

    synchronized JsonNode command(long application, long guildId, long commandId) {
        return commands.command(application, guildId, commandId);
    }

    synchronized JsonNode overwriteCommands(long application, long guildId, JsonNode body) {
        return commands.overwriteCommands(application, guildId, body);
    }

    synchronized JsonNode upsertCommand(long application, long guildId, JsonNode body) {
        return commands.upsertCommand(application, guildId, body);
    }

    synchronized JsonNode editCommand(long application, long guildId, long commandId, JsonNode body) {
        return commands.editCommand(application, guildId, commandId, body);
    }

    synchronized void deleteCommand(long application, long guildId, long commandId) {
        commands.deleteCommand(application, guildId, commandId);
    }

    synchronized List<RegisteredCommand> registeredCommands() {
        return commands.registeredCommands();
    }

    // ---------------------------------------------------------------- interactions: users send

    // Each records an interaction and returns it; the caller dispatches its payload after the lock.

    /** See {@link ClientInteractions#commandInteraction}. */
    synchronized InteractionRecord commandInteraction(long userId, long channelId, String commandLine,
                                                      Map<String, ?> options, @Nullable String focused) {
        return client.commandInteraction(userId, channelId, commandLine, options, focused);
    }

    /** See {@link ClientInteractions#componentInteraction}. */
    synchronized InteractionRecord componentInteraction(long userId, long messageId, String customId, int componentType,
                                                        List<String> values, boolean checked) {
        return client.componentInteraction(userId, messageId, customId, componentType, values, checked);
    }

    /** See {@link ClientInteractions#modalSubmit}. */
    synchronized InteractionRecord modalSubmit(long userId, long openerId, Map<String, String> values) {
        return client.modalSubmit(userId, openerId, values);
    }

    // ---------------------------------------------------------------- REST: interaction callback and webhooks

    /** See {@link InteractionResponses#callback}. */
    synchronized Optional<JsonNode> callback(long interactionId, String token, RequestBody body, boolean withResponse) {
        return responses.callback(interactionId, token, body, withResponse);
    }

    synchronized JsonNode followup(long application, String token, RequestBody body) {
        return responses.followup(application, token, body);
    }

    synchronized JsonNode webhookMessage(long application, String token, String messageId) {
        return responses.webhookMessage(application, token, messageId);
    }

    synchronized JsonNode editWebhookMessage(long application, String token, String messageId, RequestBody body) {
        return responses.editWebhookMessage(application, token, messageId, body);
    }

    synchronized void deleteWebhookMessage(long application, String token, String messageId) {
        responses.deleteWebhookMessage(application, token, messageId);
    }

    // ---------------------------------------------------------------- what users see

    synchronized List<MessageEvent> messageEvents() {
        return messages.messageEvents();
    }

    synchronized List<MessageEvent> messageEventsSeenBy(long userId) {
        return messages.messageEventsSeenBy(userId);
    }

    synchronized MessageRecord messageSeenBy(long userId, long messageId) {
        return messages.messageSeenBy(userId, messageId);
    }

    synchronized SeenMessage seen(long messageId) {
        return messages.seen(messageId);
    }

    synchronized List<SeenMessage> seenBy(long userId) {
        return messages.seenBy(userId);
    }

    synchronized List<SeenMessage> channelHistory(long channelId) {
        return messages.channelHistory(channelId);
    }

    synchronized InteractionView interactionView(long interactionId) {
        return responses.interactionView(interactionId);
    }

    /** What a user's interaction got back, at one moment. */
    record InteractionView(int callbackType, Optional<Instant> acknowledgedAt, Optional<SeenMessage> original,
                           List<SeenMessage> followups, Optional<SeenModal> modal, List<String> choices, boolean failed) {
        @Override
        public String toString() {
            return "callback " + (callbackType == 0 ? "none" : callbackType) + (failed ? " (failed)" : "")
                    + ", original " + original.map(SeenMessage::toString).orElse("none") + ", followups " + followups
                    + modal.map(m -> ", modal " + m.customId()).orElse("")
                    + (choices.isEmpty() ? "" : ", choices " + choices);
        }
    }
}
