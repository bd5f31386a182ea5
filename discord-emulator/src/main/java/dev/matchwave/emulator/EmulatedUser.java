package dev.matchwave.emulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A scripted Discord user: he runs slash commands, presses buttons, picks from selects and
 * submits modals (each goes to the bot as INTERACTION_CREATE over the gateway), and reads what
 * he sees: the bot's messages in his DM, in the guild's channels, and the ephemeral answers to
 * his interactions.
 *
 * <p>What a Discord client guarantees is checked: the command is registered and offered where
 * it is run, the options have the registered types, choices and ranges, the button or select
 * is on a message he sees and is enabled. {@link #sendComponentInteraction} skips the checks,
 * as a modified client could.
 *
 * <p>Thread-safe: many users may act from many threads. The actions return at once (the bot
 * answers asynchronously); the {@code await...} methods block until what is awaited is there
 * or the timeout passes, then throw an {@link EmulatorTimeoutException} that lists what he saw.
 */
public final class EmulatedUser {

    private final DiscordEmulator emulator;
    private final DiscordState state;
    private final long id;
    private final String name;
    private final List<UserInteraction> interactions = new ArrayList<>();

    EmulatedUser(DiscordEmulator emulator, DiscordState state, UserRecord record) {
        this.emulator = emulator;
        this.state = state;
        this.id = record.id;
        this.name = record.username;
    }

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** {@code <@id>}, as Discord writes a user mention. */
    public String mention() {
        return "<@" + id + ">";
    }

    /** His DM channel with the bot (the same one the bot opens with POST users/@me/channels). */
    public long directMessageChannelId() {
        return state.dmChannel(id).id;
    }

    /** Makes the bot's direct messages to him fail with 403 (50007), as when a user closes his DMs. */
    public void refuseDirectMessages(boolean refuse) {
        state.refuseDirectMessages(id, refuse);
    }

    // ---------------------------------------------------------------- acting

    /** Runs a slash command without options in his DM with the bot, e.g. {@code runCommand("queue")}. */
    public UserInteraction runCommand(String commandLine) {
        return runCommand(commandLine, Map.of());
    }

    /**
     * Runs a slash command in his DM with the bot.
     *
     * @param commandLine the command, then its subcommand group and subcommand: {@code "admin resolve"}
     * @param options     option name to value: String, Integer or Long, Double, Boolean, or an
     *                    {@link EmulatedUser} (or his id) for a user option
     */
    public UserInteraction runCommand(String commandLine, Map<String, ?> options) {
        return send(state.commandInteraction(id, directMessageChannelId(), commandLine, userIds(options), null));
    }

    /** Runs a slash command in a channel of the guild. */
    public UserInteraction runCommandIn(EmulatedChannel channel, String commandLine, Map<String, ?> options) {
        Objects.requireNonNull(channel, "channel");
        return send(state.commandInteraction(id, channel.id(), commandLine, userIds(options), null));
    }

    /**
     * Types into an autocomplete option (in his DM): the bot gets the autocomplete
     * interaction, and {@link UserInteraction#awaitChoices} returns what it offered.
     *
     * @param options the options filled so far, including the focused one with the text typed
     * @param focused the option being typed
     */
    public UserInteraction autocomplete(String commandLine, Map<String, ?> options, String focused) {
        Objects.requireNonNull(focused, "focused");
        return send(state.commandInteraction(id, directMessageChannelId(), commandLine, userIds(options), focused));
    }

    /** Presses the button with this label or custom id on a message he sees. */
    public UserInteraction press(SeenMessage message, String labelOrCustomId) {
        SeenMessage current = state.seen(message.id());
        SeenComponent.Button button = current.button(labelOrCustomId).orElseThrow(() -> new IllegalArgumentException(
                "message " + message.id() + " has no button '" + labelOrCustomId + "': " + current));
        String customId = button.customId().orElseThrow(() -> new IllegalArgumentException(
                "'" + labelOrCustomId + "' is a link button: it opens " + button.url().orElse("a URL")
                        + " and sends the bot nothing"));
        return send(state.componentInteraction(id, message.id(), customId, 2, List.of(), true));
    }

    /**
     * Picks values in a select menu on a message he sees.
     *
     * @param customIdOrPlaceholder the select
     * @param valuesOrLabels        the options picked, by value or label; user ids for a user select
     */
    public UserInteraction select(SeenMessage message, String customIdOrPlaceholder, List<String> valuesOrLabels) {
        SeenMessage current = state.seen(message.id());
        SeenComponent.Select select = current.select(customIdOrPlaceholder).orElseThrow(() -> new IllegalArgumentException(
                "message " + message.id() + " has no select '" + customIdOrPlaceholder + "': " + current));
        List<String> values = valuesOrLabels.stream()
                .map(v -> select.option(v).map(SeenComponent.Option::value).orElse(v)).toList();
        return send(state.componentInteraction(id, message.id(), select.customId(), select.type(), values, true));
    }

    /**
     * Presses the button {@code times} times at once, as a player clicking faster than the answers
     * come: every click is on the message as he sees it now (a real client sends the clicks it
     * took before the bot's first answer redrew the message).
     */
    public List<UserInteraction> pressAtOnce(SeenMessage message, String labelOrCustomId, int times) {
        SeenMessage current = state.seen(message.id());
        String customId = current.button(labelOrCustomId).flatMap(SeenComponent.Button::customId)
                .orElseThrow(() -> new IllegalArgumentException("message " + message.id() + " has no button '"
                        + labelOrCustomId + "' that sends the bot anything: " + current));
        List<UserInteraction> sent = new java.util.ArrayList<>(times);
        for (int i = 0; i < times; i++) {
            // Checked once, against the message as he sees it now: the bot's answer to the first
            // click may redraw it (disable the button) before the loop sends the next.
            sent.add(send(state.componentInteraction(id, message.id(), customId, 2, List.of(), i == 0)));
        }
        return sent;
    }

    /** Picks the same values in a select {@code times} times at once (see {@link #pressAtOnce}). */
    public List<UserInteraction> selectAtOnce(SeenMessage message, String customIdOrPlaceholder,
                                              List<String> valuesOrLabels, int times) {
        SeenMessage current = state.seen(message.id());
        SeenComponent.Select select = current.select(customIdOrPlaceholder).orElseThrow(() -> new IllegalArgumentException(
                "message " + message.id() + " has no select '" + customIdOrPlaceholder + "': " + current));
        List<String> values = valuesOrLabels.stream()
                .map(v -> select.option(v).map(SeenComponent.Option::value).orElse(v)).toList();
        List<UserInteraction> sent = new java.util.ArrayList<>(times);
        for (int i = 0; i < times; i++) {
            sent.add(send(state.componentInteraction(id, message.id(), select.customId(), select.type(), values,
                    i == 0)));
        }
        return sent;
    }

    /**
     * Submits a modal the bot opened for him.
     *
     * @param values text input custom id (or label) to the text typed, inputs left out stay empty;
     *               select custom id (or placeholder) to the picked option value or label (several
     *               separated by commas)
     */
    public UserInteraction submitModal(SeenModal modal, Map<String, String> values) {
        Objects.requireNonNull(modal, "modal");
        Map<String, String> byCustomId = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            Optional<SeenComponent.Select> select = modal.select(key);
            if (select.isPresent()) {
                // One option (its value or label, which may hold a comma), else several, comma-separated.
                Optional<SeenComponent.Option> whole = select.get().option(value);
                List<String> picked = new ArrayList<>();
                if (whole.isPresent()) {
                    picked.add(whole.get().value());
                } else {
                    for (String one : value.isEmpty() ? new String[0] : value.split(",")) {
                        picked.add(select.get().option(one).map(SeenComponent.Option::value).orElse(one));
                    }
                }
                byCustomId.put(select.get().customId(), String.join(",", picked));
            } else {
                byCustomId.put(modal.input(key).map(SeenComponent.TextInput::customId).orElse(key), value);
            }
        });
        return send(state.modalSubmit(id, modal.interactionId(), byCustomId));
    }

    /**
     * Sends a component interaction without the client's checks: a custom id that is not on
     * the message, a disabled or foreign component, values that are not options, a message
     * he does not see. For tests of what a bot does with input a normal client never sends.
     *
     * @param componentType 2 button, 3 string select, 5 user select ...
     */
    public UserInteraction sendComponentInteraction(SeenMessage message, String customId, int componentType,
                                                    List<String> values) {
        return send(state.componentInteraction(id, message.id(), customId, componentType, List.copyOf(values), false));
    }

    private UserInteraction send(InteractionRecord record) {
        UserInteraction interaction = new UserInteraction(state, this, record);
        synchronized (interactions) {
            interactions.add(interaction);
        }
        emulator.dispatchInteraction(record);
        return interaction;
    }

    private static Map<String, ?> userIds(Map<String, ?> options) {
        Map<String, Object> converted = new LinkedHashMap<>();
        options.forEach((key, value) -> converted.put(key, value instanceof EmulatedUser user ? user.id() : value));
        return converted;
    }

    // ---------------------------------------------------------------- seeing

    /** Every message he sees now, oldest first: his DM, the guild's channels, his ephemeral answers. */
    public List<SeenMessage> messages() {
        return state.seenBy(id);
    }

    /** The bot's messages in his DM channel's history, oldest first (ephemeral answers are not in history). */
    public List<SeenMessage> directMessages() {
        long channel = directMessageChannelId();
        return messages().stream().filter(m -> m.channelId() == channel && !m.ephemeral()).toList();
    }

    /** The latest state of a message he sees. */
    public SeenMessage message(long messageId) {
        state.messageSeenBy(id, messageId);
        return state.seen(messageId);
    }

    /** Every change to a message he sees (created, edited, deleted), oldest first, each with the message then. */
    public List<MessageEvent> messageEvents() {
        return state.messageEventsSeenBy(id);
    }

    /** His interactions, in the order he sent them. */
    public List<UserInteraction> interactions() {
        synchronized (interactions) {
            return List.copyOf(interactions);
        }
    }

    /** Waits until he sees a message that matches (new, or an edit of one he saw). */
    public SeenMessage awaitMessage(Predicate<SeenMessage> condition, Duration timeout) {
        Objects.requireNonNull(condition, "condition");
        return await("a message that matches", user -> user.messages().stream().filter(condition).findFirst(), timeout);
    }

    /** Waits until a message in his DM history matches. */
    public SeenMessage awaitDirectMessage(Predicate<SeenMessage> condition, Duration timeout) {
        Objects.requireNonNull(condition, "condition");
        return await("a direct message that matches", user -> user.directMessages().stream().filter(condition).findFirst(),
                timeout);
    }

    /**
     * Waits until {@code probe} finds something in what he sees; the probe runs after every
     * change in the emulator.
     *
     * @param description what is awaited, for the timeout's message
     */
    public <T> T await(String description, Function<EmulatedUser, Optional<T>> probe, Duration timeout) {
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(timeout, "timeout");
        return state.await(() -> probe.apply(this), timeout, description + " for " + name,
                () -> name + " sees " + messages().stream().map(SeenMessage::toString).toList());
    }

    @Override
    public String toString() {
        return "EmulatedUser[" + name + " " + id + "]";
    }
}
