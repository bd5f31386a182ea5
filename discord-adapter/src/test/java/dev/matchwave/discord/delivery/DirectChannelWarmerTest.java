package dev.matchwave.discord.delivery;

import static dev.matchwave.discord.delivery.PlayerContactsTest.ALICE;
import static dev.matchwave.discord.delivery.PlayerContactsTest.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.time.ManualClock;
import dev.matchwave.notification.Notification;
import dev.matchwave.notification.dispatch.SendResult;
import dev.matchwave.notification.ratelimit.RateLimiter;
import dev.matchwave.notification.ratelimit.Route;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.Test;

/** Opening DM channels while players wait: paced, once per player, never in the way. Virtual time. */
class DirectChannelWarmerTest {

    private final ManualClock clock = ManualClock.atEpochSecond(Instant.parse("2026-11-22T10:00:00Z").getEpochSecond());
    private final PlayerContacts contacts = PlayerContacts.create();
    private final OpeningMessenger messenger = new OpeningMessenger();
    private final DirectChannelWarmer warmer = new DirectChannelWarmer(messenger, contacts,
            RateLimiter.smooth(5, Duration.ofSeconds(1), clock), clock);

    /** Opens channel 9000 + player id, at the time the test says; records when each was asked. */
    final class OpeningMessenger implements Messenger {
        final List<String> opened = new ArrayList<>();
        final List<CompletableFuture<OptionalLong>> answers = new ArrayList<>();
        boolean answerAtOnce = true;

        @Override
        public CompletionStage<OptionalLong> openDirectChannel(PlayerId player) {
            opened.add(player + "@" + clock.instant().getNano() / 1_000_000 + "ms+" + clock.instant().getEpochSecond() % 60 + "s");
            CompletableFuture<OptionalLong> answer = new CompletableFuture<>();
            answers.add(answer);
            if (answerAtOnce) {
                answer.complete(OptionalLong.of(9_000 + player.value()));
            }
            return answer;
        }

        @Override
        public CompletionStage<SendResult> edit(Delivery.EditOriginal delivery, Notification notification) {
            throw new AssertionError("the warmer sends nothing");
        }

        @Override
        public CompletionStage<SendResult> directMessage(Delivery.DirectMessage delivery, Notification notification,
                                                         LongConsumer channelOpened) {
            throw new AssertionError("the warmer sends nothing");
        }
    }

    @Test
    void aPlayerWhoStartsSearchingHasHisChannelOpenedAndRemembered() {
        contacts.onSearch(warmer::warm);
        contacts.rememberSearch(ALICE, "tok-a", clock.instant());
        clock.runDue();

        assertThat(messenger.opened).hasSize(1);
        assertThat(contacts.dmChannel(ALICE)).hasValue(9_011);
        // His details then go straight to the channel: one request, not two.
        assertThat(contacts.deliveryFor(PlayerContactsTest.details(ALICE), clock.instant()).route())
                .isEqualTo(Route.channelMessage("9011"));
        assertThat(warmer.pending()).isZero();
    }

    @Test
    void openingsArePacedAtTheirOwnRate() {
        for (int i = 1; i <= 20; i++) {
            assertThat(warmer.warm(PlayerId.of(i))).isTrue();
        }
        clock.runDue();
        assertThat(messenger.opened).as("the first at once").hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(messenger.opened).as("five a second").hasSizeBetween(5, 6);
        clock.advance(Duration.ofSeconds(3));
        assertThat(messenger.opened).hasSize(20);
        assertThat(warmer.pending()).isZero();
    }

    @Test
    void aKnownChannelOrABookedOpeningIsNotOpenedAgain() {
        contacts.rememberDmChannel(BOB, 4_242);
        assertThat(warmer.warm(BOB)).isFalse();

        messenger.answerAtOnce = false;
        assertThat(warmer.warm(ALICE)).isTrue();
        assertThat(warmer.warm(ALICE)).as("booked already").isFalse();
        clock.runDue();
        assertThat(warmer.warm(ALICE)).as("opening under way").isFalse();
        messenger.answers.getFirst().complete(OptionalLong.of(9_011));

        assertThat(messenger.opened).hasSize(1);
        assertThat(contacts.dmChannel(ALICE)).hasValue(9_011);
        assertThat(warmer.warm(ALICE)).as("known now").isFalse();
    }

    @Test
    void aChannelLearntWhileWaitingForItsTurnIsNotOpened() {
        warmer.warm(ALICE);
        warmer.warm(BOB);
        contacts.rememberDmChannel(BOB, 4_242); // he ran a slash command in his DM meanwhile
        clock.advance(Duration.ofSeconds(1));

        assertThat(messenger.opened).hasSize(1).first().asString().startsWith(ALICE.toString());
        assertThat(warmer.pending()).isZero();
    }

    @Test
    void aFailedOpeningIsForgottenAndCanBeTriedAgain() {
        messenger.answerAtOnce = false;
        warmer.warm(ALICE);
        clock.runDue();
        messenger.answers.getFirst().completeExceptionally(new IllegalStateException("HTTP 500"));

        assertThat(contacts.dmChannel(ALICE)).isEmpty();
        assertThat(warmer.pending()).isZero();
        assertThat(warmer.warm(ALICE)).isTrue();
    }

    @Test
    void aListenerThatFailsDoesNotStopTheSearch() {
        contacts.onSearch(player -> {
            throw new IllegalStateException("boom");
        });
        contacts.rememberSearch(ALICE, "tok-a", clock.instant());
        assertThat(contacts.deliveryFor(PlayerContactsTest.found(ALICE), clock.instant()))
                .isEqualTo(new Delivery.EditOriginal(ALICE, "tok-a"));
    }
}
