package dev.matchwave.discord.delivery;

import static dev.matchwave.discord.delivery.PlayerContactsTest.ALICE;
import static dev.matchwave.discord.delivery.PlayerContactsTest.BOB;
import static dev.matchwave.discord.delivery.PlayerContactsTest.JOINED;
import static dev.matchwave.discord.delivery.PlayerContactsTest.details;
import static dev.matchwave.discord.delivery.PlayerContactsTest.found;
import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.matchmaking.time.ManualClock;
import dev.matchwave.notification.MatchDetails;
import dev.matchwave.notification.MatchInfo;
import dev.matchwave.notification.Notification;
import dev.matchwave.notification.Participant;
import dev.matchwave.notification.dispatch.SendResult;
import dev.matchwave.notification.ratelimit.Route;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.Test;

/** The sink's decisions, with a fake messenger: no JDA, virtual time. */
class DiscordNotificationSinkTest {

    private final ManualClock clock = ManualClock.atEpochSecond(JOINED.getEpochSecond());
    private final PlayerContacts contacts = PlayerContacts.create();
    private final FakeMessenger messenger = new FakeMessenger();
    private final DiscordNotificationSink sink = new DiscordNotificationSink(contacts, messenger, clock);

    /**
     * Records each call as "edit tok 11", "dm 11 channel=9001" or "editdm 11 channel=9001
     * message=500" and answers what it is told; a direct message gets ids 500, 501, ...
     */
    static final class FakeMessenger implements Messenger {
        final List<String> calls = new ArrayList<>();
        SendResult nextEdit = SendResult.sent();
        SendResult nextDirectEdit = SendResult.sent();
        long openedChannel = 9_001;
        long nextMessageId = 500;
        /** When set, direct messages stay under way until the test completes them, in order. */
        boolean holdDirectMessages;
        final List<Runnable> held = new ArrayList<>();

        @Override
        public CompletionStage<SendResult> edit(Delivery.EditOriginal delivery, Notification notification) {
            calls.add("edit " + delivery.token() + " " + notification.player());
            return CompletableFuture.completedFuture(nextEdit);
        }

        @Override
        public CompletionStage<SendResult> directMessage(Delivery.DirectMessage delivery, Notification notification,
                                                         LongConsumer channelOpened) {
            return directMessage(delivery, notification, channelOpened, MessageSent.IGNORED);
        }

        @Override
        public CompletionStage<SendResult> directMessage(Delivery.DirectMessage delivery, Notification notification,
                                                         LongConsumer channelOpened, MessageSent sent) {
            String channel = delivery.channelId().isPresent() ? Long.toString(delivery.channelId().getAsLong()) : "new";
            calls.add("dm " + notification.player() + " channel=" + channel);
            CompletableFuture<SendResult> answer = new CompletableFuture<>();
            Runnable arrive = () -> {
                if (delivery.channelId().isEmpty()) {
                    channelOpened.accept(openedChannel);
                }
                sent.sent(delivery.channelId().orElse(openedChannel), nextMessageId++);
                answer.complete(SendResult.sent());
            };
            if (holdDirectMessages) {
                held.add(arrive);
            } else {
                arrive.run();
            }
            return answer;
        }

        @Override
        public CompletionStage<SendResult> editDirectMessage(Delivery.EditDirectMessage delivery,
                                                             Notification notification) {
            calls.add("editdm " + notification.player() + " channel=" + delivery.channelId() + " message="
                    + delivery.messageId());
            return CompletableFuture.completedFuture(nextDirectEdit);
        }
    }

    private SendResult deliver(Notification notification) {
        Route route = sink.route(notification);
        return sink.send(notification, route).toCompletableFuture().join();
    }

    @Test
    void phaseOneEditsAndPhaseTwoSendsADirectMessage() {
        contacts.rememberSearch(ALICE, "tok-a", JOINED);
        clock.advance(Duration.ofMinutes(2));
        assertThat(deliver(found(ALICE))).isEqualTo(SendResult.sent());
        assertThat(deliver(details(ALICE))).isEqualTo(SendResult.sent());
        assertThat(deliver(details(ALICE))).isEqualTo(SendResult.sent());
        assertThat(deliver(found(ALICE))).isEqualTo(SendResult.sent());
        // The second details of the same match edit the first message; phase 1 stays an edit of the token.
        assertThat(messenger.calls).containsExactly("edit tok-a 11", "dm 11 channel=new",
                "editdm 11 channel=9001 message=500", "edit tok-a 11");
        assertThat(contacts.dmChannel(ALICE)).hasValue(9_001);
    }

