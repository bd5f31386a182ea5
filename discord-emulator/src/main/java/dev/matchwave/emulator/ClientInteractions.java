package dev.matchwave.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a user's Discord client sends: a slash command or its autocomplete, a click on a button,
 * a choice in a select, a modal submitted; each checked as the client would check it, then
 * recorded as an interaction for the gateway to dispatch.
 *
 * <p>Not thread-safe on its own: guarded by {@link DiscordState}'s lock; callers hold it.
 */
final class ClientInteractions {

    private final UsersAndChannels directory;
    private final CommandRegistry commands;
    private final InteractionStore interactions;
    private final MessageStore messages;

    ClientInteractions(UsersAndChannels directory, CommandRegistry commands, InteractionStore interactions,
                       MessageStore messages) {
        this.directory = directory;
        this.commands = commands;
        this.interactions = interactions;
        this.messages = messages;
    }

    /**
     * A slash command (or, with {@code focused}, its autocomplete) as the Discord client would
     * send it: the options typed and checked against the registered definition.
     *
     * @param commandLine the command and its subcommand group and subcommand, e.g. {@code admin resolve}
     * @param options     option name to value: String, Number, Boolean, or a user id for a user option
     * @param focused     the option being typed, for an autocomplete; null for the command itself
     */
    InteractionRecord commandInteraction(long userId, long channelId, String commandLine, Map<String, ?> options,
                                         @Nullable String focused) {
        ChannelRecord channel = directory.channelRecord(channelId);
        String[] words = commandLine.trim().replaceFirst("^/", "").split("\\s+");
        CommandRecord command = commands.commandNamed(words[0], channel.guildId).orElseThrow(
                () -> new IllegalArgumentException("no command /" + words[0] + " is registered; registered: "
                        + commands.slashCommandNames()));
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
        return interactions.newInteraction(type, userId, channelId, String.join(" ", words), 0, data, null);
    }

    private SlashCommandOptions.Resolver resolver(ChannelRecord channel) {
        return new SlashCommandOptions.Resolver() {
            @Override
            public Optional<ObjectNode> user(long id) {
                return Optional.ofNullable(directory.findUser(id)).map(Payloads::user);
            }

            @Override
            public Optional<ObjectNode> member(long id) {
                GuildRecord guild = channel.guildId == 0 ? null : directory.findGuild(channel.guildId);
                if (guild == null || !guild.members.containsKey(id)) {
                    return Optional.empty();
                }
                ObjectNode member = Payloads.member(guild, directory.findUser(id), false);
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
    InteractionRecord componentInteraction(long userId, long messageId, String customId, int componentType,
                                           List<String> values, boolean checked) {
        MessageRecord message = checked ? messages.messageSeenBy(userId, messageId) : messages.findMessage(messageId);
        if (message == null) {
            throw new IllegalArgumentException("no message " + messageId);
        }
        SeenMessage seen = messages.seen(message.id);
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
        return interactions.newInteraction(InteractionRecord.COMPONENT, userId, message.channelId, customId, message.id,
                data, messages.json(message));
    }

    /**
     * The submission of a modal the bot opened.
     *
     * @param values text input custom id to its value
     */
    InteractionRecord modalSubmit(long userId, long openerId, Map<String, String> values) {
        InteractionRecord opener = interactions.interactionRecord(openerId);
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
        ObjectNode message = opener.sourceMessageId == 0 ? null : messages.messagePayload(opener.sourceMessageId);
        return interactions.newInteraction(InteractionRecord.MODAL_SUBMIT, userId, opener.channelId,
                modal.path("custom_id").asText(), opener.sourceMessageId, data, message);
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
}
