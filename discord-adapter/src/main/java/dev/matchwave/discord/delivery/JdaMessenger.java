package dev.matchwave.discord.delivery;

import dev.matchwave.notification.Notification;
import dev.matchwave.notification.dispatch.SendResult;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongConsumer;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * The {@link Messenger} on JDA: an edit goes through an interaction hook made from the token
 * ({@code PATCH /webhooks/{app}/{token}/messages/@original}), a direct message through
 * {@code openPrivateChannelById(..).flatMap(sendMessage)}, an edit of a direct message through
 * {@code editMessageById}. Both are queued
 * ({@code queue(success, failure)}), so nothing blocks; failures become {@link SendResult}s
 * through {@link DeliveryFailures}. Every request passes JDA's REST gate as any other.
 *
 * <p>Thread-safe.
 */
public final class JdaMessenger implements Messenger {

    private final JDA jda;
    private final NotificationRenderer renderer;

    public JdaMessenger(JDA jda, NotificationRenderer renderer) {
        this.jda = Objects.requireNonNull(jda, "jda");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
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
        return directMessage(delivery, notification, channelOpened, MessageSent.IGNORED);
    }

    @Override
    public CompletionStage<SendResult> directMessage(Delivery.DirectMessage delivery, Notification notification,
                                                     LongConsumer channelOpened, MessageSent sentTo) {
        CompletableFuture<SendResult> result = new CompletableFuture<>();
        MessageCreateData message = renderer.render(notification);
        jda.openPrivateChannelById(delivery.player().value())
                .flatMap(channel -> {
                    channelOpened.accept(channel.getIdLong());
                    return channel.sendMessage(message);
                })
                .queue(sent -> {
                    sentTo.sent(sent.getChannel().getIdLong(), sent.getIdLong());
                    result.complete(SendResult.sent());
                }, failure -> result.complete(DeliveryFailures.of(failure)));
        return result;
    }

    /**
     * {@code PATCH /channels/{id}/messages/{id}}. JDA answers {@code openPrivateChannelById}
     * from its cache when the channel is known, so the edit is one request.
     */
    @Override
    public CompletionStage<SendResult> editDirectMessage(Delivery.EditDirectMessage delivery,
                                                         Notification notification) {
        CompletableFuture<SendResult> result = new CompletableFuture<>();
        MessageEditData edit = MessageEditData.fromCreateData(renderer.render(notification));
        jda.openPrivateChannelById(delivery.player().value())
                .flatMap(channel -> channel.editMessageById(delivery.messageId(), edit))
                .queue(edited -> result.complete(SendResult.sent()),
                        failure -> result.complete(DeliveryFailures.of(failure)));
        return result;
    }
}
