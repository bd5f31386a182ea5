package dev.matchwave.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How the bot answers interactions: the callback (a reply, a deferral, an update, choices or a
 * modal), then followups and edits through the interaction's webhook token
 * (developers/interactions/receiving-and-responding); and what an interaction got back, as a
 * test reads it.
 *
 * <p>Not thread-safe on its own: guarded by {@link DiscordState}'s lock; callers hold it.
 */
final class InteractionResponses {

    private static final int EPHEMERAL = MessageRecord.EPHEMERAL;

    private final EmulatorConfig config;
    private final Snowflakes snowflakes;
    private final UsersAndChannels directory;
    private final InteractionStore interactions;
    private final MessageStore messages;
    private final Runnable changed;

    InteractionResponses(EmulatorConfig config, Snowflakes snowflakes, UsersAndChannels directory,
                         InteractionStore interactions, MessageStore messages, Runnable changed) {
        this.config = config;
        this.snowflakes = snowflakes;
        this.directory = directory;
        this.interactions = interactions;
        this.messages = messages;
        this.changed = changed;
    }

    private Instant now() {
        return config.clock().instant();
    }

    /**
     * POST interactions/{id}/{token}/callback (developers/interactions/receiving-and-responding).
     *
     * @return the callback response when {@code withResponse}, else empty (204)
     */
    Optional<JsonNode> callback(long interactionId, String token, RequestBody body, boolean withResponse) {
        InteractionRecord interaction = interactions.awaitingCallback(interactionId, token);
        JsonNode json = body.json();
        int type = json.path("type").asInt(-1);
        JsonNode data = json.path("data");
        checkCallbackType(interaction, type);
        MessageRecord message = null;
        switch (type) {
            case 4, 5 -> {
                boolean ephemeral = (data.path("flags").asInt(0) & EPHEMERAL) != 0;
                message = new MessageRecord(snowflakes.next(), interaction.channelId, directory.bot().id, now(),
                        interaction.type == InteractionRecord.COMMAND ? MessageRecord.TYPE_CHAT_INPUT_COMMAND
                                : MessageRecord.TYPE_DEFAULT,
                        interaction.id, ephemeral ? interaction.userId : 0);
                if (type == 4) {
                    MessageStore.apply(message, new RequestBody(data.isObject() ? data : Json.object(), body.fileNames()),
                            true);
                } else {
                    message.flags = MessageRecord.LOADING | (ephemeral ? EPHEMERAL : 0);
                }
                interaction.originalMessageId = message.id;
                messages.addInteractionMessage(message);
            }
            case 6 -> interaction.originalMessageId = interaction.sourceMessageId;
            case 7 -> {
                message = messages.findMessage(interaction.sourceMessageId);
                messages.edit(message, new RequestBody(data.isObject() ? data : Json.object(), body.fileNames()));
                interaction.originalMessageId = message.id;
            }
            case 8 -> interaction.choices = data.path("choices").isArray()
                    ? ((ArrayNode) data.get("choices")).deepCopy() : Json.array();
            case 9 -> interaction.modal = modal(data);
            default -> throw new IllegalStateException("unreachable: " + type);
        }
        interaction.callbackType = type;
        interaction.acknowledgedAt = now();
        changed.run();
        if (!withResponse) {
            return Optional.empty();
        }
        ObjectNode response = Json.object();
        ObjectNode about = response.putObject("interaction").put("id", Json.id(interaction.id)).put("type", interaction.type);
        if (interaction.originalMessageId != 0) {
            MessageRecord original = messages.findMessage(interaction.originalMessageId);
            about.put("response_message_id", Json.id(original.id)).put("response_message_loading", original.loading())
                    .put("response_message_ephemeral", original.ephemeral());
        }
        ObjectNode resource = response.putObject("resource").put("type", type);
        if (message != null) {
            resource.set("message", messages.json(message));
        }
        return Optional.of(response);
    }

    private static void checkCallbackType(InteractionRecord interaction, int type) {
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

    private static ObjectNode modal(JsonNode data) {
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

    // ---------------------------------------------------------------- REST: the webhook of an interaction

    JsonNode followup(long application, String token, RequestBody body) {
        InteractionRecord interaction = interactions.webhookInteraction(application, token);
        MessageRecord original = interaction.originalMessageId == 0 ? null
                : messages.findMessage(interaction.originalMessageId);
        if (interaction.callbackType == 5 && original != null && original.loading()) {
            // The first followup after a deferred reply replaces the "thinking" message, ephemeral or not as deferred.
            messages.edit(original, body);
            return messages.json(original);
        }
        boolean ephemeral = (body.json().path("flags").asInt(0) & EPHEMERAL) != 0;
        MessageRecord message = new MessageRecord(snowflakes.next(), interaction.channelId, directory.bot().id, now(),
                MessageRecord.TYPE_DEFAULT, interaction.id, ephemeral ? interaction.userId : 0);
        MessageStore.apply(message, body, true);
        interaction.followupIds.add(message.id);
        messages.addInteractionMessage(message);
        changed.run();
        return messages.json(message);
    }

    JsonNode webhookMessage(long application, String token, String messageId) {
        return messages.json(webhookMessageRecord(interactions.webhookInteraction(application, token), messageId));
    }

    JsonNode editWebhookMessage(long application, String token, String messageId, RequestBody body) {
        MessageRecord message = webhookMessageRecord(interactions.webhookInteraction(application, token), messageId);
        messages.edit(message, body);
        return messages.json(message);
    }

    void deleteWebhookMessage(long application, String token, String messageId) {
        messages.delete(webhookMessageRecord(interactions.webhookInteraction(application, token), messageId));
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
        MessageRecord message = messages.findMessage(id);
        if (message == null || message.deleted) {
            throw DiscordError.unknownMessage();
        }
        return message;
    }

    // ---------------------------------------------------------------- what a test reads

    DiscordState.InteractionView interactionView(long interactionId) {
        InteractionRecord interaction = interactions.interactionRecord(interactionId);
        Optional<SeenMessage> original = interaction.originalMessageId == 0 ? Optional.empty()
                : Optional.of(messages.seen(interaction.originalMessageId));
        List<SeenMessage> followups = interaction.followupIds.stream().map(messages::seen).toList();
        Optional<SeenModal> modal = Optional.ofNullable(interaction.modal).map(m -> Sightings.modal(interaction.id, m));
        List<String> choices = new ArrayList<>();
        if (interaction.choices != null) {
            interaction.choices.forEach(c -> choices.add(c.path("value").asText()));
        }
        boolean failed = !interaction.acknowledged() && interactions.pastDeadline(interaction);
        return new DiscordState.InteractionView(interaction.callbackType, Optional.ofNullable(interaction.acknowledgedAt),
                original, followups, modal, choices, failed);
    }
}
