package dev.matchwave.bot.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.discord.delivery.Delivery;
import dev.matchwave.discord.delivery.DiscordNotificationSink;
import dev.matchwave.discord.delivery.MessageWriters;
import dev.matchwave.discord.delivery.Messenger;
import dev.matchwave.discord.delivery.PlayerContacts;
import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.Seat;
import dev.matchwave.matchmaking.ladder.MatchId;
import dev.matchwave.matchmaking.ladder.match.ChannelNaming;
import dev.matchwave.matchmaking.ladder.match.Match;
import dev.matchwave.matchmaking.ladder.match.MatchEvent;
import dev.matchwave.matchmaking.ladder.match.MatchResult;
import dev.matchwave.matchmaking.ladder.match.MatchSetup;
import dev.matchwave.matchmaking.ladder.match.MatchState;
import dev.matchwave.matchmaking.ladder.match.Participant;
import dev.matchwave.matchmaking.ladder.player.Player;
import dev.matchwave.matchmaking.ladder.player.PlayerProfile;
import dev.matchwave.matchmaking.time.ManualClock;
import dev.matchwave.notification.MatchDetails;
import dev.matchwave.notification.MatchFound;
import dev.matchwave.notification.MatchInfo;
import dev.matchwave.notification.Notification;
import dev.matchwave.notification.dispatch.SendResult;
import dev.matchwave.notification.ratelimit.Route;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;

/**
 * The bot's match messages through the Discord sink with a fake messenger that renders what it
 * is asked to send: no JDA connection, no database. The details (map, server, channel, contact
 * names, result controls) must not appear anywhere before both players have confirmed.
 */
class LadderMessageRendererTest {

    static final PlayerId ALICE = PlayerId.of(111_111_111_111L);
    static final PlayerId BOB = PlayerId.of(222_222_222_222L);
    static final Instant FOUND_AT = Instant.parse("2026-01-01T12:00:45Z");
    static final String MAP = "Fighting Spirit";
    static final String SERVER = "EUC";
    /** Every detail that must wait for both confirmations. */
    static final List<String> DETAILS = List.of(MAP, SERVER, "scevo", "Alice#1234", "alice2nd", "Bob#5678",
            "mw1:rep:", "mw1:repok:", "Who won?");

    /** The store as the renderer sees it: one match, two players. */
    static final class FakeLadder implements LadderMessageRenderer.Source {
        final Map<Long, Match> matches = new ConcurrentHashMap<>();
        final Map<PlayerId, Player> players = new ConcurrentHashMap<>();

        @Override
        public Optional<Match> match(long matchId) {
            return Optional.ofNullable(matches.get(matchId));
        }

        @Override
        public Optional<Player> player(PlayerId player) {
            return Optional.ofNullable(players.get(player));
        }
    }

    /** Renders each send with the bot's renderer and keeps "kind: message as JSON". */
    static final class RenderingMessenger implements Messenger {
        final LadderMessageRenderer renderer;
        final List<String> sent = new ArrayList<>();
        long nextMessageId = 900;

        RenderingMessenger(LadderMessageRenderer renderer) {
            this.renderer = renderer;
        }

        private void record(String kind, Notification notification) {
            try (MessageCreateData data = renderer.render(notification)) {
                sent.add(kind + " " + notification.player().value() + ": " + data.toData());
            }
        }

        @Override
        public MessageCreateData render(Notification notification) {
            return renderer.render(notification);
        }

        /** The sink's match messages come through their writer: recorded as the other sends are. */
        @Override
        public CompletionStage<MessageWriters.Landing> write(MessageWriters.Key key, MessageWriters.Target target,
                                                             MessageCreateData content,
                                                             java.util.function.BooleanSupplier leaving) {
            if (!leaving.getAsBoolean()) {
                return CompletableFuture.completedFuture(
                        new MessageWriters.Landing.Failed(SendResult.permanentFailure("cancelled")));
            }
            Optional<MessageWriters.ChannelMessage> made = Optional.empty();
            String kind;
            switch (target) {
                case MessageWriters.Interaction interaction -> kind = "edit";
                case MessageWriters.ChannelMessage message -> kind = "editdm " + message.messageId();
                case MessageWriters.NewMessage message -> {
                    kind = "dm";
                    made = Optional.of(new MessageWriters.ChannelMessage(key.player().value() + 1, nextMessageId++));
                }
            }
            sent.add(kind + " " + key.player().value() + ": " + content.toData());
            return CompletableFuture.completedFuture(new MessageWriters.Landing.Landed(made));
        }

