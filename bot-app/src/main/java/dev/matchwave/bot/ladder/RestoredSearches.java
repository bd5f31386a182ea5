package dev.matchwave.bot.ladder;

import dev.matchwave.discord.delivery.MessageWriters;
import dev.matchwave.discord.delivery.PlayerContacts;
import dev.matchwave.discord.view.LadderMessages;
import dev.matchwave.discord.view.SearchingView;
import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.QueuedPlayer;
import dev.matchwave.matchmaking.queue.PlayerState;
import dev.matchwave.matchmaking.queue.QueueService;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "Searching..." messages across a restart. {@link PlayerContacts} lives in memory, so each
 * searching message's token is also stored with the player's queue entry (the entry's contact:
 * {@code <issued epoch millis>|<token>}, written with the entry by the join itself). After a restart every restored player is told, once,
 * that he is still queued: his searching message is refreshed while its token lives (and the
 * token is remembered again, so "match found" edits it and its buttons keep working), else he
 * gets the searching message by DM.
 *
 * <p>Thread-safe; {@link #tellRestored} only queues requests on JDA.
 */
final class RestoredSearches {

    private static final Logger LOG = LoggerFactory.getLogger(RestoredSearches.class);

    private final QueueService queue;
    private final PlayerContacts contacts;
    private final InstantSource clock;

    RestoredSearches(QueueService queue, PlayerContacts contacts, InstantSource clock) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.contacts = Objects.requireNonNull(contacts, "contacts");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    static String contact(String token, Instant issued) {
        return issued.toEpochMilli() + "|" + token;
    }

    static Optional<MessageWriters.Interaction> parse(String contact) {
        int bar = contact.indexOf('|');
        if (bar <= 0 || bar == contact.length() - 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(new MessageWriters.Interaction(contact.substring(bar + 1),
                    Instant.ofEpochMilli(Long.parseLong(contact.substring(0, bar)))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Remembers the searching message a "match found" owed from before a crash goes into, while
     * its token lives (else the "match found" goes by DM).
     */
    void rememberSearchOfOwedMatch(PlayerId player, String contact) {
        Instant now = clock.instant();
        parse(contact).filter(s -> now.isBefore(s.created().plus(contacts.editWindow())))
                .ifPresent(s -> contacts.rememberSearch(player, s.token(), s.created()));
    }

    /**
     * Tells each player restored in the queue that he is still queued.
     *
     * @return how many were told (edits and DMs queued)
     */
    int tellRestored(JDA jda, Function<PlayerId, Optional<SearchingView>> views) {
        int told = 0;
        Instant now = clock.instant();
        for (QueuedPlayer restored : queue.restored()) {
            PlayerId player = restored.id();
            Optional<SearchingView> view = queue.stateOf(player) == PlayerState.QUEUED ? views.apply(player)
                    : Optional.empty();
            if (view.isEmpty()) {
                continue; // matched or gone since: a message of its own tells him
            }
            MessageCreateData message = LadderMessages.searching(view.get());
            Optional<MessageWriters.Interaction> search = queue.contact(player).flatMap(RestoredSearches::parse)
                    .filter(s -> now.isBefore(s.created().plus(contacts.editWindow())));
            if (search.isPresent()) {
                String token = search.get().token();
                contacts.rememberSearch(player, token, search.get().created());
                InteractionHook.from(jda, token).editOriginal(MessageEditData.fromCreateData(message)).queue(ok -> { },
                        failure -> {
                            contacts.forgetToken(player, token);
                            sendDirect(jda, player, message);
                        });
            } else {
                sendDirect(jda, player, message);
            }
            told++;
        }
        if (told > 0) {
            LOG.info("{} players restored in the queue were told they are still queued", told);
        }
        return told;
    }

    private static void sendDirect(JDA jda, PlayerId player, MessageCreateData message) {
        jda.openPrivateChannelById(player.value()).flatMap(channel -> channel.sendMessage(message))
                .queue(ok -> { }, failure -> LOG.warn("player {} restored in the queue could not be told by DM: {}",
                        player, failure.toString()));
    }
}
