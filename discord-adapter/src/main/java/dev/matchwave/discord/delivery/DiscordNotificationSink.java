package dev.matchwave.discord.delivery;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.notification.MatchDetails;
import dev.matchwave.notification.MatchFound;
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
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * The two-phase dispatcher's sink on Discord. Phase 1 ({@code MatchFound}) edits the player's
 * ephemeral "Searching..." response through the token remembered when he joined (an
 * interaction route, exempt from the global limit); phase 2 ({@code MatchDetails}) and every
 * later notification go to his DM channel (global). A {@code MatchDetails} of a match whose
 * message is in the DM already edits that message: the bot sends the match message at wave
 * time without the details and fills them in once both players have confirmed.
 *
 * <p>"Match found" and the match message are messages the bot changes later: they are written
 * only through the {@link MessageWriters} shared with the interaction router, which render them
 * from the ladder's state when each request starts and never let an earlier state overwrite a
 * later one (a player's click and a lifecycle edit may race on two lanes). Every other
 * notification is a new direct message of its own.
 *
 * <p>An edit that fails for good (token expired, message dismissed) forgets the token and is
 * reported as retryable: the dispatcher's next try asks {@link #route} again and gets a direct
 * message, so a player who cannot be edited is still told. A match message that cannot be
 * edited (deleted) is sent anew by its writer.
 *
 * <p>Thread-safe; never blocks: renders run on the writers' executor, sends complete on JDA's threads.
 */
public final class DiscordNotificationSink implements NotificationSink {

    private final PlayerContacts contacts;
    private final Messenger messenger;
    private final InstantSource clock;
    private final MessageWriters<MessageCreateData> writers;

    /**
     * With writers of their own, on a direct executor (tests, and bots with no interaction router).
     *
     * @param contacts  tokens and DM channels
     * @param messenger does the sending
     * @param clock     wall time, to tell a token's age (Discord counts from the interaction's creation)
     */
    public DiscordNotificationSink(PlayerContacts contacts, Messenger messenger, InstantSource clock) {
        this(contacts, messenger, clock, new MessageWriters<>(messenger::write, Runnable::run, clock,
                contacts.editWindow()));
    }

    /**
     * @param writers the writers of the messages the bot changes, shared with the interaction router;
     *                their transport must be {@code messenger}'s
     */
    public DiscordNotificationSink(PlayerContacts contacts, Messenger messenger, InstantSource clock,
                                   MessageWriters<MessageCreateData> writers) {
        this.contacts = Objects.requireNonNull(contacts, "contacts");
        this.messenger = Objects.requireNonNull(messenger, "messenger");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.writers = Objects.requireNonNull(writers, "writers");
    }

    @Override
    public Route route(Notification notification) {
        return contacts.deliveryFor(notification, clock.instant()).route();
    }

    @Override
    public CompletionStage<SendResult> send(Notification notification, Route route) {
        try {
            return switch (notification) {
                case MatchFound found -> matchFound(found);
                case MatchDetails details -> matchMessage(details);
                default -> sendNow(notification, route);
            };
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(
                    SendResult.retryableFailure("could not start sending: " + e, Optional.empty()));
        }
    }

    /** Messages with a change not shown yet (for tests and a clean shutdown). */
    int detailsUnderWay() {
        return writers.busy();
    }

    /**
     * Into the searching response while its token lives (no refresh of the searching message
     * after this), else as a direct message; rendered when the request starts.
     */
    private CompletionStage<SendResult> matchFound(MatchFound found) {
        PlayerId player = found.player();
        Optional<MessageWriters.Interaction> search = contacts.liveSearch(player, clock.instant());
        search.ifPresent(token -> contacts.markMatchFound(player, token.token()));
        MessageWriters.Key key = new MessageWriters.Key(player, found.matchId(), MessageWriters.Kind.MATCH_FOUND);
        return writers.change(key, search.map(MessageWriters.Target.class::cast),
                () -> Optional.of(messenger.render(found)), search.isEmpty())
                .thenApply(result -> {
                    if (result instanceof SendResult.Failed failed && search.isPresent()) {
                        contacts.forgetToken(player, search.get().token());
                        return SendResult.retryableFailure(failed.reason() + "; the next try goes as a direct message",
                                Optional.empty());
                    }
                    return result;
                });
    }

    /**
     * The player's one match message of the match: created at the first details, edited after.
     * When his "match found" went by DM (no live token), that DM is his match message: it names
     * the opponent, and once both have confirmed it shows the whole match, so a second DM would
     * show the same match twice (and two messages with result controls). The details then make
     * sure that DM is current and count as delivered when it is.
     */
    private CompletionStage<SendResult> matchMessage(MatchDetails details) {
        PlayerId player = details.player();
        MessageWriters.Key found = new MessageWriters.Key(player, details.matchId(), MessageWriters.Kind.MATCH_FOUND);
        boolean foundIsTheRecord = writers.inDirectMessage(found);
        MessageWriters.Key key = foundIsTheRecord ? found
                : new MessageWriters.Key(player, details.matchId(), MessageWriters.Kind.MATCH_MESSAGE);
        CompletionStage<SendResult> written = foundIsTheRecord ? writers.refresh(found)
                : writers.change(key, Optional.empty(), () -> Optional.of(messenger.render(details)), true);
        return written.thenApply(result -> {
            writers.channelMessage(key).ifPresent(message -> {
                contacts.rememberDmChannel(player, message.channelId());
                contacts.rememberDetailsMessage(player, details.matchId(), message.channelId(), message.messageId());
            });
            return result;
        });
    }

    private CompletionStage<SendResult> sendNow(Notification notification, Route route) {
        PlayerId player = notification.player();
        try {
            if (!route.globallyLimited()) {
                String token = route.majorParameter();
                return messenger.edit(new Delivery.EditOriginal(player, token), notification)
                        .thenApply(result -> afterEdit(player, token, result));
            }
            OptionalLong channel = route.isChannelMessage() || route.name().equals(Delivery.EditDirectMessage.ROUTE)
                    ? OptionalLong.of(Long.parseUnsignedLong(route.majorParameter()))
                    : contacts.dmChannel(player);
            return messenger.directMessage(new Delivery.DirectMessage(player, channel), notification,
                    opened -> contacts.rememberDmChannel(player, opened));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(
                    SendResult.retryableFailure("could not start sending: " + e, Optional.empty()));
        }
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
