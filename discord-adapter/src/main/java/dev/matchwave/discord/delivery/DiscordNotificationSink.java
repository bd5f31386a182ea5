package dev.matchwave.discord.delivery;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.notification.MatchDetails;
import dev.matchwave.notification.Notification;
import dev.matchwave.notification.dispatch.NotificationSink;
import dev.matchwave.notification.dispatch.SendResult;
import dev.matchwave.notification.ratelimit.Route;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The two-phase dispatcher's sink on Discord. Phase 1 ({@code MatchFound}) edits the player's
 * ephemeral "Searching..." response through the token remembered when he joined (an
 * interaction route, exempt from the global limit); phase 2 ({@code MatchDetails}) and every
 * later notification go to his DM channel (global). A {@code MatchDetails} of a match whose
 * message is in the DM already edits that message (also global): the bot sends the match
 * message at wave time without the details and fills them in once both players have confirmed.
 * The choice is {@link PlayerContacts}'s rule.
 *
 * <p>An edit that fails for good (token expired, message dismissed) forgets the token and is
 * reported as retryable: the dispatcher's next try asks {@link #route} again and gets a direct
 * message, so a player who cannot be edited is still told. The same holds for an edit of a
 * direct message (the message was deleted): the next try sends a new one.
 *
 * <p>Thread-safe; never blocks: the messenger's stages complete on JDA's threads.
 */
public final class DiscordNotificationSink implements NotificationSink {

    private final PlayerContacts contacts;
    private final Messenger messenger;
    private final InstantSource clock;

    /**
     * @param contacts  tokens and DM channels
     * @param messenger does the sending
     * @param clock     wall time, to tell a token's age (Discord counts from the interaction's creation)
     */
    public DiscordNotificationSink(PlayerContacts contacts, Messenger messenger, InstantSource clock) {
        this.contacts = Objects.requireNonNull(contacts, "contacts");
        this.messenger = Objects.requireNonNull(messenger, "messenger");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Route route(Notification notification) {
        return contacts.deliveryFor(notification, clock.instant()).route();
    }

    @Override
    public CompletionStage<SendResult> send(Notification notification, Route route) {
        PlayerId player = notification.player();
        try {
            if (!route.globallyLimited()) {
                String token = route.majorParameter();
                contacts.markMatchFound(player, token); // no refresh of the searching message after this
                return messenger.edit(new Delivery.EditOriginal(player, token), notification)
                        .thenApply(result -> afterEdit(player, token, result));
            }
            if (route.name().equals(Delivery.EditDirectMessage.ROUTE)) {
                Optional<Delivery.EditDirectMessage> edit = contacts.detailsMessage(player, notification.matchId());
                if (edit.isPresent()) {
                    return messenger.editDirectMessage(edit.get(), notification)
                            .thenApply(result -> afterDirectEdit(player, notification.matchId(), result));
                }
                // Forgotten since the route was chosen: a new message in the channel it named.
            }
            OptionalLong channel = route.isChannelMessage() || route.name().equals(Delivery.EditDirectMessage.ROUTE)
                    ? OptionalLong.of(Long.parseUnsignedLong(route.majorParameter()))
                    : contacts.dmChannel(player);
            Messenger.MessageSent sent = notification instanceof MatchDetails
                    ? (channelId, messageId) -> contacts.rememberDetailsMessage(player, notification.matchId(),
                            channelId, messageId)
                    : Messenger.MessageSent.IGNORED;
            return messenger.directMessage(new Delivery.DirectMessage(player, channel), notification,
                    opened -> contacts.rememberDmChannel(player, opened), sent);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(
                    SendResult.retryableFailure("could not start sending: " + e, Optional.empty()));
        }
    }

    /** As {@link #afterEdit}: a match message that cannot be edited is sent anew on the next try. */
    private SendResult afterDirectEdit(PlayerId player, long matchId, SendResult result) {
        if (result instanceof SendResult.Failed failed && !failed.retryable()) {
            contacts.forgetDetailsMessage(player, matchId);
            return SendResult.retryableFailure(failed.reason() + "; the next try sends a new direct message",
                    Optional.empty());
        }
        return result;
    }

    private SendResult afterEdit(PlayerId player, String token, SendResult result) {
        if (result instanceof SendResult.Failed failed && !failed.retryable()) {
            contacts.forgetToken(player, token);
            return SendResult.retryableFailure(failed.reason() + "; the next try goes as a direct message",
                    Optional.empty());
        }
        return result;
    }
}
