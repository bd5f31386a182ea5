package dev.matchwave.discord.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import net.dv8tion.jda.api.interactions.callbacks.IMessageEditCallback;
import net.dv8tion.jda.api.requests.restaction.interactions.MessageEditCallbackAction;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.junit.jupiter.api.Test;

/**
 * A click is answered once: by the message (UPDATE_MESSAGE) when the writer claims it, else by a
 * deferred update; it is found by its token until Discord has taken that answer.
 */
class ClickAnswersTest {

    /** A click whose callbacks are recorded and answered when the test says so. */
    private static final class FakeClick {
        final String token;
        final List<String> callbacks = java.util.Collections.synchronizedList(new ArrayList<>());
        final List<Consumer<Object>> pendingSuccess = java.util.Collections.synchronizedList(new ArrayList<>());
        final List<Consumer<Throwable>> pendingFailure = java.util.Collections.synchronizedList(new ArrayList<>());
        final IMessageEditCallback event;

        FakeClick(String token) {
            this.token = token;
            this.event = (IMessageEditCallback) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {IMessageEditCallback.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "getToken" -> token;
                        case "editMessage" -> action("update");
                        case "deferEdit" -> action("defer");
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        @SuppressWarnings("unchecked")
        private MessageEditCallbackAction action(String callback) {
            return (MessageEditCallbackAction) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {MessageEditCallbackAction.class}, (proxy, method, args) -> {
                        if (method.getName().equals("queue") && args != null && args.length == 2) {
                            callbacks.add(callback);
                            pendingSuccess.add((Consumer<Object>) args[0]);
                            pendingFailure.add((Consumer<Throwable>) args[1]);
                            return null;
                        }
                        throw new UnsupportedOperationException(method.getName());
                    });
        }

        void discordTakes() {
            pendingSuccess.forEach(success -> success.accept(null));
        }

        void discordRefuses() {
            pendingFailure.forEach(failure -> failure.accept(new IllegalStateException("Unknown interaction")));
        }
    }

    private static final MessageEditData MESSAGE = MessageEditData.fromContent("Confirmed");

    @Test
    void theWriterThatClaimsAClickAnswersItWithTheMessageAndTheDeadlineThenDoesNothing() {
        ClickAnswers clicks = new ClickAnswers();
        FakeClick click = new FakeClick("t1");
        ClickAnswers.Click registered = clicks.register(click.event);

        assertThat(clicks.find("t1")).containsSame(registered);
        assertThat(registered.claim()).isTrue();
        CompletableFuture<Void> answered = registered.answer(MESSAGE).toCompletableFuture();
        registered.acknowledgeIfUnanswered();
        assertThat(click.callbacks).containsExactly("update");
        assertThat(clicks.find("t1")).as("kept until Discord has taken the answer").isPresent();

        click.discordTakes();
        assertThat(answered).isCompleted();
        assertThat(registered.acknowledged().toCompletableFuture()).isCompleted();
        assertThat(clicks.find("t1")).as("forgotten once answered: later edits with the token go straight").isEmpty();
        assertThat(clicks.pending()).isZero();
    }

    @Test
    void anUnclaimedClickIsAcknowledgedWithADeferredUpdateAndNobodyAnswersItAgain() {
        ClickAnswers clicks = new ClickAnswers();
        FakeClick click = new FakeClick("t2");
        ClickAnswers.Click registered = clicks.register(click.event);

        registered.acknowledgeIfUnanswered();
        registered.acknowledgeIfUnanswered();
        assertThat(registered.claim()).as("a writer coming late finds it answered").isFalse();
        assertThat(click.callbacks).containsExactly("defer");
        assertThat(clicks.find("t2")).as("an edit with its token waits for this acknowledgement").isPresent();
        click.discordTakes();
        assertThat(clicks.find("t2")).isEmpty();
    }

