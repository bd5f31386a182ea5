package dev.matchwave.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A slash command's options as the Discord client sends them: the words of the command line
 * walked down the registered subcommand groups and subcommands, each value checked against the
 * registered option (type, choices, length, range, required) and typed as Discord types it.
 * Stateless; the caller holds the {@link DiscordState} lock.
 */
final class SlashCommandOptions {

    /** Looks up the users a user option names, as the interaction's {@code resolved} shows them. */
    interface Resolver {
        /** The user's JSON, if there is such a user. */
        Optional<ObjectNode> user(long id);

        /** His member JSON (without the user) in the interaction's guild, if it is in a guild he is in. */
        Optional<ObjectNode> member(long id);
    }

    private SlashCommandOptions() {
    }

    static ArrayNode build(CommandRecord command, String[] words, Map<String, ?> values, @Nullable String focused,
                           Resolver resolver, ObjectNode resolved) {
        ArrayNode top = Json.array();
        ArrayNode target = top;
        JsonNode definitions = command.json.path("options");
        String path = "/" + command.name;
        for (int i = 1; i < words.length; i++) {
            JsonNode nested = null;
            for (JsonNode definition : definitions) {
                int type = definition.path("type").asInt();
                if ((type == 1 || type == 2) && definition.path("name").asText().equals(words[i])) {
                    nested = definition;
                }
            }
            if (nested == null) {
                throw new IllegalArgumentException(path + " has no subcommand '" + words[i] + "'; it has "
                        + subcommandNames(definitions));
            }
            path = path + " " + words[i];
            ObjectNode level = target.addObject().put("type", nested.path("type").asInt()).put("name", words[i]);
            target = level.putArray("options");
            definitions = nested.path("options");
        }
        List<String> subcommands = subcommandNames(definitions);
        if (!subcommands.isEmpty()) {
            throw new IllegalArgumentException(path + " needs a subcommand: one of " + subcommands);
        }
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        definitions.forEach(d -> byName.put(d.path("name").asText(), d));
        for (String name : values.keySet()) {
            if (!byName.containsKey(name)) {
                throw new IllegalArgumentException(path + " has no option '" + name + "'; it has " + byName.keySet());
            }
        }
        if (focused != null && !values.containsKey(focused)) {
            throw new IllegalArgumentException("the focused option '" + focused + "' needs a value (what is typed so far)");
        }
        for (Map.Entry<String, JsonNode> entry : byName.entrySet()) {
            String name = entry.getKey();
            JsonNode definition = entry.getValue();
            Object value = values.get(name);
            if (value == null) {
                if (definition.path("required").asBoolean(false) && focused == null) {
                    throw new IllegalArgumentException(path + " needs option '" + name + "'");
                }
                continue;
            }
            ObjectNode option = target.addObject().put("name", name).put("type", definition.path("type").asInt());
            if (name.equals(focused)) {
                // What is typed so far, unchecked: Discord sends it as text.
                option.put("value", String.valueOf(value)).put("focused", true);
            } else {
                optionValue(path, definition, value, option, resolver, resolved);
            }
        }
        return top;
    }

    private static List<String> subcommandNames(JsonNode definitions) {
        List<String> names = new ArrayList<>();
        definitions.forEach(d -> {
            int type = d.path("type").asInt();
            if (type == 1 || type == 2) {
                names.add(d.path("name").asText());
            }
        });
        return names;
    }

    /** Checks a value the way the Discord client does (type, choices, ranges) and puts it in the option. */
    private static void optionValue(String path, JsonNode definition, Object value, ObjectNode option,
                                    Resolver resolver, ObjectNode resolved) {
        String name = path + " " + definition.path("name").asText();
        int type = definition.path("type").asInt();
        switch (type) {
            case 3 -> {
                if (!(value instanceof CharSequence)) {
                    throw new IllegalArgumentException(name + " takes text, got " + value.getClass().getSimpleName());
                }
                String text = value.toString();
                int min = definition.path("min_length").asInt(0);
                int max = definition.path("max_length").asInt(6000);
                if (text.length() < min || text.length() > max) {
                    throw new IllegalArgumentException(name + " takes " + min + " to " + max + " characters, got '" + text + "'");
                }
                option.put("value", text);
            }
            case 4 -> {
                if (!(value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte)) {
                    throw new IllegalArgumentException(name + " takes a whole number, got " + value);
                }
                long number = ((Number) value).longValue();
                checkRange(name, definition, number);
                option.put("value", number);
            }
            case 10 -> {
                if (!(value instanceof Number number)) {
                    throw new IllegalArgumentException(name + " takes a number, got " + value);
                }
                checkRange(name, definition, number.doubleValue());
                option.put("value", number.doubleValue());
            }
            case 5 -> {
                if (!(value instanceof Boolean flag)) {
                    throw new IllegalArgumentException(name + " takes true or false, got " + value);
                }
                option.put("value", flag);
            }
            case 6 -> {
                if (!(value instanceof Long || value instanceof Integer)) {
                    throw new IllegalArgumentException(name + " takes a user (an EmulatedUser or his id), got " + value);
                }
                long id = ((Number) value).longValue();
                ObjectNode user = resolver.user(id).orElseThrow(
                        () -> new IllegalArgumentException(name + ": no user " + value));
                option.put("value", Json.id(id));
                (resolved.path("users").isObject() ? (ObjectNode) resolved.get("users")
                        : resolved.putObject("users")).set(Json.id(id), user);
                resolver.member(id).ifPresent(member -> (resolved.path("members").isObject()
                        ? (ObjectNode) resolved.get("members") : resolved.putObject("members")).set(Json.id(id), member));
            }
            default -> throw new IllegalArgumentException(name + ": option type " + type
                    + " (channel, role, mentionable, attachment) is not emulated");
        }
        JsonNode choices = definition.path("choices");
        if (choices.isArray() && !choices.isEmpty()) {
            boolean listed = false;
            for (JsonNode choice : choices) {
                listed |= choice.path("value").asText().equals(option.path("value").asText());
            }
            if (!listed) {
                List<String> allowed = new ArrayList<>();
                choices.forEach(c -> allowed.add(c.path("value").asText()));
                throw new IllegalArgumentException(name + " takes one of " + allowed + ", got " + value);
            }
        }
    }

    private static void checkRange(String name, JsonNode definition, double number) {
        if (definition.has("min_value") && number < definition.get("min_value").asDouble()) {
            throw new IllegalArgumentException(name + " must be at least " + definition.get("min_value") + ", got " + number);
        }
        if (definition.has("max_value") && number > definition.get("max_value").asDouble()) {
            throw new IllegalArgumentException(name + " must be at most " + definition.get("max_value") + ", got " + number);
        }
    }
}
