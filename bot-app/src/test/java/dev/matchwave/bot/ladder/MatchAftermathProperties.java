package dev.matchwave.bot.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.matchmaking.PlayerId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/**
 * {@link MatchAftermath}'s rule, checked against a model: a player is held exactly while an
 * aftermath of one of his matches has not run, and the aftermaths of one player run in the
 * order his matches ended. Then the same under threads: never two aftermaths of one player at
 * once, and nothing held once all are done.
 */
class MatchAftermathProperties {

    private static final int PLAYERS = 5;

    /** The aftermath under test with a deferred executor, and what the model expects of it. */
    static final class Model {
        private record Pending(long match, Set<PlayerId> players, Runnable task) {
        }

        private final List<Runnable> submitted = new ArrayList<>();
        private final MatchAftermath aftermath = new MatchAftermath(submitted::add);
        private final List<Pending> pending = new ArrayList<>();
        private final Map<PlayerId, List<Long>> ended = new HashMap<>();
        private final Map<PlayerId, List<Long>> followed = new HashMap<>();
        private long nextMatch = 1;

        void end(int first, int second) {
            long match = nextMatch++;
            Set<PlayerId> players = new HashSet<>(List.of(player(first), player(second)));
            aftermath.follow(match, List.copyOf(players), () -> players.forEach(
                    p -> followed.computeIfAbsent(p, k -> new ArrayList<>()).add(match)));
            players.forEach(p -> ended.computeIfAbsent(p, k -> new ArrayList<>()).add(match));
            pending.add(new Pending(match, players, submitted.getLast()));
        }

        /** Runs one aftermath whose players have none pending before it (so it never waits). */
        void runOne(int choice) {
            List<Pending> ready = new ArrayList<>();
            for (int i = 0; i < pending.size(); i++) {
                Pending candidate = pending.get(i);
                boolean earlier = pending.subList(0, i).stream()
                        .anyMatch(p -> p.players().stream().anyMatch(candidate.players()::contains));
                if (!earlier) {
                    ready.add(candidate);
                }
            }
            if (ready.isEmpty()) {
                return;
            }
            Pending chosen = ready.get(choice % ready.size());
            pending.remove(chosen);
            chosen.task().run();
        }

        void check() {
            Set<PlayerId> held = new HashSet<>();
            pending.forEach(p -> held.addAll(p.players()));
            assertThat(aftermath.held()).as("players held").isEqualTo(held.size());
            for (int i = 0; i < PLAYERS; i++) {
                PlayerId player = player(i);
                assertThat(aftermath.awaitPlayer(player, Duration.ZERO)).as("%s free", player)
                        .isEqualTo(!held.contains(player));
                List<Long> done = followed.getOrDefault(player, List.of());
                List<Long> all = ended.getOrDefault(player, List.of());
                assertThat(done).as("%s's aftermaths, in the order his matches ended", player)
                        .isEqualTo(all.subList(0, done.size()));
            }
        }

        private static PlayerId player(int index) {
            return PlayerId.of(100 + index);
        }
    }

    @Provide
    Arbitrary<ActionChain<Model>> chains() {
        Arbitrary<Integer> player = Arbitraries.integers().between(0, PLAYERS - 1);
        Action.Independent<Model> end = () -> net.jqwik.api.Combinators.combine(player, player)
                .as((a, b) -> Transformer.<Model>mutate("end a match of " + a + " and " + b, m -> m.end(a, b)));
        Action.Independent<Model> run = () -> Arbitraries.integers().between(0, 7)
                .map(choice -> Transformer.<Model>mutate("run aftermath " + choice, m -> m.runOne(choice)));
        return ActionChain.startWith(Model::new)
                .withAction(3, end)
                .withAction(2, run)
                .withMaxTransformations(40);
    }

    @Property(tries = 300)
    void aPlayerIsHeldExactlyWhileAnAftermathOfHisHasNotRunAndTheyRunInOrder(
            @ForAll("chains") ActionChain<Model> chain) {
        chain.withInvariant("held as the model says", Model::check).run();
    }

    @Example
    void underThreadsTwoAftermathsOfOnePlayerNeverRunAtOnceAndNothingStaysHeld() throws Exception {
        MatchAftermath aftermath = new MatchAftermath(task -> Thread.ofVirtual().start(task));
        int players = 8;
        Map<PlayerId, AtomicInteger> running = new ConcurrentHashMap<>();
        List<String> overlaps = new CopyOnWriteArrayList<>();
        AtomicInteger done = new AtomicInteger();
        List<Thread> enders = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            long seed = t;
            enders.add(Thread.ofPlatform().start(() -> {
                SplittableRandom random = new SplittableRandom(seed);
                for (int i = 0; i < 200; i++) {
                    PlayerId a = PlayerId.of(random.nextInt(players));
                    PlayerId b = PlayerId.of(random.nextInt(players));
                    List<PlayerId> pair = a.equals(b) ? List.of(a) : List.of(a, b);
                    aftermath.follow(seed * 1000 + i, pair, () -> {
                        for (PlayerId p : pair) {
                            if (running.computeIfAbsent(p, k -> new AtomicInteger()).incrementAndGet() != 1) {
                                overlaps.add(p.toString());
                            }
                        }
                        Thread.onSpinWait();
                        for (PlayerId p : pair) {
                            running.get(p).decrementAndGet();
                        }
                        done.incrementAndGet();
                    });
                    aftermath.awaitPlayer(PlayerId.of(random.nextInt(players)), Duration.ofSeconds(10));
                }
            }));
        }
        for (Thread ender : enders) {
            ender.join(60_000);
        }

        assertThat(aftermath.drain(Duration.ofSeconds(30))).isTrue();
        assertThat(done).hasValue(1200);
        assertThat(overlaps).as("players with two aftermaths at once").isEmpty();
        assertThat(aftermath.held()).isZero();
    }
}
