package dev.matchwave.discord.delivery;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import net.dv8tion.jda.api.interactions.callbacks.IMessageEditCallback;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.jspecify.annotations.Nullable;

/**
 * The clicks on match messages that Discord has not been answered yet, by their token, so that
 * the message's writer answers a click with the message itself.
 *
 * <p>A click on a component must be answered within 3 s (docs/discord.md). Answered with a
 * deferred update, the click costs two requests before the player sees its effect: the
 * acknowledgement, then {@code PATCH .../messages/@original} with the new state. Answered with
 * {@code UPDATE_MESSAGE} (callback type 7), carrying the message as rendered when the answer
 * leaves, it costs one, and the player sees it one round trip sooner. The interaction router
 * {@linkplain #register registers} each click before it runs the ladder; the writer's transport
 * ({@link JdaMessenger}) that next sends to the message with the click's token
 * {@linkplain Click#claim claims} the click and sends its content as the click's answer; a click
 * nobody claimed in time (the ladder slow, the message's writer busy, nothing to change) is
 * {@linkplain Click#acknowledgeIfUnanswered acknowledged} with a deferred update, and an edit
 * with its token then waits until Discord has taken that acknowledgement. A join's reply (the
 * searching message, a new message) is {@linkplain #registerReply kept} the same way until
 * Discord has taken it, so that no edit of it goes first.
 *
 * <p>Thread-safe: a click is answered once, by whoever claims it first (a compare-and-set); the
 * map holds a click from its registration until its acknowledgement is done, whichever it was.
 */
public final class ClickAnswers {

    private final ConcurrentMap<String, Click> clicks = new ConcurrentHashMap<>();

    /** Keeps {@code event} until it is acknowledged, found by its token. */
    public Click register(IMessageEditCallback event) {
        Objects.requireNonNull(event, "event");
        Click click = new Click(event);
        clicks.put(event.getToken(), click);
        click.acknowledged.whenComplete((ok, failure) -> clicks.remove(event.getToken(), click));
        return click;
    }

    /**
     * Keeps the token of an interaction answered with a reply of its own (a new message, not an
     * update of the clicked one: the searching message of a join) until Discord shows that
     * reply (when it was deferred: until the deferred reply's edit with the answer landed, so no
     * other edit goes before it). Before then the interaction has no {@code @original}: an edit of it
     * (the wave's "match found", a refresh of the searching message) would be refused with a 404
     * and the token given up, so a writer that {@linkplain #find finds} it waits for
     * {@link Click#acknowledged()}. It is claimed from the start: a reply is no message's answer.
     * The one who sends the reply settles it with {@link Click#replied}.
     */
    public Click registerReply(String token) {
        Objects.requireNonNull(token, "token");
        Click reply = new Click(null);
        reply.claimed.set(true);
        clicks.put(token, reply);
        reply.acknowledged.whenComplete((ok, failure) -> clicks.remove(token, reply));
        return reply;
    }

    /** The click of {@code token} while its acknowledgement is not done; empty for any other token. */
    public Optional<Click> find(String token) {
        return Optional.ofNullable(clicks.get(Objects.requireNonNull(token, "token")));
    }

    /** Clicks kept (waiting for their acknowledgement): for tests and metrics. */
    public int pending() {
        return clicks.size();
    }

    /** One click: answered once, with the message or with a deferred update. */
    public static final class Click {

        /** The click; null for a reply ({@link #registerReply}), which is never answered here. */
        private final @Nullable IMessageEditCallback event;
        private final AtomicBoolean claimed = new AtomicBoolean();
        private final CompletableFuture<Void> acknowledged = new CompletableFuture<>();

        private Click(@Nullable IMessageEditCallback event) {
            this.event = event;
        }

        /**
         * A reply registered with {@link #registerReply} was taken by Discord ({@code failure}
         * null) or refused: edits of its {@code @original} may go (and find out for themselves).
         */
        public void replied(@Nullable Throwable failure) {
            if (event != null) {
                throw new IllegalStateException("a click is settled by its answer, not by replied()");
            }
            if (failure == null) {
                acknowledged.complete(null);
            } else {
                acknowledged.completeExceptionally(failure);
            }
        }

        /** Takes the right to answer the click; true once, for the first caller. */
        public boolean claim() {
            return claimed.compareAndSet(false, true);
        }

        /**
         * Answers the claimed click with {@code message} ({@code UPDATE_MESSAGE}).
         *
         * @return completes when Discord has taken it, or with its failure
         */
        public CompletionStage<Void> answer(MessageEditData message) {
            Objects.requireNonNull(message, "message");
            requireClaimed().editMessage(message).queue(ok -> acknowledged.complete(null), acknowledged::completeExceptionally);
            return acknowledged;
        }

        /** Answers the claimed click with a deferred update: its message stays as it is for now. */
        public void acknowledge() {
            requireClaimed().deferEdit().queue(ok -> acknowledged.complete(null), acknowledged::completeExceptionally);
        }

        /** Acknowledges with a deferred update unless the click was claimed already. */
        public void acknowledgeIfUnanswered() {
            if (claim()) {
                acknowledge();
            }
        }

        /** Completes when Discord has taken the click's answer, whichever it was; failed when it refused it. */
        public CompletionStage<Void> acknowledged() {
            return acknowledged;
        }

        /** The click to answer, once claimed. */
        private IMessageEditCallback requireClaimed() {
            IMessageEditCallback click = event;
            if (click == null) {
                throw new IllegalStateException("a reply is answered by its own callback, not here");
            }
            if (!claimed.get()) {
                throw new IllegalStateException("claim the click before answering it");
            }
            return click;
        }
    }
}
