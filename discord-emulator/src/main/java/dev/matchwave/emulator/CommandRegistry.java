package dev.matchwave.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The application commands the bot registered, global and per guild, and the REST routes that
 * list, overwrite, create, edit and delete them (developers/interactions/application-commands).
 *
 * <p>Not thread-safe on its own: guarded by {@link DiscordState}'s lock; callers hold it.
 */
final class CommandRegistry {

    private final UsersAndChannels directory;
    private final Snowflakes snowflakes;
    private final Runnable changed;
    private final Map<Long, CommandRecord> commands = new LinkedHashMap<>();

    CommandRegistry(UsersAndChannels directory, Snowflakes snowflakes, Runnable changed) {
        this.directory = directory;
        this.snowflakes = snowflakes;
        this.changed = changed;
    }

    // ---------------------------------------------------------------- REST

    JsonNode commands(long application, long guildId) {
        requireApplication(application, guildId);
        ArrayNode list = Json.array();
        commands.values().stream().filter(c -> c.guildId == guildId).forEach(c -> list.add(c.json.deepCopy()));
        return list;
    }

    JsonNode command(long application, long guildId, long commandId) {
        requireApplication(application, guildId);
        return existingCommand(guildId, commandId).json.deepCopy();
    }

    /** PUT: the whole list replaced; a command keeps its id when its name and type stay (Discord does the same). */
    JsonNode overwriteCommands(long application, long guildId, JsonNode body) {
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
        changed.run();
        ArrayNode list = Json.array();
        fresh.forEach(c -> list.add(c.json.deepCopy()));
        return list;
    }

    JsonNode upsertCommand(long application, long guildId, JsonNode body) {
        requireApplication(application, guildId);
        Optional<CommandRecord> previous = commands.values().stream()
                .filter(c -> c.guildId == guildId && c.name.equals(body.path("name").asText())
                        && c.type == body.path("type").asInt(1))
                .findFirst();
        CommandRecord command = commandRecord(body, guildId, previous.map(c -> c.id).orElseGet(snowflakes::next), "");
        commands.put(command.id, command);
        changed.run();
        return command.json.deepCopy();
    }

    JsonNode editCommand(long application, long guildId, long commandId, JsonNode body) {
        requireApplication(application, guildId);
        CommandRecord existing = existingCommand(guildId, commandId);
        ObjectNode merged = existing.json.deepCopy();
        if (!body.isObject()) {
            throw DiscordError.invalidField("_root", "BASE_TYPE_OBJECT", "Must be an object");
        }
        merged.setAll((ObjectNode) body.deepCopy());
        CommandRecord command = commandRecord(merged, guildId, commandId, "");
        commands.put(command.id, command);
        changed.run();
        return command.json.deepCopy();
    }

    void deleteCommand(long application, long guildId, long commandId) {
        requireApplication(application, guildId);
        commands.remove(existingCommand(guildId, commandId).id);
        changed.run();
    }

    private CommandRecord existingCommand(long guildId, long commandId) {
        CommandRecord command = commands.get(commandId);
        if (command == null || command.guildId != guildId) {
            throw new DiscordError(404, 10063, "Unknown application command");
        }
        return command;
    }

    private void requireApplication(long application, long guildId) {
        if (application != directory.applicationId()) {
            throw new DiscordError(403, 50001, "Missing Access");
        }
        if (guildId != 0 && directory.findGuild(guildId) == null) {
            throw new DiscordError(404, 10004, "Unknown Guild");
        }
    }

    /** A command as Discord stores it, after Discord's checks on its name, description and options. */
    private CommandRecord commandRecord(JsonNode data, long guildId, long id, String index) {
        if (!data.isObject()) {
            throw DiscordError.invalidField(index.isEmpty() ? "_root" : index, "BASE_TYPE_OBJECT", "Must be an object");
        }
        String prefix = index.isEmpty() ? "" : index + ".";
        int type = data.path("type").asInt(1);
        String name = data.path("name").asText("");
        if (!name.matches("[-_\\p{L}\\p{N}]{1,32}") || (type == 1 && !name.equals(name.toLowerCase(Locale.ROOT)))) {
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
        json.put("id", Json.id(id)).put("application_id", Json.id(directory.applicationId()))
                .put("version", Json.id(snowflakes.next())).put("type", type);
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

    // ---------------------------------------------------------------- what users see

    /** The command a user would see under {@code name}: the guild's own first, then the global one. */
    Optional<CommandRecord> commandNamed(String name, long guildId) {
        return commands.values().stream()
                .filter(c -> c.type == 1 && c.name.equals(name) && (c.guildId == 0 || c.guildId == guildId))
                .min(Comparator.comparingInt(c -> c.guildId == 0 ? 1 : 0));
    }

    /** Every slash command's name, as a user types it ("/queue"), sorted, once each. */
    List<String> slashCommandNames() {
        return commands.values().stream().filter(c -> c.type == 1).map(c -> "/" + c.name).distinct().sorted().toList();
    }

    List<RegisteredCommand> registeredCommands() {
        return commands.values().stream().map(c -> new RegisteredCommand(c.id,
                c.guildId == 0 ? OptionalLong.empty() : OptionalLong.of(c.guildId), c.name, c.type,
                Json.write(c.json))).toList();
    }
}
