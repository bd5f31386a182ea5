package dev.matchwave.discord.delivery;

import dev.matchwave.discord.rest.RecordLane;
import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.notification.Notification;
import dev.matchwave.notification.dispatch.SendResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.channel.concrete.PrivateChannel;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.entities.Message;
import org.jspecify.annotations.Nullable;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * The {@link Messenger} on JDA: an edit goes through an interaction hook made from the token
 * ({@code PATCH /webhooks/{app}/{token}/messages/@original}), a direct message through
 * the DM channel kept for the player, else after {@code openPrivateChannelById} (one opening per
 * player at a time, shared with {@link #openDirectChannel}); the {@link MessageWriters}' requests
 * through {@link #write}. All are queued
 * ({@code queue(success, failure)}), so nothing blocks; failures become {@link SendResult}s
 * through {@link DeliveryFailures}. Every request passes JDA's REST gate as any other.
 *
 * <p>Every message create carries a {@code nonce} with {@code enforce_nonce} (JDA sends the flag
 * with any nonce): the same create made again within Discord's window (a few minutes) returns
 * the message made the first time instead of a second one. The nonce names what the message is,
 * not the request: {@code mw}, a letter for its kind, the match id (base 36) and, for the
 * messages of a match's life, a digest of their text; so the process that takes over after a
 * crash, delivering what the outbox still owes, makes the same nonce as the one that died
 * (docs/operations.md, "What a crash costs a player").
 *
 * <p>Thread-safe.
 */
public final class JdaMessenger implements Messenger {

    /** How many players' DM channels are kept; the least recently used go first. */
    static final int CHANNELS_KEPT = 50_000;

    private final JDA jda;
    private final NotificationRenderer renderer;
    /** The nonces of the writers' creates (see {@link WriterNonces}). */
    private final WriterNonces nonces = new WriterNonces(CHANNELS_KEPT);
    /**
     * Player id to the DM channel JDA opened for him. JDA keeps no such cache for users it does
     * not cache (the bot has no member cache), and every {@code openPrivateChannelById} is a
     * {@code POST /users/@me/channels} on the global budget: without this, every direct message
     * would cost two requests. Guarded by itself.
     */
    private final Map<Long, PrivateChannel> channels = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, PrivateChannel> eldest) {
            return size() > CHANNELS_KEPT;
        }
    };

    /** Told where a sent message landed: its channel and its message id. */
    /** What follows a request's success before it counts as sent (the request is sent when the stage completes). */
    @FunctionalInterface
    private interface MessageSent {
        MessageSent IGNORED = message -> CompletableFuture.completedFuture(null);

        CompletionStage<?> sent(Message message);
    }

    /** The DM channels being opened, by player: a second caller joins the first opening. */
    private final ConcurrentMap<Long, CompletableFuture<PrivateChannel>> opening = new ConcurrentHashMap<>();

    private final ClickAnswers clicks;

    /** A messenger that answers no click itself (every token's click was acknowledged by whoever received it). */
    public JdaMessenger(JDA jda, NotificationRenderer renderer) {
        this(jda, renderer, new ClickAnswers());
    }

    /**
     * @param clicks the clicks not answered yet, shared with the interaction router: a write with
     *               the token of one of them answers the click with the message
     */
    public JdaMessenger(JDA jda, NotificationRenderer renderer, ClickAnswers clicks) {
        this.jda = Objects.requireNonNull(jda, "jda");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.clicks = Objects.requireNonNull(clicks, "clicks");
    }

    @Override
    public CompletionStage<SendResult> edit(Delivery.EditOriginal delivery, Notification notification) {
        CompletableFuture<SendResult> result = new CompletableFuture<>();
        MessageEditData edit = MessageEditData.fromCreateData(renderer.render(notification));
        InteractionHook.from(jda, delivery.token()).editOriginal(edit).queue(
                message -> result.complete(SendResult.sent()),
                failure -> result.complete(DeliveryFailures.of(failure)));
        return result;
    }

    @Override
    public CompletionStage<SendResult> directMessage(Delivery.DirectMessage delivery, Notification notification,
                                                     LongConsumer channelOpened) {
        MessageCreateData message = renderer.render(notification);
        long player = delivery.player().value();
        return inChannel(player, knownChannel(player, delivery.channelId()), channelOpened,
                channel -> channel.sendMessage(message).setNonce(nonce(notification, message)), MessageSent.IGNORED,
                false);
    }

    /**
     * Whether the message is the player's durable record rather than what he needs now: the
     * match message in his DM, made beside his "match found" (his live view, an interaction
     * message). Its requests yield to every other request on the global budget ({@link RecordLane}).
     * A "match found" that went by DM is his match message itself, and is not.
     */
    static boolean isRecord(MessageWriters.Key key) {
        return key.kind() == MessageWriters.Kind.MATCH_MESSAGE;
    }

    /** The nonce of a message of a match's life: its kind, its match and its text. */
    static String nonce(Notification notification, MessageCreateData message) {
        char kind = switch (notification) {
            case dev.matchwave.notification.MatchFound found -> 'f';
            case dev.matchwave.notification.MatchDetails details -> 'd';
            case dev.matchwave.notification.ConfirmReminder reminder -> 'r';
            case dev.matchwave.notification.MatchAborted aborted -> 'a';
            case dev.matchwave.notification.MatchCompleted completed -> 'c';
            case dev.matchwave.notification.MatchConflict conflict -> 'x';
        };
        int digest = (message.getContent() + message.getEmbeds().stream().map(e -> String.valueOf(e.toData()))
                .collect(java.util.stream.Collectors.joining())).hashCode();
        return "mw" + kind + Long.toString(notification.matchId(), 36) + "." + Integer.toUnsignedString(digest, 36);
    }

    /** Whether a message Discord answered a create with shows what the create sent (its text and embeds' text). */
    static boolean shows(Message message, MessageCreateData sent) {
        return message.getContentRaw().equals(sent.getContent()) && embedText(message.getEmbeds()).equals(embedText(sent.getEmbeds()));
    }

    private static String embedText(java.util.List<net.dv8tion.jda.api.entities.MessageEmbed> embeds) {
        StringBuilder text = new StringBuilder();
        for (var embed : embeds) {
            text.append(embed.getTitle()).append('\u0000').append(embed.getDescription()).append('\u0000');
            for (var field : embed.getFields()) {
                text.append(field.getName()).append('\u0000').append(field.getValue()).append('\u0000');
            }
            text.append('\u0001');
        }
        return text.toString();
    }

    @Override
    public MessageCreateData render(Notification notification) {
        return renderer.render(notification);
    }

    /**
     * One request of a {@link MessageWriters}: {@code PATCH /webhooks/{app}/{token}/messages/@original}
     * for an interaction (exempt from the global limit), {@code PATCH /channels/{id}/messages/{id}}
     * for a channel message, {@code POST /channels/{id}/messages} for a new one. {@code leaving}
     * is JDA's last-second check ({@code RestAction#setCheck}): asked right before the request is
     * sent, after every rate-limit wait; when it says no, JDA cancels the request unsent.
     *
     * <p>An interaction whose click is not answered yet ({@link ClickAnswers}) is answered with
     * the message itself ({@code UPDATE_MESSAGE}, one request instead of a deferred update and an
     * edit); {@code leaving} is asked right before, since a click's answer waits in no lane (when
     * it says no, the click is acknowledged with a deferred update instead). A click acknowledged
     * with a deferred update is edited once Discord has taken that acknowledgement.
     */
    @Override
    public CompletionStage<MessageWriters.Landing> write(MessageWriters.Key key, MessageWriters.Target target,
                                                         MessageCreateData content, BooleanSupplier leaving) {
        CompletableFuture<MessageWriters.Landing> landing = new CompletableFuture<>();
        long player = key.player().value();
        try {
            switch (target) {
                case MessageWriters.Interaction interaction -> {
                    MessageEditData edit = MessageEditData.fromCreateData(content);
                    Optional<ClickAnswers.Click> click = clicks.find(interaction.token());
                    if (click.isPresent() && click.get().claim()) {
                        if (leaving.getAsBoolean()) {
                            click.get().answer(edit).whenComplete((ok, failure) -> landing.complete(
                                    failure == null ? MessageWriters.Landing.landed() : failed(failure)));
                        } else {
                            click.get().acknowledge(); // replaced before it left: the newer state goes after it
                            landing.complete(new MessageWriters.Landing.Failed(
                                    SendResult.permanentFailure("replaced before it left")));
                        }
                    } else {
                        CompletionStage<Void> ready = click.map(ClickAnswers.Click::acknowledged)
                                .orElse(CompletableFuture.completedFuture(null));
                        // A failed acknowledgement fails the edit too (the token is no way to the message).
                        ready.whenComplete((ok, ignored) -> InteractionHook.from(jda, interaction.token())
                                .editOriginal(edit).setCheck(leaving)
                                .queue(message -> landing.complete(MessageWriters.Landing.landed()),
                                        failure -> landing.complete(failed(failure))));
                    }
                }
                case MessageWriters.ChannelMessage message -> {
                    MessageEditData edit = MessageEditData.fromCreateData(content);
                    inChannel(player, knownChannel(player, OptionalLong.of(message.channelId())), opened -> { },
                            channel -> channel.editMessageById(message.messageId(), edit).setCheck(leaving),
                            MessageSent.IGNORED, isRecord(key)).thenAccept(result -> landing.complete(landing(result, Optional.empty())));
                }
                case MessageWriters.NewMessage ignored -> {
                    java.util.concurrent.atomic.AtomicReference<MessageWriters.ChannelMessage> made =
                            new java.util.concurrent.atomic.AtomicReference<>();
                    // A create answered with the message an earlier create of the same nonce made (a
                    // process that died after sending it) shows what was rendered then: it is edited
                    // to what is rendered now before the change counts as landed.
                    inChannel(player, knownChannel(player, OptionalLong.empty()), opened -> { },
                            channel -> channel.sendMessage(content).setNonce(nonces.next(key)).setCheck(leaving),
                            message -> {
                                nonces.made(key);
                                made.set(new MessageWriters.ChannelMessage(message.getChannel().getIdLong(),
                                        message.getIdLong()));
                                return shows(message, content) ? CompletableFuture.completedFuture(null)
                                        : message.editMessage(MessageEditData.fromCreateData(content)).submit()
                                                .thenApply(edited -> null);
                            }, isRecord(key))
                            .thenAccept(result -> landing.complete(landing(result, Optional.ofNullable(made.get()))));
                }
            }
        } catch (RuntimeException e) {
            landing.complete(failed(e));
        }
        return landing;
    }

    private static MessageWriters.Landing landing(SendResult result, Optional<MessageWriters.ChannelMessage> made) {
        return result instanceof SendResult.Failed failed ? new MessageWriters.Landing.Failed(failed)
                : result instanceof SendResult.RateLimited limited
                        ? new MessageWriters.Landing.Failed(SendResult.retryableFailure("rate limited", Optional.of(limited.retryAfter())))
                        : new MessageWriters.Landing.Landed(made);
    }

    private static MessageWriters.Landing failed(Throwable failure) {
        return landing(DeliveryFailures.of(failure), Optional.empty());
    }

    /** Makes the request in the known channel, or in the one opened for it (told to {@code channelOpened}). */
    private CompletionStage<SendResult> inChannel(long player, @Nullable PrivateChannel known, LongConsumer channelOpened,
                                                  Function<PrivateChannel, RestAction<Message>> request,
                                                  MessageSent sentTo, boolean record) {
        CompletableFuture<SendResult> result = new CompletableFuture<>();
        if (known != null) {
            queue(() -> request.apply(known), sentTo, result, record);
        } else {
            open(player).whenComplete((channel, failure) -> {
                if (failure != null) {
                    result.complete(DeliveryFailures.of(failure));
                } else {
                    channelOpened.accept(channel.getIdLong());
                    queue(() -> request.apply(channel), sentTo, result, record);
                }
            });
        }
        return result;
    }

    /**
     * Opens the player's DM channel ahead of his first direct message, unless it is known:
     * {@code POST /users/@me/channels} on the global budget, once per player even when a
     * message asks for the channel at the same time.
     */
    @Override
    public CompletionStage<OptionalLong> openDirectChannel(PlayerId player) {
        Objects.requireNonNull(player, "player");
        PrivateChannel known = knownChannel(player.value(), OptionalLong.empty());
        if (known != null) {
            return CompletableFuture.completedFuture(OptionalLong.of(known.getIdLong()));
        }
        return open(player.value()).thenApply(channel -> OptionalLong.of(channel.getIdLong()));
    }

    /** Makes and queues the request; {@code result} completes in every case, also when either throws (JDA shut down). */
    private static void queue(Supplier<RestAction<Message>> action, MessageSent sentTo,
                              CompletableFuture<SendResult> result, boolean record) {
        if (record) {
            RecordLane.queue(() -> queue(action, sentTo, result, false));
            return;
        }
        try {
            action.get().queue(message -> {
                try {
                    sentTo.sent(message).whenComplete((done, failure) -> result.complete(failure == null
                            ? SendResult.sent() : DeliveryFailures.of(failure)));
                } catch (RuntimeException e) {
                    result.complete(DeliveryFailures.of(e));
                }
            }, failure -> result.complete(DeliveryFailures.of(failure)));
        } catch (RuntimeException e) {
            result.complete(DeliveryFailures.of(e));
        }
    }

    /** Opens the DM channel, or joins the opening under way; the channel is kept once open. */
    private CompletableFuture<PrivateChannel> open(long player) {
        CompletableFuture<PrivateChannel> fresh = new CompletableFuture<>();
        CompletableFuture<PrivateChannel> underWay = opening.putIfAbsent(player, fresh);
        if (underWay != null) {
            return underWay;
        }
        try {
            jda.openPrivateChannelById(player).queue(channel -> {
                remember(player, channel);
                opening.remove(player, fresh);
                fresh.complete(channel);
            }, failure -> {
                opening.remove(player, fresh);
                fresh.completeExceptionally(failure);
            });
        } catch (RuntimeException e) {
            opening.remove(player, fresh);
            fresh.completeExceptionally(e);
        }
        return fresh;
    }

    /**
     * The player's DM channel when it is known here or JDA holds it (sending then costs one
     * request); null sends through {@code openPrivateChannelById}, which costs a
     * {@code POST /users/@me/channels} on the global budget.
     */
    private @Nullable PrivateChannel knownChannel(long player, OptionalLong channelId) {
        PrivateChannel kept;
        synchronized (channels) {
            kept = channels.get(player);
        }
        if (kept != null && (channelId.isEmpty() || kept.getIdLong() == channelId.getAsLong())) {
            return kept;
        }
        return channelId.isPresent() ? jda.getPrivateChannelById(channelId.getAsLong()) : null;
    }

    private void remember(long player, PrivateChannel channel) {
        synchronized (channels) {
            channels.put(player, channel);
        }
    }

    /** How many players' DM channels are kept (tests). */
    int channelsKept() {
        synchronized (channels) {
            return channels.size();
        }
    }
}
