package dev.matchwave.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;

/**
 * Discord's limits on a message (developers/resources/message, /channel#embed-limits,
 * /components): what Discord would refuse with 400 is refused here too, so a bot that would
 * fail in production fails in its tests.
 */
final class MessageRules {

    private MessageRules() {
    }

    static void check(MessageRecord message, boolean create, int componentsV2Flag) {
        boolean v2 = (message.flags & componentsV2Flag) != 0;
        if (message.content.length() > 2000) {
            throw DiscordError.invalidField("content", "BASE_TYPE_MAX_LENGTH", "Must be 2000 or fewer in length.");
        }
        if (message.embeds.size() > 10) {
            throw DiscordError.invalidField("embeds", "BASE_TYPE_MAX_LENGTH", "Must be 10 or fewer in length.");
        }
        int total = 0;
        for (int i = 0; i < message.embeds.size(); i++) {
            total += checkEmbed(message.embeds.get(i), "embeds." + i);
        }
        if (total > 6000) {
            throw DiscordError.invalidField("embeds", "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of 6000");
        }
        if (v2 && (!message.content.isEmpty() || !message.embeds.isEmpty())) {
            throw DiscordError.invalidField("content", "MESSAGE_CONTENT_WITH_COMPONENTS_V2",
                    "content and embeds cannot be used with the IS_COMPONENTS_V2 flag");
        }
        if (!v2 && message.components.size() > 5) {
            throw DiscordError.invalidField("components", "BASE_TYPE_MAX_LENGTH", "Must be 5 or fewer in length.");
        }
        Set<String> customIds = new HashSet<>();
        checkComponents(message.components, "components", customIds);
        if (create && message.content.isEmpty() && message.embeds.isEmpty() && message.components.isEmpty()
                && message.attachments.isEmpty() && !message.loading()) {
            throw new DiscordError(400, 50006, "Cannot send an empty message");
        }
    }

    private static int checkEmbed(JsonNode embed, String at) {
        int size = 0;
        size += length(embed, "title", 256, at);
        size += length(embed, "description", 4096, at);
        size += length(embed.path("footer"), "text", 2048, at + ".footer");
        size += length(embed.path("author"), "name", 256, at + ".author");
        JsonNode fields = embed.path("fields");
        if (fields.size() > 25) {
            throw DiscordError.invalidField(at + ".fields", "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
        }
        for (int i = 0; i < fields.size(); i++) {
            size += length(fields.get(i), "name", 256, at + ".fields." + i);
            size += length(fields.get(i), "value", 1024, at + ".fields." + i);
            if (fields.get(i).path("name").asText("").isEmpty() || fields.get(i).path("value").asText("").isEmpty()) {
                throw DiscordError.invalidField(at + ".fields." + i, "BASE_TYPE_REQUIRED", "A field needs a name and a value.");
            }
        }
        return size;
    }

    private static int length(JsonNode node, String field, int max, String at) {
        int length = node.path(field).asText("").length();
        if (length > max) {
            throw DiscordError.invalidField(at + "." + field, "BASE_TYPE_MAX_LENGTH", "Must be " + max + " or fewer in length.");
        }
        return length;
    }

    private static void checkComponents(JsonNode components, String at, Set<String> customIds) {
        for (int i = 0; i < components.size(); i++) {
            JsonNode component = components.get(i);
            String here = at + "." + i;
            int type = component.path("type").asInt();
            if (type == 1) {
                JsonNode children = component.path("components");
                if (children.isEmpty() || children.size() > 5) {
                    throw DiscordError.invalidField(here + ".components", "BASE_TYPE_BAD_LENGTH",
                            "Must be between 1 and 5 in length.");
                }
                boolean select = false;
                for (JsonNode child : children) {
                    int childType = child.path("type").asInt();
                    select |= childType == 3 || (childType >= 5 && childType <= 8);
                }
                if (select && children.size() > 1) {
                    throw DiscordError.invalidField(here + ".components", "COMPONENT_LAYOUT_WIDTH_EXCEEDED",
                            "A select menu takes a whole action row.");
                }
            }
            if (component.has("custom_id")) {
                String customId = component.path("custom_id").asText("");
                if (customId.isEmpty() || customId.length() > 100) {
                    throw DiscordError.invalidField(here + ".custom_id", "BASE_TYPE_BAD_LENGTH",
                            "Must be between 1 and 100 in length.");
                }
                if (!customIds.add(customId)) {
                    throw DiscordError.invalidField(here + ".custom_id", "COMPONENT_CUSTOM_ID_DUPLICATED",
                            "Component custom id cannot be duplicated: " + customId);
                }
            }
            if (type == 2) {
                length(component, "label", 80, here);
                if (component.path("style").asInt() == 5 ? !component.has("url") : !component.has("custom_id")) {
                    throw DiscordError.invalidField(here, "BUTTON_COMPONENT_INVALID",
                            "A link button needs a url; any other button a custom_id.");
                }
            }
            if (type == 3) {
                JsonNode options = component.path("options");
                if (options.isEmpty() || options.size() > 25) {
                    throw DiscordError.invalidField(here + ".options", "BASE_TYPE_BAD_LENGTH",
                            "Must be between 1 and 25 in length.");
                }
                for (int o = 0; o < options.size(); o++) {
                    length(options.get(o), "label", 100, here + ".options." + o);
                    length(options.get(o), "value", 100, here + ".options." + o);
                }
            }
            if (component.has("components")) {
                checkComponents(component.get("components"), here + ".components", customIds);
            }
            if (component.has("accessory")) {
                checkComponents(Json.array().add(component.get("accessory")), here + ".accessory", customIds);
            }
        }
    }
}
