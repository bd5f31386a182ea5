package dev.matchwave.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Predicate;

/**
 * One interaction a scripted user sent (a command, a click, a choice, a modal), and what the
 * bot answered: the callback, the original response, followups, a modal, autocomplete choices.
 *
 * <p>Reads are live (each call looks at the emulator now); the {@code await...} methods block
 * the calling thread until the answer is there or the timeout passes, then throw an
 * {@link EmulatorTimeoutException} saying what the interaction got. Thread-safe.
 */
public final class UserInteraction {

    /** Discord's interaction types. */
    public enum Kind {
        /** A slash command (type 2). */
        COMMAND,
        /** A button or select (type 3). */
        COMPONENT,
        /** Autocomplete of a command option (type 4). */
        AUTOCOMPLETE,
        /** A modal's submission (type 5). */
        MODAL_SUBMIT;

        static Kind of(int type) {
            return switch (type) {
                case InteractionRecord.COMMAND -> COMMAND;
                case InteractionRecord.COMPONENT -> COMPONENT;
                case InteractionRecord.AUTOCOMPLETE -> AUTOCOMPLETE;
                case InteractionRecord.MODAL_SUBMIT -> MODAL_SUBMIT;
                default -> throw new IllegalArgumentException("interaction type " + type);
            };
        }
    }

    private final DiscordState state;
    private final EmulatedUser user;
    private final long id;
    private final String token;
    private final Kind kind;
    private final String name;
    private final Instant createdAt;

    UserInteraction(DiscordState state, EmulatedUser user, InteractionRecord record) {
        this.state = state;
        this.user = user;
        this.id = record.id;
        this.token = record.token;
        this.kind = Kind.of(record.type);
        this.name = record.name;
        this.createdAt = record.createdAt;
    }

    public long id() {
        return id;
    }

    public String token() {
        return token;
    }

    public Kind kind() {
        return kind;
    }

    /** The command line ({@code admin resolve}) or the custom id used. */
    public String name() {
        return name;
    }

    /** The user who sent it. */
    public EmulatedUser user() {
        return user;
    }

    /** When it was sent, on the emulator's clock (its id says the same). */
    public Instant createdAt() {
        return createdAt;
    }

    /** The bot's callback type (4 message, 5 deferred, 6 deferred update, 7 update, 8 choices, 9 modal), if it answered. */
    public OptionalInt callbackType() {
        int type = state.interactionView(id).callbackType();
        return type == 0 ? OptionalInt.empty() : OptionalInt.of(type);
    }

    /** When the bot's first answer arrived, on the emulator's clock: minus {@link #createdAt()}, its response time. */
    public Optional<Instant> acknowledgedAt() {
        return state.interactionView(id).acknowledgedAt();
    }

    /** Whether the bot missed the deadline for its first answer: the user sees "This interaction failed". */
    public boolean failed() {
        return state.interactionView(id).failed();
    }

    /**
     * The original response: the reply (callback 4, or 5 once edited), or for a click the
     * message it updated (callback 6 or 7); empty before the bot answered.
     */
    public Optional<SeenMessage> response() {
        return state.interactionView(id).original();
    }

    /** The followup messages, in order. */
    public List<SeenMessage> followups() {
        return state.interactionView(id).followups();
    }

    /** The modal the bot opened, if it did. */
    public Optional<SeenModal> modal() {
        return state.interactionView(id).modal();
    }

    /** The autocomplete choices' values the bot offered. */
    public List<String> choices() {
        return state.interactionView(id).choices();
    }

    /** Waits for the bot's first answer (any callback) and returns its type. */
    public int awaitCallback(Duration timeout) {
        return await("a callback", v -> v.callbackType() == 0 ? Optional.empty() : Optional.of(v.callbackType()), timeout);
    }

    /** Waits for a response that is not "thinking" any more. */
    public SeenMessage awaitResponse(Duration timeout) {
        return awaitResponse(m -> true, timeout);
    }

    /** Waits until the response (not "thinking") matches, e.g. after an edit. */
    public SeenMessage awaitResponse(Predicate<SeenMessage> condition, Duration timeout) {
        Objects.requireNonNull(condition, "condition");
        return await("a response that matches", v -> v.original().filter(m -> !m.loading() && condition.test(m)), timeout);
    }

    /** Waits for a followup that matches. */
    public SeenMessage awaitFollowup(Predicate<SeenMessage> condition, Duration timeout) {
        Objects.requireNonNull(condition, "condition");
        return await("a followup that matches", v -> v.followups().stream().filter(condition).findFirst(), timeout);
    }

    /** Waits for the bot to open a modal. */
    public SeenModal awaitModal(Duration timeout) {
        return await("a modal", DiscordState.InteractionView::modal, timeout);
    }

    /** Waits for autocomplete choices. */
    public List<String> awaitChoices(Duration timeout) {
        return await("autocomplete choices", v -> v.callbackType() == 8 ? Optional.of(v.choices()) : Optional.empty(),
                timeout);
    }

    /** Submits the modal the bot opened (waiting for it up to {@code timeout}); values by text input custom id or label. */
    public UserInteraction submitModal(Map<String, String> values, Duration timeout) {
        return user.submitModal(awaitModal(timeout), values);
    }

    private <T> T await(String what, java.util.function.Function<DiscordState.InteractionView, Optional<T>> probe,
                        Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        return state.await(() -> probe.apply(state.interactionView(id)), timeout,
                what + " to " + user.name() + "'s " + kind + " '" + name + "' (" + id + ")",
                () -> "it got: " + state.interactionView(id));
    }

    @Override
    public String toString() {
        return "UserInteraction[" + user.name() + " " + kind + " '" + name + "' " + id + "]";
    }
}
