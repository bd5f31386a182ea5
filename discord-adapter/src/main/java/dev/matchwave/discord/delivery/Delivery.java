package dev.matchwave.discord.delivery;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.notification.ratelimit.Route;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * How one notification reaches its player: the decision, apart from the sending. Immutable values.
 */
public sealed interface Delivery {

    /** The route the request takes, for the limiter to book. */
    Route route();

    /**
     * Edit the player's ephemeral "Searching..." response through its interaction token: an
     * interaction route, exempt from the global limit (docs/discord.md, Rate limits).
     *
     * @param token the interaction token, a credential: never logged whole
     */
    record EditOriginal(PlayerId player, String token) implements Delivery {
        public EditOriginal {
            Objects.requireNonNull(player, "player");
            Objects.requireNonNull(token, "token");
            if (token.isBlank()) {
                throw new IllegalArgumentException("token must not be blank");
            }
        }

        @Override
        public Route route() {
            return Route.interactionEdit(token);
        }

        @Override
        public String toString() {
            return "EditOriginal[" + player + "]";
        }
    }

    /**
     * A message in the player's DM channel: counts toward the global limit. When the channel is
     * not known yet, it is opened first (one more global request, whose route JDA's gate books).
     *
     * @param channelId the DM channel, if known
     */
    record DirectMessage(PlayerId player, OptionalLong channelId) implements Delivery {
        public DirectMessage {
            Objects.requireNonNull(player, "player");
            Objects.requireNonNull(channelId, "channelId");
        }

        @Override
        public Route route() {
            return channelId.isPresent() ? Route.channelMessage(Long.toUnsignedString(channelId.getAsLong()))
                    : Route.openDm();
        }
    }

    /**
     * An edit of the match message already sent in the player's DM channel
     * ({@code PATCH /channels/{id}/messages/{id}}): a channel route, so it counts toward the
     * global limit like a new message.
     *
     * @param matchId   the match the message is about
     * @param channelId the DM channel
     * @param messageId the message to edit
     */
    record EditDirectMessage(PlayerId player, long matchId, long channelId, long messageId) implements Delivery {
        /** The route template an edit of a channel message books. */
        public static final String ROUTE = "PATCH /channels/{channel.id}/messages/{message.id}";

        public EditDirectMessage {
            Objects.requireNonNull(player, "player");
        }

        @Override
        public Route route() {
            return new Route(ROUTE, Long.toUnsignedString(channelId), true);
        }
    }
}
