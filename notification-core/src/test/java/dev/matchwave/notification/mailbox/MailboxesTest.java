package dev.matchwave.notification.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.time.ManualClock;
import dev.matchwave.notification.ConfirmReminder;
import dev.matchwave.notification.MatchAborted;
import dev.matchwave.notification.MatchFound;
import dev.matchwave.notification.Notification;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class MailboxesTest {

    private static final PlayerId ALICE = PlayerId.of(1);
    private static final PlayerId BOB = PlayerId.of(2);

    private final ManualClock clock = ManualClock.atEpochSecond(1_767_225_600L);
    private final Recorder recorder = new Recorder();
    private final Mailboxes mailboxes = new Mailboxes(new MailboxConfig(3, Duration.ofMinutes(10)), clock, recorder);

    private static Notification found(PlayerId player, long match) {
        return new MatchFound(player, match, player.equals(ALICE) ? BOB : ALICE);
    }

    @Test
    void aSubscriberTakesWhatIsPublishedInOrder() throws InterruptedException {
        try (Subscription alice = mailboxes.subscribe(ALICE)) {
            mailboxes.publish(found(ALICE, 1));
            mailboxes.publish(found(ALICE, 2));
            mailboxes.publish(found(BOB, 3));

            assertThat(alice.take(Duration.ZERO)).contains(found(ALICE, 1));
            assertThat(alice.poll()).contains(found(ALICE, 2));
            assertThat(alice.poll()).isEmpty();
        }
        assertThat(mailboxes.pending(BOB)).containsExactly(found(BOB, 3));
    }

    @Test
    void whatNobodyListensForIsPendingVisibleAndHandedToTheNextSubscriber() {
        mailboxes.publish(found(ALICE, 1));
        mailboxes.publish(new MatchAborted(ALICE, 1, "Bob did not confirm"));

        assertThat(mailboxes.pending(ALICE)).containsExactly(found(ALICE, 1), new MatchAborted(ALICE, 1, "Bob did not confirm"));
        assertThat(mailboxes.pending(ALICE)).as("looking does not deliver").hasSize(2);

        try (Subscription alice = mailboxes.subscribe(ALICE)) {
            assertThat(alice.poll()).contains(found(ALICE, 1));
            assertThat(mailboxes.pending(ALICE)).containsExactly(new MatchAborted(ALICE, 1, "Bob did not confirm"));
        }
    }

    @Test
    void whatASubscriptionDidNotTakeStaysForTheNextOne() {
        Subscription first = mailboxes.subscribe(ALICE);
        mailboxes.publish(found(ALICE, 1));
        first.close();
        mailboxes.publish(found(ALICE, 2));

        try (Subscription second = mailboxes.subscribe(ALICE)) {
            assertThat(second.poll()).contains(found(ALICE, 1));
            assertThat(second.poll()).contains(found(ALICE, 2));
        }
    }

    @Test
    void subscribingAgainReplacesTheOldSubscription() {
        Subscription first = mailboxes.subscribe(ALICE);
        mailboxes.publish(found(ALICE, 1));
        Subscription second = mailboxes.subscribe(ALICE);

        assertThat(first.isOpen()).isFalse();
        assertThat(first.poll()).isEmpty();
        assertThat(second.poll()).contains(found(ALICE, 1));
        first.close();
        assertThat(second.isOpen()).as("closing the replaced one leaves the new one alone").isTrue();
        assertThat(mailboxes.isSubscribed(ALICE)).isTrue();
        second.close();
        assertThat(mailboxes.isSubscribed(ALICE)).isFalse();
    }

    @Test
    void aCallbackGetsPendingThenNewNotificationsInOrder() {
        mailboxes.publish(found(ALICE, 1));
        List<Notification> got = new ArrayList<>();
        try (Subscription alice = mailboxes.subscribe(ALICE, got::add)) {
            assertThat(got).containsExactly(found(ALICE, 1));
            mailboxes.publish(found(ALICE, 2));
            assertThat(got).containsExactly(found(ALICE, 1), found(ALICE, 2));
            assertThatThrownBy(alice::poll).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("callback");
        }
        mailboxes.publish(found(ALICE, 3));
        assertThat(got).hasSize(2);
        assertThat(mailboxes.pending(ALICE)).containsExactly(found(ALICE, 3));
    }

    @Test
    void aCallbackThatThrowsIsReportedAndTheNextNotificationStillArrives() {
        List<Notification> got = new ArrayList<>();
        mailboxes.subscribe(ALICE, n -> {
            if (n.matchId() == 1) {
                throw new IllegalStateException("boom");
            }
            got.add(n);
        });
        mailboxes.publish(found(ALICE, 1));
        mailboxes.publish(found(ALICE, 2));

        assertThat(recorder.callbackFailures()).containsExactly(found(ALICE, 1));
        assertThat(got).containsExactly(found(ALICE, 2));
    }

    @Test
    void aCallbackMayPublishToItsOwnPlayerAndOrderHolds() {
        List<Notification> got = new ArrayList<>();
        mailboxes.subscribe(ALICE, n -> {
            got.add(n);
            if (n.matchId() == 1) {
                mailboxes.publish(found(ALICE, 2));
            }
        });
        mailboxes.publish(found(ALICE, 1));
        mailboxes.publish(found(ALICE, 3));

        assertThat(got).extracting(Notification::matchId).containsExactly(1L, 2L, 3L);
    }

    @Test
    void pendingNotificationsExpireAndAreReported() {
        mailboxes.publish(found(ALICE, 1));
        clock.advance(Duration.ofMinutes(6));
        mailboxes.publish(found(ALICE, 2));
        clock.advance(Duration.ofMinutes(4));

        assertThat(mailboxes.pending(ALICE)).containsExactly(found(ALICE, 2));
        assertThat(recorder.discarded()).containsExactly(new Recorder.Discarded(found(ALICE, 1), Discard.EXPIRED));
    }

    @Test
    void theOldestGoesWhenAMailboxOverflowsAndIsReported() {
        for (long match = 1; match <= 5; match++) {
            mailboxes.publish(found(ALICE, match));
        }

        assertThat(mailboxes.pending(ALICE)).extracting(Notification::matchId).containsExactly(3L, 4L, 5L);
        assertThat(recorder.discarded()).containsExactly(
                new Recorder.Discarded(found(ALICE, 1), Discard.OVERFLOW),
                new Recorder.Discarded(found(ALICE, 2), Discard.OVERFLOW));
    }

    @Test
    void purgeSweepsMailboxesNobodyTouches() {
        mailboxes.publish(found(ALICE, 1));
        mailboxes.publish(found(BOB, 2));
        clock.advance(Duration.ofMinutes(10));

        assertThat(mailboxes.purgeExpired()).isEqualTo(2);
        assertThat(mailboxes.mailboxCount()).isZero();
    }

    @Test
    void takeWaitsForAPublishOnAnotherThread() throws Exception {
        Mailboxes real = new Mailboxes(MailboxConfig.defaults(), java.time.InstantSource.system(), recorder);
        try (Subscription alice = real.subscribe(ALICE); ExecutorService pool = Executors.newSingleThreadExecutor()) {
            CountDownLatch waiting = new CountDownLatch(1);
            Future<Optional<Notification>> taken = pool.submit(() -> {
                waiting.countDown();
                return alice.take(Duration.ofSeconds(30));
            });
            waiting.await();
            real.publish(found(ALICE, 7));

            assertThat(taken.get(30, TimeUnit.SECONDS)).contains(found(ALICE, 7));
        }
    }

    @Test
    void takeReturnsEmptyWhenTheSubscriptionIsClosedWhileWaiting() throws Exception {
        Mailboxes real = new Mailboxes(MailboxConfig.defaults(), java.time.InstantSource.system(), recorder);
        Subscription alice = real.subscribe(ALICE);
        try (ExecutorService pool = Executors.newSingleThreadExecutor()) {
            CountDownLatch waiting = new CountDownLatch(1);
            Future<Optional<Notification>> taken = pool.submit(() -> {
                waiting.countDown();
                return alice.take(Duration.ofSeconds(30));
            });
            waiting.await();
            alice.close();

            assertThat(taken.get(30, TimeUnit.SECONDS)).isEmpty();
        }
    }

    @Test
    void takeTimesOutEmpty() throws InterruptedException {
        Mailboxes real = new Mailboxes(MailboxConfig.defaults(), java.time.InstantSource.system(), recorder);
        try (Subscription alice = real.subscribe(ALICE)) {
            assertThat(alice.take(Duration.ofMillis(20))).isEmpty();
        }
    }

    @Test
    void nothingIsLeftBehindAfterAHundredThousandSubscribeCloseCycles() {
        WeakReference<Subscription> last = null;
        for (int i = 0; i < 100_000; i++) {
            PlayerId player = PlayerId.of(i % 1_000);
            Subscription subscription = i % 2 == 0
                    ? mailboxes.subscribe(player)
                    : mailboxes.subscribe(player, n -> { });
            mailboxes.publish(new ConfirmReminder(player, i, clock.instant()));
            if (subscription.isOpen() && i % 2 == 0) {
                assertThat(subscription.poll()).isPresent();
            }
            subscription.close();
            last = new WeakReference<>(subscription);
        }

        assertThat(mailboxes.mailboxCount()).isZero();
        assertThat(recorder.discarded()).isEmpty();
        System.gc();
        // The mailboxes hold no reference to a closed subscription (a hint to the GC, not a promise).
        for (int i = 0; i < 10 && last.get() != null; i++) {
            System.gc();
        }
        assertThat(last.get()).isNull();
    }

    @Test
    void badSettingsFailNamingTheField() {
        assertThatThrownBy(() -> new MailboxConfig(0, Duration.ofMinutes(1)))
                .hasMessage("capacity must be at least 1, got 0");
        assertThatThrownBy(() -> new MailboxConfig(1, Duration.ZERO))
                .hasMessage("expiry must be positive, got PT0S");
    }

    @Test
    @Tag("stress")
    void concurrentPublishersAndTakersLoseNothingAndKeepEachPublishersOrder() throws Exception {
        Mailboxes real = new Mailboxes(new MailboxConfig(1_000_000, Duration.ofHours(1)),
                java.time.InstantSource.system(), recorder);
        int publishers = 4;
        int each = 20_000;
        List<Notification> got = java.util.Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService pool = Executors.newFixedThreadPool(publishers + 2)) {
            List<Future<?>> work = new ArrayList<>();
            for (int p = 0; p < publishers; p++) {
                long base = p * 1_000_000L;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        real.publish(found(ALICE, base + i));
                    }
                }));
            }
            // Subscriptions come and go while publishing: whatever one leaves, the next takes.
            Future<?> taker = pool.submit(() -> {
                while (got.size() < publishers * each) {
                    try (Subscription alice = real.subscribe(ALICE)) {
                        for (int i = 0; i < 500; i++) {
                            alice.take(Duration.ofMillis(1)).ifPresent(got::add);
                        }
                    }
                }
                return null;
            });
            for (Future<?> f : work) {
                f.get(60, TimeUnit.SECONDS);
            }
            taker.get(60, TimeUnit.SECONDS);
        }

        assertThat(got).hasSize(publishers * each).doesNotHaveDuplicates();
        for (int p = 0; p < publishers; p++) {
            long base = p * 1_000_000L;
            assertThat(got.stream().map(Notification::matchId).filter(id -> id >= base && id < base + each).toList())
                    .as("publisher %d's notifications in its order", p).isSorted();
        }
        assertThat(real.mailboxCount()).isZero();
    }
}
