package dev.matchwave.discord.delivery;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.notification.Notification;
import dev.matchwave.notification.dispatch.SendResult;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * A {@link Messenger} whose real messenger comes later: the application is built (database,
 * lifecycle) before Discord is connected. Until {@link #connect} every send is a retryable
 * failure, so the dispatcher tries again instead of losing it. Thread-safe.
 */
public final class LateMessenger implements Messenger {

    private final AtomicReference<Messenger> target = new AtomicReference<>();

    /** From now on, sends go to {@code messenger}. */
    public void connect(Messenger messenger) {
        target.set(Objects.requireNonNull(messenger, "messenger"));
    }

    @Override
    public CompletionStage<SendResult> edit(Delivery.EditOriginal delivery, Notification notification) {
        Messenger messenger = target.get();
        return messenger == null ? notYet() : messenger.edit(delivery, notification);
    }

    @Override
    public CompletionStage<SendResult> directMessage(Delivery.DirectMessage delivery, Notification notification,
                                                     LongConsumer channelOpened) {
        Messenger messenger = target.get();
        return messenger == null ? notYet() : messenger.directMessage(delivery, notification, channelOpened);
    }

    @Override
    public MessageCreateData render(Notification notification) {
        Messenger messenger = target.get();
        if (messenger == null) {
            throw new IllegalStateException("Discord is not connected yet");
        }
        return messenger.render(notification);
    }

    @Override
    public CompletionStage<MessageWriters.Landing> write(MessageWriters.Key key, MessageWriters.Target to,
                                                         MessageCreateData content, BooleanSupplier leaving) {
        Messenger messenger = target.get();
        return messenger == null
                ? CompletableFuture.completedFuture(new MessageWriters.Landing.Failed(
                        SendResult.retryableFailure("Discord is not connected yet", Optional.empty())))
                : messenger.write(key, to, content, leaving);
    }

    /** Before {@link #connect}: nothing opened (empty); the first message opens the channel. */
    @Override
    public CompletionStage<OptionalLong> openDirectChannel(PlayerId player) {
        Messenger messenger = target.get();
        return messenger == null ? CompletableFuture.completedFuture(OptionalLong.empty())
                : messenger.openDirectChannel(player);
    }

    private static CompletionStage<SendResult> notYet() {
        return CompletableFuture.completedFuture(
                SendResult.retryableFailure("Discord is not connected yet", Optional.empty()));
    }
}
