package dev.matchwave.discord.delivery;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.notification.MatchDetails;
import dev.matchwave.notification.MatchFound;
import dev.matchwave.notification.Notification;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How each player can be reached: the interaction token of his ephemeral "Searching..."
 * response (remembered when he joined the queue) and his DM channel (once opened).
 *
 * <p>The rule ({@link #deliveryFor}): a {@link MatchFound} edits the searching response while
 * its token is younger than the {@linkplain #editWindow() edit window}; every other
 * notification, and a {@code MatchFound} whose token is missing or too old, goes as a direct
 * message; a {@code MatchDetails} of a match whose message was sent already edits that message
 * (the details shown once both players have confirmed, docs/notifications.md). Discord keeps a token 15 minutes (docs/discord.md, Interactions); the default window of
 * 14 minutes leaves a minute for the wave and the request itself, so an edit is never tried
 * on a token about to die.
 *
 * <p>Thread-safe and non-blocking: called from interaction handlers (remember, forget) and
 * from the dispatcher's threads (deliveryFor). Memory: one entry per player who ever gave a
 * token or a channel, until {@link #forgetToken}; a DM channel id is small and kept.
 */
public final class PlayerContacts {

    /** Discord's life of an interaction token minus a minute of margin. */
    public static final Duration DEFAULT_EDIT_WINDOW = Duration.ofMinutes(14);

    /** A searching response's token; {@code matchFound} once "match found" was sent into it. */
    private record Token(String value, Instant issuedAt, boolean matchFound) {
        Token withMatchFound() {
            return new Token(value, issuedAt, true);
        }
    }

    /** The match message sent in a player's DM: edited when the match's details change. */
    private record DetailsMessage(long matchId, long channelId, long messageId) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(PlayerContacts.class);

    private final Duration editWindow;
    private volatile Consumer<PlayerId> searchListener = player -> { };
    private final ConcurrentMap<PlayerId, Token> tokens = new ConcurrentHashMap<>();
    private final ConcurrentMap<PlayerId, Long> dmChannels = new ConcurrentHashMap<>();
    // One per player: a player is in at most one match at a time, so the newest replaces the rest.
    private final ConcurrentMap<PlayerId, DetailsMessage> detailsMessages = new ConcurrentHashMap<>();

    /** @param editWindow how long after its interaction a token is used for an edit; positive, at most 15 minutes */
    public PlayerContacts(Duration editWindow) {
        Objects.requireNonNull(editWindow, "editWindow");
        if (editWindow.isNegative() || editWindow.isZero() || editWindow.compareTo(Duration.ofMinutes(15)) > 0) {
            throw new IllegalArgumentException("editWindow must be positive and at most 15 minutes, got " + editWindow);
        }
        this.editWindow = editWindow;
    }

    /** With {@link #DEFAULT_EDIT_WINDOW}. */
    public static PlayerContacts create() {
        return new PlayerContacts(DEFAULT_EDIT_WINDOW);
    }

    /** How long a token is used for edits. */
    public Duration editWindow() {
        return editWindow;
    }

    /**
     * The player's "Searching..." response: its interaction token and when the interaction was
     * created (Discord counts the 15 minutes from then). Replaces an earlier token.
     */
    public void rememberSearch(PlayerId player, String token, Instant interactionCreated) {
        Objects.requireNonNull(player, "player");
        Objects.requireNonNull(interactionCreated, "interactionCreated");
        Objects.requireNonNull(token, "token");
        if (token.isBlank()) {
            throw new IllegalArgumentException("token must not be blank");
        }
        tokens.put(player, new Token(token, interactionCreated, false));
        Consumer<PlayerId> listener = searchListener;
        try {
            listener.accept(player);
        } catch (RuntimeException e) {
            LOG.warn("the search listener failed for player {}: {}", player, e.toString());
        }
    }

    /**
     * Told of every player who starts searching, after his token is remembered (the bot opens
     * his DM channel ahead: {@link DirectChannelWarmer}). Must not block. Replaces the earlier one.
     */
    public void onSearch(Consumer<PlayerId> listener) {
        this.searchListener = Objects.requireNonNull(listener, "listener");
    }

    /** The player's DM channel, once known. */
    public void rememberDmChannel(PlayerId player, long channelId) {
        Objects.requireNonNull(player, "player");
        dmChannels.put(player, channelId);
    }

    /** The player left the queue or his token failed: no more edits until he searches again. */
    public void forgetToken(PlayerId player) {
        tokens.remove(player);
    }

    /**
     * Forgets the token only if it is still {@code token}: a token that failed must not take a
     * newer search's token with it.
     */
    public void forgetToken(PlayerId player, String token) {
        tokens.computeIfPresent(player, (p, known) -> known.value().equals(token) ? null : known);
    }

    /**
     * The match message of {@code matchId} was sent to the player as {@code messageId} in his DM
     * channel {@code channelId}: a later {@code MatchDetails} of the same match edits it.
     */
    public void rememberDetailsMessage(PlayerId player, long matchId, long channelId, long messageId) {
        Objects.requireNonNull(player, "player");
        detailsMessages.put(player, new DetailsMessage(matchId, channelId, messageId));
    }

    /** The edit of the player's match message of {@code matchId}, if one was sent. */
    public Optional<Delivery.EditDirectMessage> detailsMessage(PlayerId player, long matchId) {
        DetailsMessage known = detailsMessages.get(player);
        return known == null || known.matchId() != matchId ? Optional.empty()
                : Optional.of(new Delivery.EditDirectMessage(player, matchId, known.channelId(), known.messageId()));
    }

    /** The player's DM channel, if known. */
    public OptionalLong dmChannel(PlayerId player) {
        Long channel = dmChannels.get(player);
        return channel == null ? OptionalLong.empty() : OptionalLong.of(channel);
    }

    /** The player's token, while it may still be used for an edit at {@code now}. */
    public Optional<String> liveToken(PlayerId player, Instant now) {
        Token token = tokens.get(player);
        if (token == null) {
            return Optional.empty();
        }
        if (now.isBefore(token.issuedAt().plus(editWindow))) {
            return Optional.of(token.value());
        }
        tokens.remove(player, token); // too old for good: nothing to keep it for
        return Optional.empty();
    }

    /** The player's searching response as a way to edit it, while its token may be used at {@code now}. */
    public Optional<MessageWriters.Interaction> liveSearch(PlayerId player, Instant now) {
        Token token = tokens.get(player);
        return token != null && now.isBefore(token.issuedAt().plus(editWindow))
                ? Optional.of(new MessageWriters.Interaction(token.value(), token.issuedAt()))
                : Optional.empty();
    }

    /**
     * "Match found" is about to be sent into the player's searching response {@code token}: from
     * now on {@link #refreshSearching} leaves it alone. Called before the edit is queued.
     */
    public void markMatchFound(PlayerId player, String token) {
        tokens.computeIfPresent(player, (p, known) -> known.value().equals(token) ? known.withMatchFound() : known);
    }

    /**
     * Queues a refresh of the player's searching response {@code token} ({@code queueEdit} must
     * only queue, not block), unless "match found" has been sent into it or it was replaced.
     * Decided and queued under the same lock as {@link #markMatchFound}, so a refresh is either
     * queued before "match found" (and Discord applies both in that order: one token, one
     * bucket) or not at all; a refresh decided before a wave can never land after its edit.
     *
     * @return whether the refresh was queued
     */
    public boolean refreshSearching(PlayerId player, String token, Runnable queueEdit) {
        boolean[] queued = {false};
        tokens.computeIfPresent(player, (p, known) -> {
            if (known.value().equals(token) && !known.matchFound()) {
                queueEdit.run();
                queued[0] = true;
            }
            return known;
        });
        return queued[0];
    }

    /** Every player whose searching response may still be edited at {@code now}, with its token. */
    public Map<PlayerId, String> liveSearches(Instant now) {
        Map<PlayerId, String> live = new HashMap<>();
        tokens.forEach((player, token) -> {
            if (now.isBefore(token.issuedAt().plus(editWindow))) {
                live.put(player, token.value());
            }
        });
        return Map.copyOf(live);
    }

    /** The rule of the class comment. */
    public Delivery deliveryFor(Notification notification, Instant now) {
        PlayerId player = notification.player();
        if (notification instanceof MatchFound) {
            Optional<String> token = liveToken(player, now);
            if (token.isPresent()) {
                return new Delivery.EditOriginal(player, token.get());
            }
        }
        if (notification instanceof MatchDetails) {
            Optional<Delivery.EditDirectMessage> edit = detailsMessage(player, notification.matchId());
            if (edit.isPresent()) {
                return edit.get();
            }
        }
        return new Delivery.DirectMessage(player, dmChannel(player));
    }

    /** Players with a remembered token (for tests and metrics). */
    public int tokenCount() {
        return tokens.size();
    }
}