        @Override
        public CompletionStage<SendResult> edit(Delivery.EditOriginal delivery, Notification notification) {
            record("edit", notification);
            return CompletableFuture.completedFuture(SendResult.sent());
        }

        @Override
        public CompletionStage<SendResult> directMessage(Delivery.DirectMessage delivery, Notification notification,
                                                         LongConsumer channelOpened) {
            record("dm", notification);
            channelOpened.accept(delivery.channelId().orElse(notification.player().value() + 1));
            return CompletableFuture.completedFuture(SendResult.sent());
        }
    }

    private final ManualClock clock = ManualClock.atEpochSecond(FOUND_AT.getEpochSecond());
    private final FakeLadder ladder = new FakeLadder();
    private final LadderMessageRenderer renderer = new LadderMessageRenderer(ladder);
    private final RenderingMessenger messenger = new RenderingMessenger(renderer);
    private final PlayerContacts contacts = PlayerContacts.create();
    private final DiscordNotificationSink sink = new DiscordNotificationSink(contacts, messenger, clock);

    static Match found(long id) {
        return new Match(MatchId.of(id), 1, Participant.seated(ALICE, new Seat("bw", "bw_zerg", 1540)),
                Participant.seated(BOB, new Seat("sc2", "sc2_terran", 1500)), new MatchSetup(MAP, SERVER),
                MatchState.FOUND, Optional.empty(), FOUND_AT, FOUND_AT.plusSeconds(60), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    static Match confirmed(Match match, PlayerId player) {
        return match.withParticipant(match.participant(player).orElseThrow().withConfirmedAt(FOUND_AT.plusSeconds(5)));
    }

    private void players() {
        ladder.players.put(ALICE, new Player(ALICE, Optional.of(new PlayerProfile("Alice", "Alice#1234",
                List.of("alice2nd"), "DE", "EUW")), Optional.of(FOUND_AT), false, 3, FOUND_AT));
        ladder.players.put(BOB, new Player(BOB, Optional.of(new PlayerProfile("Bob", "Bob#5678", List.of(), "US",
                "NAW")), Optional.of(FOUND_AT), false, 2, FOUND_AT));
    }

    private MatchInfo info(Match match) {
        return LadderNotifications.matchInfo(match, p -> p.equals(ALICE) ? "Alice" : "Bob", ChannelNaming.reference());
    }

    private void deliver(Notification notification) {
        Route route = sink.route(notification);
        assertThat(sink.send(notification, route).toCompletableFuture().join()).isEqualTo(SendResult.sent());
    }

    @Test
    void detailsAppearOnlyWhenBothHaveConfirmedByEditingTheMatchMessage() {
        players();
        Match match = found(42);
        ladder.matches.put(42L, match);
        contacts.rememberSearch(ALICE, "token-alice", FOUND_AT.minusSeconds(30));
        contacts.rememberSearch(BOB, "token-bob", FOUND_AT.minusSeconds(30));

        // Phase 1, then phase 2 at wave time (the dispatcher's order).
        for (PlayerId player : match.players()) {
            deliver(new MatchFound(player, 42, match.opponentOf(player)));
        }
        for (PlayerId player : match.players()) {
            deliver(new MatchDetails(player, info(match)));
        }
        // Alice confirms; nothing is sent for that, but a retry of phase 2 would render again.
        ladder.matches.put(42L, confirmed(match, ALICE));
        deliver(new MatchDetails(BOB, info(match)));
        assertThat(messenger.sent).hasSize(5);
        assertThat(messenger.sent.get(0)).startsWith("edit 111111111111: ").contains("Match found! (#42)", "BW Zerg",
                "Abort (3 left)");
        assertThat(messenger.sent.get(2)).startsWith("dm 111111111111: ").contains("Match #42: Alice vs Bob",
                "BW Zerg, 1540", "SC2 Terran, 1500", "Waiting for both confirmations");
        assertThat(messenger.sent.get(4)).startsWith("editdm 901 222222222222: ").contains("✅ Confirmed");
        for (String message : messenger.sent) {
            assertThat(message).as("before both confirm").doesNotContain(DETAILS);
        }

        // Bob confirms: the lifecycle starts the match; the event's notifications edit the messages.
        Match started = confirmed(confirmed(match, ALICE), BOB).withStarted(FOUND_AT.plusSeconds(9));
        ladder.matches.put(42L, started);
        List<Notification> onStart = LadderNotifications.of(new MatchEvent.MatchStarted(started,
                FOUND_AT.plusSeconds(9)), p -> p.equals(ALICE) ? "Alice" : "Bob", ChannelNaming.reference());
        assertThat(onStart).hasSize(2).allMatch(MatchDetails.class::isInstance);
        onStart.forEach(this::deliver);
        assertThat(messenger.sent.subList(5, 7)).satisfiesExactly(
                alice -> assertThat(alice).startsWith("editdm 900 111111111111: ")
                        .contains(MAP, SERVER, "scevo02", "Alice\\\\#1234", "alice2nd", "Bob\\\\#5678", "Who won?",
                                "Pick a result above first"),
                bob -> assertThat(bob).startsWith("editdm 901 222222222222: ").contains(MAP, "scevo02", "Alice\\\\#1234"));
    }

    @Test
    void noStateBeforeTheStartShowsTheDetails() {
        players();
        Match match = found(7);
        List<Match> notStarted = List.of(match, confirmed(match, ALICE), confirmed(match, BOB),
                match.withClosed(MatchState.TIMED_OUT, MatchResult.ABORT, FOUND_AT.plusSeconds(60)),
                match.withClosed(MatchState.ABORTED, MatchResult.ABORT, FOUND_AT.plusSeconds(10)));
        for (Match m : notStarted) {
            ladder.matches.put(7L, m);
            for (PlayerId player : m.players()) {
                try (MessageCreateData data = renderer.render(new MatchDetails(player, info(m)))) {
                    assertThat(data.toData().toString()).as(m.state() + " for " + player).doesNotContain(DETAILS)
                            .contains("Waiting for both confirmations");
                    assertThat(data.getComponents()).isEmpty();
                }
            }
        }
    }

    @Test
    void aStartedMatchShowsItsStateAndReports() {
        players();
        Match started = confirmed(confirmed(found(3), ALICE), BOB).withStarted(FOUND_AT.plusSeconds(9));
        Match reported = started.withParticipant(started.player1().withReport(
                dev.matchwave.matchmaking.ladder.match.Report.PLAYER1));
        ladder.matches.put(3L, reported);
        var aliceView = renderer.matchView(reported, ALICE);
        assertThat(aliceView.reports().own()).contains(dev.matchwave.discord.view.MatchResult.PLAYER_1_WON);
        assertThat(aliceView.map()).isEqualTo(MAP);
        assertThat(renderer.matchView(reported, BOB).reports().opponentReported()).isTrue();
        Match completed = reported.withClosed(MatchState.COMPLETED, MatchResult.PLAYER1, FOUND_AT.plusSeconds(900));
        assertThat(renderer.matchView(completed, BOB).status())
                .isEqualTo(dev.matchwave.discord.view.MatchView.Status.COMPLETED);
        assertThat(renderer.matchView(completed, BOB).finalResult())
                .contains(dev.matchwave.discord.view.MatchResult.PLAYER_1_WON);
        assertThat(LadderMessageRenderer.raceLabel("bw_zerg")).isEqualTo("BW Zerg");
        assertThat(LadderMessageRenderer.raceLabel("chess")).isEqualTo("chess");
    }

    @Test
    void otherNotificationsArePlainAndAMissingMatchIsAFault() {
        try (MessageCreateData data = renderer.render(new dev.matchwave.notification.MatchConflict(ALICE, 5, "differ"))) {
            assertThat(data.getContent()).contains("Match #5");
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> renderer.render(new MatchFound(ALICE, 99, BOB)))
                .hasMessageContaining("match 99 not found");
    }
}
