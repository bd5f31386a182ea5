package dev.matchwave.discord.delivery;

import dev.matchwave.notification.Notification;
import dev.matchwave.notification.dispatch.SendResult;
import java.util.concurrent.CompletionStage;
import java.util.function.LongConsumer;

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
}
