package dev.matchwave.discord.delivery;

import static dev.matchwave.discord.delivery.PlayerContactsTest.ALICE;
import static dev.matchwave.discord.delivery.PlayerContactsTest.BOB;
import static dev.matchwave.discord.delivery.PlayerContactsTest.JOINED;
import static dev.matchwave.discord.delivery.PlayerContactsTest.details;
import static dev.matchwave.discord.delivery.PlayerContactsTest.found;
import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.matchmaking.PlayerId;
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
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
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
        /** When set, direct messages leave at once and their answers wait until the test runs them. */
        boolean holdAnswers;
        final List<Runnable> held = new ArrayList<>();

        @Override
        public CompletionStage<SendResult> edit(Delivery.EditOriginal delivery, Notification notification) {
            calls.add("edit " + delivery.token() + " " + notification.player());
            return CompletableFuture.completedFuture(nextEdit);
        }

        @Override
        public CompletionStage<SendResult> directMessage(Delivery.DirectMessage delivery, Notification notification,
                                                         LongConsumer channelOpened) {
            String channel = delivery.channelId().isPresent() ? Long.toString(delivery.channelId().getAsLong()) : "new";
            calls.add("dm " + notification.player() + " channel=" + channel);
            CompletableFuture<SendResult> answer = new CompletableFuture<>();
            Runnable arrive = () -> {
                if (delivery.channelId().isEmpty()) {
                    channelOpened.accept(openedChannel);
                }
                nextMessageId++;
                answer.complete(SendResult.sent());
            };
            if (holdDirectMessages) {
                held.add(arrive);
            } else {
                arrive.run();
            }
            return answer;
        }

        /** DM channels this messenger opened or was told, per player id. */
        final java.util.Map<PlayerId, Long> channels = new java.util.HashMap<>();

        @Override
        public MessageCreateData render(Notification notification) {
            return new MessageCreateBuilder().setContent(notification.getClass().getSimpleName() + " for "
                    + notification.player()).build();
        }

        /**
         * The writers' requests, recorded as the old calls were, when they leave: a request the
         * writer called back before it left is not recorded (it never reached Discord).
         */
        @Override
        public CompletionStage<MessageWriters.Landing> write(MessageWriters.Key key, MessageWriters.Target target,
                                                             MessageCreateData content, BooleanSupplier leaving) {
            CompletableFuture<MessageWriters.Landing> answer = new CompletableFuture<>();
            PlayerId player = key.player();
            Runnable arrive = () -> {
                if (!leaving.getAsBoolean()) {
                    answer.complete(new MessageWriters.Landing.Failed(SendResult.permanentFailure("cancelled")));
                    return;
                }
                switch (target) {
                    case MessageWriters.Interaction interaction -> {
                        calls.add("edit " + interaction.token() + " " + player);
                        answer.complete(nextEdit instanceof SendResult.Sent ? MessageWriters.Landing.landed()
                                : new MessageWriters.Landing.Failed(nextEdit));
                    }
                    case MessageWriters.ChannelMessage message -> {
                        calls.add("editdm " + player + " channel=" + message.channelId() + " message=" + message.messageId());
                        answer.complete(nextDirectEdit instanceof SendResult.Sent ? MessageWriters.Landing.landed()
                                : new MessageWriters.Landing.Failed(nextDirectEdit));
                    }
                    case MessageWriters.NewMessage ignored -> {
                        Long known = channels.get(player);
                        calls.add("dm " + player + " channel=" + (known == null ? "new" : known.toString()));
                        long channel = known == null ? openedChannel : known;
                        channels.put(player, channel);
                        answer.complete(new MessageWriters.Landing.Landed(Optional.of(
                                new MessageWriters.ChannelMessage(channel, nextMessageId++))));
                    }
                }
            };
            if (holdAnswers && target instanceof MessageWriters.NewMessage) {
                // Leaves now; the answer comes when the test says.
                CompletableFuture<MessageWriters.Landing> inner = answer;
                CompletableFuture<MessageWriters.Landing> outer = new CompletableFuture<>();
                inner.thenAccept(landing -> held.add(() -> outer.complete(landing)));
                arrive.run();
                return outer;
            }
            if (holdDirectMessages && target instanceof MessageWriters.NewMessage) {
                held.add(arrive);
            } else {
                arrive.run();
            }
            return answer;
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
     * were still paced, and the details of the match's start went as a second new message. Now
     * the waiting send is replaced by the newer one, which creates the one message.
     */
    @Test
    void detailsThatComeWhileTheMatchMessageIsUnderWayMakeOneMessage() {
        messenger.holdDirectMessages = true;
        Route wave = sink.route(details(ALICE));
        CompletableFuture<SendResult> first = sink.send(details(ALICE), wave).toCompletableFuture();
        // Both players confirm: the route was chosen while no match message was known.
        Route started = sink.route(details(ALICE));
        assertThat(started).isEqualTo(wave);
        CompletableFuture<SendResult> second = sink.send(details(ALICE), started).toCompletableFuture();
        assertThat(first).isNotDone();
        assertThat(second).isNotDone();

        new ArrayList<>(messenger.held).forEach(Runnable::run);

        assertThat(first).isCompletedWithValue(SendResult.sent());
        assertThat(second).isCompletedWithValue(SendResult.sent());
        assertThat(messenger.calls).as("the first never left: one message, rendered last").containsExactly("dm 11 channel=new");
        assertThat(sink.detailsUnderWay()).isZero();
        // Later details edit the message.
        assertThat(deliver(details(ALICE))).isEqualTo(SendResult.sent());
        assertThat(messenger.calls).containsExactly("dm 11 channel=new", "editdm 11 channel=9001 message=500");
    }

    /** A send that has left is awaited: the newer state goes after it, as an edit of what it made. */
    @Test
    void detailsThatComeWhileTheMatchMessageIsOutEditItAfterwards() {
        messenger.holdAnswers = true;
        CompletableFuture<SendResult> first = sink.send(details(ALICE), sink.route(details(ALICE))).toCompletableFuture();
        CompletableFuture<SendResult> second = sink.send(details(ALICE), sink.route(details(ALICE))).toCompletableFuture();
        assertThat(messenger.calls).as("one request out at a time").containsExactly("dm 11 channel=new");
        assertThat(second).isNotDone();

        messenger.held.removeFirst().run();

        assertThat(first).isCompletedWithValue(SendResult.sent());
        assertThat(second).isCompletedWithValue(SendResult.sent());
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
        new ArrayList<>(messenger.held).forEach(Runnable::run);
        assertThat(messenger.calls).containsExactly("dm 11 channel=new", "dm 22 channel=new", "dm 11 channel=9001");
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
        // Its writer gives the deleted message up and sends a new one in the same channel.
        assertThat(deliver(details(ALICE))).isEqualTo(SendResult.sent());
        assertThat(messenger.calls).containsExactly("dm 11 channel=new", "editdm 11 channel=9001 message=500",
                "dm 11 channel=9001");
        messenger.nextDirectEdit = SendResult.sent();
        assertThat(deliver(details(ALICE))).isEqualTo(SendResult.sent());
        assertThat(messenger.calls).last().isEqualTo("editdm 11 channel=9001 message=501");
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

    /**
     * A crash demo saw a restored player with two DMs of one match: his "match found" went by DM
     * (no live token) and the match message made a second DM; once both had confirmed, both
     * showed the whole match with its result controls. His "match found" DM is his match message.
     */
    @Test
    void aMatchFoundSentByDirectMessageIsThePlayersMatchMessage() {
        contacts.rememberSearch(BOB, "tok-b", JOINED);
        clock.advance(Duration.ofMinutes(14).plusSeconds(1));
        assertThat(deliver(found(ALICE))).isEqualTo(SendResult.sent());
        assertThat(deliver(details(ALICE))).isEqualTo(SendResult.sent());
        assertThat(deliver(details(ALICE))).isEqualTo(SendResult.sent());
        // Bob's "match found" went into his searching response: his match message is a DM of its own.
        contacts.rememberSearch(BOB, "tok-b2", clock.instant());
        assertThat(deliver(found(BOB))).isEqualTo(SendResult.sent());
        assertThat(deliver(details(BOB))).isEqualTo(SendResult.sent());
        assertThat(messenger.calls).containsExactly("dm 11 channel=new",
                "editdm 11 channel=9001 message=500", "editdm 11 channel=9001 message=500",
                "edit tok-b2 22", "dm 22 channel=new");
        assertThat(sink.route(details(ALICE)).majorParameter()).isEqualTo("9001");
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
