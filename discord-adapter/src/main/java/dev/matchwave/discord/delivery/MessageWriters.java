package dev.matchwave.discord.delivery;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.notification.dispatch.SendResult;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one writer of every message the bot may change after sending it: a player's "match found"
 * and his match message. Whoever changes what such a message should show (a wave, a lifecycle
 * event, the player's own click, a retry) calls {@link #change}; nobody sends to the message
 * directly.
 *
 * <p>The guarantee: <b>a later state is never overwritten by an earlier one</b>. Per message:
 * <ul>
 *   <li>every change gets the next <em>version</em>; a request carries the version it was
 *       rendered for, and it is rendered from the current state when the writer starts it, not
 *       when the change was booked;</li>
 *   <li>at most one request per message is <em>out</em> (left for Discord, answer not back) at a
 *       time; the next request starts only when its answer is back, so Discord applies a
 *       message's requests in the order they were rendered, whichever lane they took;</li>
 *   <li>a request that is still waiting (in a rate-limit lane, not out yet) when a newer change
 *       comes is abandoned: the transport asks {@code leaving} at the last moment before it sends,
 *       and the writer answers no; the newer state is rendered and sent in its place.</li>
 * </ul>
 * The "leaving" question is answered under the message's lock, so a request either left before
 * the change (and the change waits for its answer) or never leaves.
 *
 * <p>Routes: a change may bring an interaction of the player on this message (his click): its
 * token reaches the message through {@code PATCH .../messages/@original}, an interaction route,
 * exempt from the global limit, for {@link #tokenWindow} after the interaction. The writer uses
 * the freshest live token; otherwise the channel message (a global-limit route); otherwise, when
 * the change allows it, it creates the message (a direct message) and remembers where it landed.
 * An interaction route that fails is given up for the channel route; a channel message that is
 * gone is sent anew when creating is allowed.
 *
 * <p>A change's stage completes when a version at least as new as the change has landed
 * ({@link SendResult#sent()}), or with the failure that stopped the writer; nothing is retried
 * here beyond the route fall-backs above: the caller (the dispatcher) owns retries.
 *
 * <p>Thread-safe: each message's state is guarded by its own lock; renders (which may block on
 * the database) and sends run on the executor; {@link #change} never blocks.
 *
 * @param <C> the rendered content (a JDA message in the bot, anything in tests)
 */
public final class MessageWriters<C> {

    private static final Logger LOG = LoggerFactory.getLogger(MessageWriters.class);

    /** Which of a player's messages of a match. */
    public enum Kind {
        /** "Match found" with Confirm and Abort: his searching response, edited (or a DM when none was live). */
        MATCH_FOUND,
        /** The match message in his DM: opponent, then map, server and the result controls. */
        MATCH_MESSAGE
    }

    /** One message: a player's message of a kind for a match. */
    public record Key(PlayerId player, long matchId, Kind kind) {
        public Key {
            Objects.requireNonNull(player, "player");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** Where a request goes. */
    public sealed interface Target permits Interaction, ChannelMessage, NewMessage {
    }

    /**
     * An interaction whose {@code @original} is the message: the searching response's token, or
     * the token of a click on the message. Usable for {@link #tokenWindow} after {@code created}.
     */
    public record Interaction(String token, Instant created) implements Target {
        public Interaction {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(created, "created");
        }
    }

    /** The message in a channel (a DM): edited through the channel route. */
    public record ChannelMessage(long channelId, long messageId) implements Target {
    }

    /** No message yet: create it in the player's DM. */
    public record NewMessage(PlayerId player) implements Target {
        public NewMessage {
            Objects.requireNonNull(player, "player");
        }
    }

    /** How a request ended. */
    public sealed interface Landing permits Landing.Landed, Landing.Failed {
        /** Discord applied it; {@code created} names the message when the request created it. */
        record Landed(Optional<ChannelMessage> created) implements Landing {
            public Landed {
                Objects.requireNonNull(created, "created");
            }
        }

        /** It did not apply (also: it never left because the writer said no). */
        record Failed(SendResult failure) implements Landing {
            public Failed {
                Objects.requireNonNull(failure, "failure");
            }
        }

        static Landing landed() {
            return new Landed(Optional.empty());
        }
    }

    /** Makes a request. Must not block; {@code leaving} is asked right before it is sent (false: do not send). */
    @FunctionalInterface
    public interface Transport<C> {
        CompletionStage<Landing> send(Key key, Target target, C content, BooleanSupplier leaving);
    }

    /** Renders what the message shows now; empty leaves it as it is. May block (reads the ladder). */
    @FunctionalInterface
    public interface Render<C> {
        Optional<C> render();
    }

    /** Discord keeps a token 15 minutes; a minute of margin so that no request uses a dying one. */
    public static final Duration DEFAULT_TOKEN_WINDOW = Duration.ofMinutes(14);

    private final Transport<C> transport;
    private final java.util.function.Function<Kind, Executor> executors;
    private final InstantSource clock;
    private final Duration tokenWindow;
    private final ConcurrentMap<Key, Slot> slots = new ConcurrentHashMap<>();

    /**
     * @param transport   makes the requests
     * @param executor    runs renders and sends (virtual threads in the bot; direct in tests)
     * @param clock       tells a token's age
     * @param tokenWindow how long after its interaction a token is used
     */
    public MessageWriters(Transport<C> transport, Executor executor, InstantSource clock, Duration tokenWindow) {
        this(transport, kind -> executor, clock, tokenWindow);
        Objects.requireNonNull(executor, "executor");
    }

    /**
     * As {@link #MessageWriters(Transport, Executor, InstantSource, Duration)}, with an executor
     * per kind of message: the bot renders the messages players look at ("match found") apart
     * from the DM records, so a wave of record renders never delays what a player waits for.
     */
    public MessageWriters(Transport<C> transport, java.util.function.Function<Kind, Executor> executors,
                          InstantSource clock, Duration tokenWindow) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.executors = Objects.requireNonNull(executors, "executors");
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(tokenWindow, "tokenWindow");
        if (tokenWindow.isNegative() || tokenWindow.isZero() || tokenWindow.compareTo(Duration.ofMinutes(15)) > 0) {
            throw new IllegalArgumentException("tokenWindow must be positive and at most 15 minutes, got " + tokenWindow);
        }
        this.tokenWindow = tokenWindow;
    }

    /** How long a token is used. */
    public Duration tokenWindow() {
        return tokenWindow;
    }

    /**
     * What {@code key} shows has changed: it will show what {@code render} gives (rendered when
     * the request starts). {@code reach}, when present, is a new way to the message (a click's
     * token, the channel message a send made); {@code mayCreate} lets the writer create the
     * message when it has no way to it.
     *
     * @return completes when a version at least as new as this change has landed, or with the
     *     failure that stopped the writer
     */
    public CompletionStage<SendResult> change(Key key, Optional<Target> reach, Render<C> render, boolean mayCreate) {
        Objects.requireNonNull(reach, "reach");
        Objects.requireNonNull(render, "render");
        return change(key, render, mayCreate, slot -> reach.ifPresent(slot::learn));
    }

    /**
     * As {@link #change}, for a click on message {@code clickedMessage}: its token becomes a way
     * to the message unless the message was {@linkplain #moveToNewMessage moved} away from the
     * clicked one (a click on an older copy then changes the current message through its own
     * route; the older copy is never written again).
     */
    public CompletionStage<SendResult> changeFromClick(Key key, Interaction click, long clickedMessage,
                                                       Render<C> render) {
        Objects.requireNonNull(click, "click");
        Objects.requireNonNull(render, "render");
        return change(key, render, false, slot -> {
            if (!slot.moved || (slot.message != null && slot.message.messageId() == clickedMessage)) {
                slot.learn(click);
                slot.shown = true; // the player clicked on it: it exists for him
            }
        });
    }

    /**
     * Shows {@code key} in a new message in the player's DM from now on (the player asked for
     * his match again: /match): the writer forgets every way to the message it wrote so far, so
     * that one is never written again, creates the new one with what {@code render} gives and
     * sends every later change there.
     *
     * @return completes when the new message has landed, or with the failure that stopped the writer
     */
    public CompletionStage<SendResult> moveToNewMessage(Key key, Render<C> render) {
        Objects.requireNonNull(render, "render");
        return change(key, render, true, slot -> {
            slot.token = null;
            slot.message = null;
            slot.moved = true;
        });
    }

    /** {@code render} null: the slot's latest render stays (a {@link #refresh}). */
    private CompletionStage<SendResult> change(Key key, @Nullable Render<C> render, boolean mayCreate,
                                               java.util.function.Consumer<Slot> reach) {
        Objects.requireNonNull(key, "key");
        Slot slot = slots.computeIfAbsent(key, Slot::new);
        CompletableFuture<SendResult> done = new CompletableFuture<>();
        boolean start;
        synchronized (slot) {
            long version = ++slot.wanted;
            if (render != null) {
                slot.render = render;
            }
            slot.mayCreate |= mayCreate;
            reach.accept(slot);
            slot.waiters.add(new Waiter(version, done));
            Request out = slot.current;
            if (out != null && !out.left) {
                out.abandoned = true; // still waiting in a lane: it never leaves; the new state goes instead
                slot.current = null;
            }
            start = slot.current == null;
        }
        if (start) {
            executors.apply(slot.key.kind()).execute(() -> pump(slot));
        }
        return done;
    }

    /**
     * As {@link #change} with no new way to the message, but only for a message this writer has
     * already sent or been given a way to: a lifecycle event refreshes what a player is looking
     * at, and creates nothing.
     */
    public CompletionStage<SendResult> changeIfKnown(Key key, Render<C> render) {
        Objects.requireNonNull(key, "key");
        if (!slots.containsKey(key)) {
            return CompletableFuture.completedFuture(SendResult.sent());
        }
        return change(key, Optional.empty(), render, false);
    }

    /**
     * Shows {@code key} again as its latest change rendered it, rendered now, but only for a
     * message this writer knows (as {@link #changeIfKnown}): a caller that owes the player what
     * this message already shows makes sure it is current and learns when it has landed.
     */
    public CompletionStage<SendResult> refresh(Key key) {
        Objects.requireNonNull(key, "key");
        Slot slot = slots.get(key);
        if (slot == null) {
            return CompletableFuture.completedFuture(SendResult.sent());
        }
        return change(key, null, false, known -> { });
    }

    /**
     * Whether {@code key}'s message is (or will be) a message in the player's DM rather than an
     * interaction's response: it was allowed to create it there, or knows it there. A "match
     * found" sent by DM (no live token) is then the player's one DM of the match: see
     * {@code DiscordNotificationSink}.
     */
    public boolean inDirectMessage(Key key) {
        Slot slot = slots.get(key);
        if (slot == null) {
            return false;
        }
        synchronized (slot) {
            return slot.mayCreate || slot.message != null;
        }
    }

    /** Messages with a change not landed yet, or a request out (0 when everything shown is current). */
    public int busy() {
        int busy = 0;
        for (Slot slot : slots.values()) {
            synchronized (slot) {
                if (slot.current != null || !slot.waiters.isEmpty()) {
                    busy++;
                }
            }
        }
        return busy;
    }

    /** Forgets the messages of a match once it is over and shown (memory). */
    public void forgetMatch(long matchId) {
        slots.keySet().removeIf(key -> {
            if (key.matchId() != matchId) {
                return false;
            }
            Slot slot = slots.get(key);
            if (slot == null) {
                return true;
            }
            synchronized (slot) {
                return slot.current == null && slot.waiters.isEmpty();
            }
        });
    }

    /** The channel message known for {@code key}, if any (tests, and the sink's bookkeeping). */
    public Optional<ChannelMessage> channelMessage(Key key) {
        Slot slot = slots.get(key);
        if (slot == null) {
            return Optional.empty();
        }
        synchronized (slot) {
            return Optional.ofNullable(slot.message);
        }
    }

    private void pump(Slot slot) {
        Request request;
        Render<C> render;
        synchronized (slot) {
            if (slot.current != null || slot.waiters.isEmpty()) {
                return;
            }
            Optional<Target> target = slot.target(clock.instant(), tokenWindow);
            if (target.isEmpty()) {
                slot.failAll(SendResult.retryableFailure("no way to reach this message (no live token, no message)",
                        Optional.empty()));
                return;
            }
            request = new Request(slot.wanted, target.get());
            slot.current = request;
            render = slot.render;
        }
        Optional<C> content;
        try {
            content = render.render();
        } catch (RuntimeException e) {
            LOG.warn("could not render {}: {}", slot.key, e.toString());
            finish(slot, request, new Landing.Failed(SendResult.retryableFailure("could not render: " + e,
                    Optional.empty())), false);
            return;
        }
        if (content.isEmpty()) {
            boolean shown;
            synchronized (slot) {
                shown = slot.shown;
            }
            if (shown) {
                finish(slot, request, Landing.landed(), false); // nothing to change: what it shows stands
            } else {
                nothingToShow(slot, request);
            }
            return;
        }
        synchronized (slot) {
            if (request.abandoned) {
                return; // a newer change came while rendering: its own request goes instead
            }
        }
        BooleanSupplier leaving = () -> {
            synchronized (slot) {
                if (request.abandoned) {
                    return false;
                }
                request.left = true;
                return true;
            }
        };
        CompletionStage<Landing> sent;
        try {
            sent = transport.send(slot.key, request.target, content.get(), leaving);
        } catch (RuntimeException e) {
            sent = CompletableFuture.completedFuture(new Landing.Failed(
                    SendResult.retryableFailure("could not start sending: " + e, Optional.empty())));
        }
        sent.whenComplete((landing, failure) -> finish(slot, request, failure == null ? landing
                : new Landing.Failed(SendResult.retryableFailure("could not send: " + failure, Optional.empty())), true));
    }

    /**
     * The message was never shown and its state now has nothing to show (a "match found" whose
     * match ended before it reached the player): the changes up to this one are not shown, and
     * their callers learn it (a permanent failure), never that they landed.
     */
    private void nothingToShow(Slot slot, Request request) {
        boolean again;
        synchronized (slot) {
            if (request.abandoned && !request.left) {
                return; // replaced while rendering: the newer change goes instead
            }
            if (slot.current == request) {
                slot.current = null;
            }
            for (Iterator<Waiter> it = slot.waiters.iterator(); it.hasNext(); ) {
                Waiter waiter = it.next();
                if (waiter.version() <= request.version) {
                    it.remove();
                    waiter.done().complete(SendResult.permanentFailure(
                            "not shown: the message never reached the player and there is nothing to show now"));
                }
            }
            again = !slot.waiters.isEmpty() && slot.current == null;
        }
        if (again) {
            executors.apply(slot.key.kind()).execute(() -> pump(slot));
        }
    }

    private void finish(Slot slot, Request request, Landing landing, boolean content) {
        boolean again;
        synchronized (slot) {
            if (request.abandoned && !request.left) {
                return; // replaced while waiting; never left, so it changed nothing
            }
            if (slot.current == request) {
                slot.current = null;
            }
            switch (landing) {
                case Landing.Landed landed -> {
                    landed.created().ifPresent(slot::learn);
                    if (content) {
                        slot.shown = true;
                    }
                    slot.landed(request.version);
                    again = !slot.waiters.isEmpty();
                }
                case Landing.Failed failed -> again = slot.fellBack(request.target, failed.failure());
            }
            if (again && slot.current != null) {
                again = false; // a newer request already started
            }
        }
        if (again) {
            executors.apply(slot.key.kind()).execute(() -> pump(slot));
        }
    }

    private record Waiter(long version, CompletableFuture<SendResult> done) {
    }

    /** One request: the version it was rendered for; whether it left; whether it was replaced before leaving. */
    private static final class Request {
        final long version;
        final Target target;
        boolean left;
        boolean abandoned;

        Request(long version, Target target) {
            this.version = version;
            this.target = target;
        }
    }

    /** One message's state; every field guarded by the slot's monitor. */
    private final class Slot {
        final Key key;
        long wanted;
        Render<C> render = Optional::empty;
        boolean mayCreate;
        /** Moved to a new message ({@link #moveToNewMessage}): only clicks on the current message bring their token. */
        boolean moved;
        /** Some content of this message has landed (it exists for the player). */
        boolean shown;
        @Nullable Interaction token;
        @Nullable ChannelMessage message;
        @Nullable Request current;
        final List<Waiter> waiters = new ArrayList<>();

        Slot(Key key) {
            this.key = key;
        }

        void learn(Target reach) {
            switch (reach) {
                case Interaction interaction -> {
                    if (token == null || !interaction.created().isBefore(token.created())) {
                        token = interaction;
                    }
                }
                case ChannelMessage channel -> {
                    message = channel;
                    shown = true;
                }
                case NewMessage ignored -> mayCreate = true;
            }
        }

        Optional<Target> target(Instant now, Duration window) {
            if (token != null && now.isBefore(token.created().plus(window))) {
                return Optional.of(token);
            }
            token = null;
            if (message != null) {
                return Optional.of(message);
            }
            return mayCreate ? Optional.of(new NewMessage(key.player())) : Optional.empty();
        }

        void landed(long version) {
            for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
                Waiter waiter = it.next();
                if (waiter.version() <= version) {
                    it.remove();
                    waiter.done().complete(SendResult.sent());
                }
            }
        }

        /** After a failure: whether another route is worth a try now; else the waiters learn the failure. */
        boolean fellBack(Target target, SendResult failure) {
            switch (target) {
                case Interaction interaction -> {
                    if (interaction.equals(token)) {
                        token = null; // expired, or the message is gone from its interaction: the channel route next
                    }
                    if (message != null || mayCreate) {
                        return true;
                    }
                }
                case ChannelMessage channel -> {
                    if (failure instanceof SendResult.Failed failed && !failed.retryable() && channel.equals(message)) {
                        message = null; // deleted: sent anew when allowed
                        if (mayCreate) {
                            return true;
                        }
                    }
                }
                case NewMessage ignored -> {
                }
            }
            failAll(failure);
            return false;
        }

        void failAll(SendResult failure) {
            List<Waiter> failed = new ArrayList<>(waiters);
            waiters.clear();
            failed.forEach(waiter -> waiter.done().complete(failure));
        }
    }
}
