package dev.matchwave.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Turns Discord's JSON into what a user sees ({@link SeenMessage}, {@link SeenModal}). Stateless. */
final class Sightings {

    private static final String[] BUTTON_STYLES = {"", "PRIMARY", "SECONDARY", "SUCCESS", "DANGER", "LINK", "PREMIUM"};

    private Sightings() {
    }

    static SeenMessage message(MessageRecord message, ObjectNode json) {
        List<SeenEmbed> embeds = new ArrayList<>();
        message.embeds.forEach(e -> embeds.add(embed(e)));
        List<SeenComponent> components = new ArrayList<>();
        flatten(message.components, components, Optional.empty());
        return new SeenMessage(message.id, message.channelId, message.authorId, message.content, embeds, components,
                message.ephemeral(), message.loading(),
                message.interactionId == 0 ? OptionalLong.empty() : OptionalLong.of(message.interactionId),
                message.revision, message.deleted, message.createdAt, Optional.ofNullable(message.editedAt),
                message.attachments, Json.write(json));
    }

    static SeenModal modal(long interactionId, ObjectNode modal) {
        List<SeenComponent> components = new ArrayList<>();
        flatten(modal.path("components"), components, Optional.empty());
        return new SeenModal(interactionId, modal.path("custom_id").asText(), modal.path("title").asText(), components,
                Json.write(modal));
    }

    static SeenEmbed embed(JsonNode embed) {
        List<SeenEmbed.Field> fields = new ArrayList<>();
        embed.path("fields").forEach(f -> fields.add(new SeenEmbed.Field(f.path("name").asText(), f.path("value").asText(),
                f.path("inline").asBoolean(false))));
        return new SeenEmbed(text(embed, "title"), text(embed, "description"), text(embed, "url"),
                embed.hasNonNull("color") ? OptionalInt.of(embed.get("color").asInt()) : OptionalInt.empty(), fields,
                text(embed.path("footer"), "text"), text(embed.path("author"), "name"));
    }

    /** Interactive components and text, layout dropped; a label's text goes to the input inside it. */
    private static void flatten(JsonNode components, List<SeenComponent> out, Optional<String> label) {
        for (JsonNode component : components) {
            int id = component.path("id").asInt(0);
            switch (component.path("type").asInt()) {
                case 1, 9, 17 -> {
                    // action row, section (its accessory is a button or thumbnail), container
                    flatten(component.path("components"), out, label);
                    if (component.has("accessory")) {
                        flatten(Json.array().add(component.get("accessory")), out, label);
                    }
                }
                case 18 -> flatten(Json.array().add(component.path("component")), out,
                        Optional.of(component.path("label").asText()));
                case 2 -> {
                    int style = component.path("style").asInt(1);
                    out.add(new SeenComponent.Button(id, text(component, "custom_id"), component.path("label").asText(""),
                            style > 0 && style < BUTTON_STYLES.length ? BUTTON_STYLES[style] : Integer.toString(style),
                            component.path("disabled").asBoolean(false), text(component, "url"),
                            text(component.path("emoji"), "name")));
                }
                case 3, 5, 6, 7, 8 -> {
                    List<SeenComponent.Option> options = new ArrayList<>();
                    component.path("options").forEach(o -> options.add(new SeenComponent.Option(o.path("label").asText(),
                            o.path("value").asText(), o.path("description").asText(""), o.path("default").asBoolean(false))));
                    out.add(new SeenComponent.Select(id, component.path("type").asInt(), component.path("custom_id").asText(),
                            component.path("placeholder").asText(""), options, component.path("min_values").asInt(1),
                            component.path("max_values").asInt(1), component.path("disabled").asBoolean(false)));
                }
                case 4 -> out.add(new SeenComponent.TextInput(id, component.path("custom_id").asText(),
                        label.orElse(component.path("label").asText("")), component.path("style").asInt(1),
                        component.path("required").asBoolean(true), component.path("value").asText(""),
                        component.path("min_length").asInt(0), component.path("max_length").asInt(4000),
                        component.path("placeholder").asText("")));
                case 10 -> out.add(new SeenComponent.Text(id, component.path("content").asText("")));
                default -> {
                    // media, files, separators, thumbnails: nothing a scripted user reads or uses
                }
            }
        }
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }
}