    /**
     * The demo found players with two match messages: both confirmed while the wave's details
     * were still paced, and the details of the match's start went as a second new message.
     */
    @Test
    void detailsThatComeWhileTheMatchMessageIsUnderWayEditItInsteadOfSendingASecond() {
        messenger.holdDirectMessages = true;
        Route wave = sink.route(details(ALICE));
        CompletableFuture<SendResult> first = sink.send(details(ALICE), wave).toCompletableFuture();
        // Both players confirm: the route was chosen while no match message was known.
        Route started = sink.route(details(ALICE));
        assertThat(started).isEqualTo(wave);
        CompletableFuture<SendResult> second = sink.send(details(ALICE), started).toCompletableFuture();
        assertThat(messenger.calls).as("the second waits for the first").containsExactly("dm 11 channel=new");
        assertThat(second).isNotDone();

        messenger.held.removeFirst().run();

        assertThat(first).isCompletedWithValue(SendResult.sent());
        assertThat(second).isCompletedWithValue(SendResult.sent());
        assertThat(messenger.calls).containsExactly("dm 11 channel=new", "editdm 11 channel=9001 message=500");
        assertThat(sink.detailsUnderWay()).isZero();
    }

    /**
     * Both players confirmed before the wave's match message was rendered: it shows the details
     * already, and a second render, made before the player's click on the first and landing after
     * it, would undo the click (the demo's scripted players lost picked results so).
     */
    @Test
    void detailsBookedBeforeTheMatchMessageWasRenderedSendNothingMore() {
        messenger.holdDirectMessages = true;
        Route wave = sink.route(details(ALICE));
        Route started = sink.route(details(ALICE)); // both confirmed while the wave's send waited its turn
        CompletableFuture<SendResult> first = sink.send(details(ALICE), wave).toCompletableFuture();
        CompletableFuture<SendResult> second = sink.send(details(ALICE), started).toCompletableFuture();

        messenger.held.removeFirst().run();

        assertThat(first).isCompletedWithValue(SendResult.sent());
        assertThat(second).isCompletedWithValue(SendResult.sent());
        assertThat(messenger.calls).containsExactly("dm 11 channel=new");
        assertThat(sink.detailsUnderWay()).isZero();
        // Later details edit the message as before.
        assertThat(deliver(details(ALICE))).isEqualTo(SendResult.sent());
        assertThat(messenger.calls).containsExactly("dm 11 channel=new", "editdm 11 channel=9001 message=500");
    }

    @Test
    void detailsOfDifferentPlayersOrMatchesDoNotWaitForEachOther() {
        messenger.holdDirectMessages = true;
        sink.send(details(ALICE), sink.route(details(ALICE)));
        sink.send(details(BOB), sink.route(details(BOB)));
        MatchDetails nextMatch = new MatchDetails(ALICE, new MatchInfo(8, new Participant(ALICE, "alice", "bw_zerg"),
                new Participant(BOB, "bob", "sc2_terran"), "Fighting Spirit", "EUC", "scevo08"));
        sink.send(nextMatch, sink.route(nextMatch));
        assertThat(messenger.calls).containsExactly("dm 11 channel=new", "dm 22 channel=new", "dm 11 channel=new");
        messenger.held.forEach(Runnable::run);
        assertThat(sink.detailsUnderWay()).isZero();
    }

    @Test
    void theMatchMessageIsEditedOnlyForItsOwnMatch() {
        deliver(details(ALICE));
        MatchDetails nextMatch = new MatchDetails(ALICE, new MatchInfo(8, new Participant(ALICE, "alice", "bw_zerg"),
                new Participant(BOB, "bob", "sc2_terran"), "Fighting Spirit", "EUC", "scevo08"));
        assertThat(sink.route(nextMatch)).isEqualTo(Route.channelMessage("9001"));
        deliver(nextMatch);
        deliver(nextMatch);
        assertThat(messenger.calls).containsExactly("dm 11 channel=new", "dm 11 channel=9001",
                "editdm 11 channel=9001 message=501");
    }

