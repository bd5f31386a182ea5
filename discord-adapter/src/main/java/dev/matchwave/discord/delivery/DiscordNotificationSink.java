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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

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
 * <p>A player has one match message per match. Details of a match whose message is still being
 * sent wait for that send and then edit the message it made: when both players confirm while
 * the wave's paced details are still on their way, they get one message, not two.
 *
 * <p>Thread-safe; never blocks: the messenger's stages complete on JDA's threads.
 */
public final class DiscordNotificationSink implements NotificationSink {

    private final PlayerContacts contacts;
    private final Messenger messenger;
    private final InstantSource clock;
    /** The details sends under way, one chain per player and match; emptied as they settle. */
    private final ConcurrentMap<DetailsKey, DetailsSend> detailsUnderWay = new ConcurrentHashMap<>();
    /** When details were last booked, per player and match, while a chain lives; in {@link #ticks}. */
    private final ConcurrentMap<DetailsKey, Long> routed = new ConcurrentHashMap<>();
    /** Orders bookings and renders: a render with a later tick than a booking shows what it booked. */
    private final AtomicLong ticks = new AtomicLong();

    private record DetailsKey(PlayerId player, long matchId) {
    }

    /** One send of a match's details: settled when done; the tick its render started, once it did. */
    private record DetailsSend(CompletableFuture<SendResult> done, AtomicLong renderedAt) {
    }

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
        if (notification instanceof MatchDetails) {
            // Booked now, after the change it shows: a render that starts later shows it too.
            routed.put(new DetailsKey(notification.player(), notification.matchId()), ticks.incrementAndGet());
        }
        return contacts.deliveryFor(notification, clock.instant()).route();
    }

    @Override
    public CompletionStage<SendResult> send(Notification notification, Route route) {
        if (!(notification instanceof MatchDetails) || !route.globallyLimited()) {
            return sendNow(notification, route);
        }
        // One match message per player and match: a send of its details that comes while another
        // is under way (the wave's, still paced, when both players confirm) waits for it, then
        // edits the message it made instead of sending a second one; or sends nothing, when that
        // message was rendered after every send of its details was booked (it shows them already,
        // and an edit rendered earlier could land after the player's own click and undo it).
        DetailsKey key = new DetailsKey(notification.player(), notification.matchId());
        DetailsSend mine = new DetailsSend(new CompletableFuture<>(), new AtomicLong(Long.MAX_VALUE));
        DetailsSend before = detailsUnderWay.put(key, mine);
        CompletionStage<SendResult> ready = before == null ? CompletableFuture.completedFuture(null)
                : before.done().handle((result, failure) -> failure == null ? result : null);
        ready.thenCompose(previous -> {
            if (before != null && previous instanceof SendResult.Sent
                    && before.renderedAt().get() > routed.getOrDefault(key, Long.MAX_VALUE)) {
                return CompletableFuture.completedFuture(SendResult.sent());
            }
            mine.renderedAt().set(ticks.incrementAndGet());
            return sendNow(notification, route);
        }).whenComplete((result, failure) -> {
            if (detailsUnderWay.remove(key, mine)) {
                routed.remove(key);
            }
            if (failure != null) {
                mine.done().complete(SendResult.retryableFailure("could not send: " + failure, Optional.empty()));
            } else {
                mine.done().complete(result);
            }
        });
        return mine.done();
    }

    /** Match details under way (for tests and a clean shutdown). */
    int detailsUnderWay() {
        return detailsUnderWay.size();
    }

    private CompletionStage<SendResult> sendNow(Notification notification, Route route) {
        PlayerId player = notification.player();
        try {
            if (!route.globallyLimited()) {
                String token = route.majorParameter();
                contacts.markMatchFound(player, token); // no refresh of the searching message after this
                return messenger.edit(new Delivery.EditOriginal(player, token), notification)
                        .thenApply(result -> afterEdit(player, token, result));
            }
            if (notification instanceof MatchDetails) {
                // The match message made since the route was chosen is edited; one forgotten
                // since then is sent anew, in the channel the route named.
                Optional<Delivery.EditDirectMessage> edit = contacts.detailsMessage(player, notification.matchId());
                if (edit.isPresent()) {
                    return messenger.editDirectMessage(edit.get(), notification)
                            .thenApply(result -> afterDirectEdit(player, notification.matchId(), result));
                }
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
