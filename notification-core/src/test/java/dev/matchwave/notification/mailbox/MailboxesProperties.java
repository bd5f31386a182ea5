package dev.matchwave.notification.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.time.ManualClock;
import dev.matchwave.notification.MatchFound;
import dev.matchwave.notification.Notification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/**
 * Stateful: subscribe (polling or callback), publish, take, close, let time pass, purge, in any
 * order. Nothing is delivered twice, lost or out of order: per player, the published
 * notifications that were not discarded (and reported) are exactly those delivered followed by
 * those pending, in publication order.
 */
class MailboxesProperties {

    private static final int PLAYERS = 3;

    /** The mailboxes under test and what the test saw happen to them. */
    static final class Model {
        final ManualClock clock = ManualClock.atEpochSecond(1_767_225_600L);
        final Recorder recorder = new Recorder();
        final Mailboxes mailboxes = new Mailboxes(new MailboxConfig(3, Duration.ofMinutes(10)), clock, recorder);
        final Map<PlayerId, List<Long>> published = new HashMap<>();
        final Map<PlayerId, List<Long>> delivered = new HashMap<>();
        final Map<PlayerId, Subscription> current = new HashMap<>();
        final List<Subscription> replaced = new ArrayList<>();
        long nextId;

        static PlayerId player(int index) {
            return PlayerId.of(index + 1);
        }

        void publish(int index) {
            PlayerId player = player(index);
            long id = nextId++;
            published.computeIfAbsent(player, p -> new ArrayList<>()).add(id);
            mailboxes.publish(new MatchFound(player, id, PlayerId.of(99)));
        }

        void subscribe(int index, boolean callback) {
            PlayerId player = player(index);
            Subscription old = current.get(player);
            if (old != null) {
                replaced.add(old);
            }
            current.put(player, callback
                    ? mailboxes.subscribe(player, n -> deliver(player, n))
                    : mailboxes.subscribe(player));
        }

        void take(int index) {
            PlayerId player = player(index);
            Subscription subscription = current.get(player);
            if (subscription != null && subscription.isOpen()) {
                try {
                    subscription.poll().ifPresent(n -> deliver(player, n));
                } catch (IllegalStateException callbackSubscription) {
                    // Its notifications went to the callback already.
                }
            }
        }

        void close(int index) {
            Subscription subscription = current.remove(player(index));
            if (subscription != null) {
                subscription.close();
            }
        }

        void closeAReplacedOne() {
            if (!replaced.isEmpty()) {
                replaced.removeFirst().close();
            }
        }

        private void deliver(PlayerId player, Notification notification) {
            assertThat(notification.player()).isEqualTo(player);
            delivered.computeIfAbsent(player, p -> new ArrayList<>()).add(notification.matchId());
        }

        void check() {
            int held = 0;
            for (int index = 0; index < PLAYERS; index++) {
                PlayerId player = player(index);
                List<Long> pending = mailboxes.pending(player).stream().map(Notification::matchId).toList();
                Set<Long> discarded = new HashSet<>();
                recorder.discarded().stream().filter(d -> d.notification().player().equals(player))
                        .forEach(d -> assertThat(discarded.add(d.notification().matchId()))
                                .as("discarded once").isTrue());
                List<Long> kept = published.getOrDefault(player, List.of()).stream()
                        .filter(id -> !discarded.contains(id)).toList();
                List<Long> deliveredThenPending = new ArrayList<>(delivered.getOrDefault(player, List.of()));
                assertThat(deliveredThenPending).as("nothing delivered was discarded").noneMatch(discarded::contains);
                deliveredThenPending.addAll(pending);
                assertThat(deliveredThenPending).as("player %s: delivered, then pending", player).isEqualTo(kept);
                Subscription subscription = current.get(player);
                if (subscription != null && subscription.isOpen() || !pending.isEmpty()) {
                    held++;
                }
            }
            assertThat(mailboxes.mailboxCount()).as("mailboxes held").isEqualTo(held);
        }
    }

    private static Arbitrary<Integer> anyPlayer() {
        return Arbitraries.integers().between(0, PLAYERS - 1);
    }

    private static Action.Independent<Model> onPlayer(String name, java.util.function.BiConsumer<Model, Integer> step) {
        return () -> anyPlayer().map(p -> Transformer.mutate(name + " " + p, model -> step.accept(model, p)));
    }

    private static Action.Independent<Model> waitSomeMinutes() {
        return () -> Arbitraries.integers().between(1, 6).map(minutes -> Transformer.mutate("wait " + minutes + " min",
                (Model m) -> m.clock.advance(Duration.ofMinutes(minutes))));
    }

    @Provide
    Arbitrary<ActionChain<Model>> chains() {
        return ActionChain.startWith(Model::new)
                .withAction(4, onPlayer("publish", Model::publish))
                .withAction(2, onPlayer("subscribe", (m, p) -> m.subscribe(p, false)))
                .withAction(1, onPlayer("subscribe with callback", (m, p) -> m.subscribe(p, true)))
                .withAction(3, onPlayer("take", Model::take))
                .withAction(2, onPlayer("close", Model::close))
                .withAction(1, Action.just("close a replaced subscription", Transformer.mutate("close replaced",
                        Model::closeAReplacedOne)))
                .withAction(1, waitSomeMinutes())
                .withAction(1, Action.just("purge", Transformer.mutate("purge", (Model m) -> m.mailboxes.purgeExpired())))
                .withMaxTransformations(60);
    }

    @Property(tries = 400)
    void noNotificationIsDeliveredTwiceLostOrOutOfOrder(@ForAll("chains") ActionChain<Model> chain) {
        chain.withInvariant("delivered, then pending, is what was published minus what was discarded", Model::check)
                .run();
    }
}