    @Test
    void aMatchMessageThatCannotBeEditedIsSentAnew() {
        deliver(details(ALICE));
        messenger.nextDirectEdit = SendResult.permanentFailure("HTTP 404 (10008 Unknown Message)");
        SendResult first = deliver(details(ALICE));
        assertThat(first).isInstanceOfSatisfying(SendResult.Failed.class, failed -> {
            assertThat(failed.retryable()).isTrue();
            assertThat(failed.reason()).contains("10008").contains("new direct message");
        });
        assertThat(sink.route(details(ALICE))).isEqualTo(Route.channelMessage("9001"));
        assertThat(deliver(details(ALICE))).isEqualTo(SendResult.sent());
        assertThat(messenger.calls).containsExactly("dm 11 channel=new", "editdm 11 channel=9001 message=500",
                "dm 11 channel=9001");
    }

    @Test
    void aRateLimitedMatchMessageEditKeepsTheMessage() {
        deliver(details(ALICE));
        messenger.nextDirectEdit = SendResult.rateLimited(Duration.ofMillis(300), false);
        assertThat(deliver(details(ALICE))).isEqualTo(SendResult.rateLimited(Duration.ofMillis(300), false));
        assertThat(sink.route(details(ALICE)).name()).isEqualTo(Delivery.EditDirectMessage.ROUTE);
        assertThat(sink.route(details(ALICE)).globallyLimited()).isTrue();
    }

    @Test
    void aPlayerWhoSearchedLongerThanTheEditWindowGetsADirectMessage() {
        contacts.rememberSearch(ALICE, "tok-a", JOINED);
        contacts.rememberSearch(BOB, "tok-b", JOINED.plus(Duration.ofMinutes(10)));
        clock.advance(Duration.ofMinutes(14).plusSeconds(1));
        deliver(found(ALICE));
        deliver(found(BOB));
        assertThat(messenger.calls).containsExactly("dm 11 channel=new", "edit tok-b 22");
    }

    @Test
    void anEditThatFailsForGoodIsRetriedAsADirectMessage() {
        contacts.rememberSearch(ALICE, "tok-a", JOINED);
        messenger.nextEdit = SendResult.permanentFailure("HTTP 404 (10015 Unknown Webhook)");
        SendResult first = deliver(found(ALICE));
        assertThat(first).isInstanceOfSatisfying(SendResult.Failed.class, failed -> {
            assertThat(failed.retryable()).isTrue();
            assertThat(failed.reason()).contains("10015").contains("direct message");
        });
        assertThat(sink.route(found(ALICE))).isEqualTo(Route.openDm());
        assertThat(deliver(found(ALICE))).isEqualTo(SendResult.sent());
        assertThat(messenger.calls).containsExactly("edit tok-a 11", "dm 11 channel=new");
    }

    @Test
    void aRateLimitedEditKeepsItsToken() {
        contacts.rememberSearch(ALICE, "tok-a", JOINED);
        messenger.nextEdit = SendResult.rateLimited(Duration.ofMillis(300), false);
        assertThat(deliver(found(ALICE))).isEqualTo(SendResult.rateLimited(Duration.ofMillis(300), false));
        assertThat(sink.route(found(ALICE))).isEqualTo(Route.interactionEdit("tok-a"));
    }

    @Test
    void aMessengerThatThrowsGivesARetryableFailure() {
        DiscordNotificationSink broken = new DiscordNotificationSink(contacts, new Messenger() {
            @Override
            public CompletionStage<SendResult> edit(Delivery.EditOriginal delivery, Notification notification) {
                throw new IllegalStateException("JDA is shut down");
            }

            @Override
            public CompletionStage<SendResult> directMessage(Delivery.DirectMessage delivery, Notification notification,
                                                             LongConsumer channelOpened) {
                throw new IllegalStateException("JDA is shut down");
            }
        }, clock);
        SendResult result = broken.send(details(BOB), broken.route(details(BOB))).toCompletableFuture().join();
        assertThat(result).isInstanceOfSatisfying(SendResult.Failed.class,
                failed -> assertThat(failed.retryable()).isTrue());
        assertThat(result).isNotEqualTo(SendResult.retryableFailure("x", Optional.empty()));
    }
}
