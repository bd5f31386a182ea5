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
 * with its token then waits until Discord has taken that acknowledgement.
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

        private final IMessageEditCallback event;
        private final AtomicBoolean claimed = new AtomicBoolean();
        private final CompletableFuture<Void> acknowledged = new CompletableFuture<>();

        private Click(IMessageEditCallback event) {
            this.event = event;
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
            requireClaimed();
            event.editMessage(message).queue(ok -> acknowledged.complete(null), acknowledged::completeExceptionally);
            return acknowledged;
        }

        /** Answers the claimed click with a deferred update: its message stays as it is for now. */
        public void acknowledge() {
            requireClaimed();
            event.deferEdit().queue(ok -> acknowledged.complete(null), acknowledged::completeExceptionally);
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

        private void requireClaimed() {
            if (!claimed.get()) {
                throw new IllegalStateException("claim the click before answering it");
            }
        }
    }
}
