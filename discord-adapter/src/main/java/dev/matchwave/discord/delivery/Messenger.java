package dev.matchwave.discord.delivery;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.notification.Notification;
import dev.matchwave.notification.dispatch.SendResult;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * Sends one decided {@link Delivery}: {@link JdaMessenger} on Discord, a fake in tests.
 *
 * <p>Implementations are thread-safe and never block: the stages complete on any thread.
 */
public interface Messenger {

    /** Edits the player's "Searching..." response to show {@code notification}. */
    CompletionStage<SendResult> edit(Delivery.EditOriginal delivery, Notification notification);

    /**
     * Sends {@code notification} in the player's DM channel, opening it first when unknown.
     *
     * @param channelOpened told the channel id when one had to be opened
     */
    CompletionStage<SendResult> directMessage(Delivery.DirectMessage delivery, Notification notification,
                                              LongConsumer channelOpened);

    /**
     * Renders a notification as the player would see it now (the {@link MessageWriters} of the
     * sink call this when a request starts, not when it is booked). May block on the ladder.
     */
    default MessageCreateData render(Notification notification) {
        throw new UnsupportedOperationException("this messenger does not render");
    }

    /**
     * The {@link MessageWriters}' transport: one request to {@code target} with {@code content},
     * sent only if {@code leaving} still says yes right before it leaves. The default cannot
     * write: a permanent failure.
     */
    default CompletionStage<MessageWriters.Landing> write(MessageWriters.Key key, MessageWriters.Target target,
                                                          MessageCreateData content, BooleanSupplier leaving) {
        return CompletableFuture.completedFuture(new MessageWriters.Landing.Failed(
                SendResult.permanentFailure("this messenger cannot write messages")));
    }

    /**
     * Opens the player's DM channel ahead of his first direct message, so that the message
     * costs one request when it matters (a wave's details); the channel id, or empty when this
     * messenger opens no channel ahead (the default). A failure completes the stage exceptionally.
     */
    default CompletionStage<OptionalLong> openDirectChannel(PlayerId player) {
        return CompletableFuture.completedFuture(OptionalLong.empty());
    }
}