    @Test
    void aRefusedAnswerFailsTheAcknowledgementAndForgetsTheClick() {
        ClickAnswers clicks = new ClickAnswers();
        FakeClick click = new FakeClick("t3");
        ClickAnswers.Click registered = clicks.register(click.event);
        assertThat(registered.claim()).isTrue();
        CompletableFuture<Void> answered = registered.answer(MESSAGE).toCompletableFuture();

        click.discordRefuses();
        assertThat(answered).isCompletedExceptionally();
        assertThat(clicks.find("t3")).isEmpty();
    }

    @Test
    void answeringWithoutTheClaimIsAMistakeNotASecondCallback() {
        FakeClick click = new FakeClick("t4");
        ClickAnswers.Click registered = new ClickAnswers().register(click.event);
        assertThatThrownBy(() -> registered.answer(MESSAGE)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("claim");
        assertThatThrownBy(registered::acknowledge).isInstanceOf(IllegalStateException.class);
        assertThat(click.callbacks).isEmpty();
    }

    /**
     * The writer's transport and the deadline race for every click, on real threads: each click
     * gets exactly one callback, whoever wins.
     */
    @Test
    void underARaceEveryClickGetsExactlyOneCallback() throws Exception {
        ClickAnswers clicks = new ClickAnswers();
        int count = 2_000;
        List<FakeClick> fakes = new ArrayList<>();
        List<ClickAnswers.Click> registered = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            FakeClick fake = new FakeClick("race-" + i);
            fakes.add(fake);
            registered.add(clicks.register(fake.event));
        }
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            // All four meet at each click, then race for it.
            CyclicBarrier together = new CyclicBarrier(4);
            List<Future<?>> done = new ArrayList<>();
            // Two "writers" claim and answer with the message; two "deadlines" acknowledge.
            for (int t = 0; t < 4; t++) {
                boolean writer = t % 2 == 0;
                done.add(threads.submit(() -> {
                    for (ClickAnswers.Click click : registered) {
                        together.await(30, TimeUnit.SECONDS);
                        if (writer) {
                            if (click.claim()) {
                                click.answer(MESSAGE);
                            }
                        } else {
                            click.acknowledgeIfUnanswered();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        for (FakeClick fake : fakes) {
            assertThat(fake.callbacks).as("the callbacks of %s", fake.token).hasSize(1);
            fake.discordTakes();
        }
        assertThat(clicks.pending()).isZero();
    }

    @Test
    void aJoinsReplyHoldsItsTokenUntilDiscordTookItAndNobodyElseAnswersIt() {
        ClickAnswers clicks = new ClickAnswers();
        ClickAnswers.Click reply = clicks.registerReply("join-1");

        // A writer finds it and cannot claim it: it waits for the reply, then edits.
        assertThat(clicks.find("join-1")).containsSame(reply);
        assertThat(reply.claim()).isFalse();
        reply.acknowledgeIfUnanswered(); // the click deadline's call: nothing to send for a reply
        assertThatThrownBy(() -> reply.answer(MESSAGE)).isInstanceOf(IllegalStateException.class);
        assertThat(reply.acknowledged().toCompletableFuture()).isNotDone();

        reply.replied(null);
        assertThat(reply.acknowledged().toCompletableFuture()).isCompleted();
        assertThat(clicks.find("join-1")).isEmpty();
        assertThat(clicks.pending()).isZero();
    }

    @Test
    void aRefusedReplyLetsTheWaitingEditsGoAndIsForgotten() {
        ClickAnswers clicks = new ClickAnswers();
        ClickAnswers.Click reply = clicks.registerReply("join-2");

        reply.replied(new IllegalStateException("Unknown interaction"));
        assertThat(reply.acknowledged().toCompletableFuture()).isCompletedExceptionally();
        assertThat(clicks.find("join-2")).isEmpty();
    }

    @Test
    void aClickIsSettledByItsAnswerNotAsAReply() {
        ClickAnswers clicks = new ClickAnswers();
        ClickAnswers.Click click = clicks.register(new FakeClick("t9").event);
        assertThatThrownBy(() -> click.replied(null)).isInstanceOf(IllegalStateException.class);
        assertThat(clicks.find("t9")).isPresent();
    }
}
