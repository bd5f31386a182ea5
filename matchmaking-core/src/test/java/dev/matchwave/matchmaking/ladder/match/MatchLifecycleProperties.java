package dev.matchwave.matchmaking.ladder.match;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.MatchId;
import dev.matchwave.matchmaking.ladder.player.Player;
import dev.matchwave.matchmaking.ladder.rating.LedgerReplay;
import dev.matchwave.matchmaking.ladder.rating.PlayerRating;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lifecycle under random sequences of waves, confirms, aborts, reports, timeouts (the clock
 * moving) and resolutions by players, outsiders and admins. After every step: ratings changed
 * only with a completion or a resolution, a rejected or unchanged action changed nothing, nobody
 * is in two open matches (and the in-match guard agrees with the store), every abort budget is
 * the initial budget minus the aborts used and never negative, and the ledger replays to the
 * stored ratings.
 */
class MatchLifecycleProperties {

    private static final int PLAYERS = 6;
    private static final PlayerId ADMIN = PlayerId.of(99);

    /** The system under test and what the checks need to remember. */
    static final class Model {
        final LadderFixture ladder = new LadderFixture();
        int matches;

        Model() {
            for (long p = 1; p <= PLAYERS; p++) {
                ladder.register(p);
            }
        }

        /** Runs one action and checks what it may and may not have changed. */
        Model step(Supplier<Object> action) {
            Set<PlayerRating> ratingsBefore = Set.copyOf(ladder.store.ratings().all());
            List<Match> matchesBefore = allMatches();
            int eventsBefore = ladder.events.size();

            Object result = action.get();

            List<MatchEvent> newEvents = List.copyOf(ladder.events.subList(eventsBefore, ladder.events.size()));
            boolean rated = newEvents.stream().anyMatch(e -> e instanceof MatchEvent.MatchCompleted
                    || e instanceof MatchEvent.MatchResolved);
            if (!rated) {
                assertThat(Set.copyOf(ladder.store.ratings().all()))
                        .as("ratings change only with a completion or a resolution")
                        .isEqualTo(ratingsBefore);
            }
            if (result instanceof Outcome.Rejected || result instanceof Outcome.Unchanged) {
                assertThat(newEvents).as("a refused or repeated action sends nothing").isEmpty();
                assertThat(allMatches()).as("a refused or repeated action changes nothing").isEqualTo(matchesBefore);
            }
            if (result instanceof Creation creation) {
                matches += creation.created().size();
            }
            return this;
        }

        List<Match> allMatches() {
            return java.util.stream.LongStream.rangeClosed(1, matches)
                    .mapToObj(id -> ladder.store.matches().find(MatchId.of(id)).orElseThrow())
                    .toList();
        }

        void checkInvariants() {
            Set<PlayerId> busy = new HashSet<>();
            for (Match open : ladder.store.matches().open()) {
                for (PlayerId p : open.players()) {
                    assertThat(busy.add(p)).as("player %s is in two open matches", p).isTrue();
                }
            }
            for (long p = 1; p <= PLAYERS; p++) {
                PlayerId id = PlayerId.of(p);
                assertThat(ladder.lifecycle.inMatch(id)).as("in-match guard of %s", id).isEqualTo(busy.contains(id));
                long abortsUsed = allMatches().stream()
                        .filter(m -> m.state() == MatchState.ABORTED)
                        .filter(m -> m.participant(id).flatMap(Participant::report).orElse(null) == Report.ABORTER)
                        .count();
                Player player = ladder.store.players().find(id).orElseThrow();
                assertThat(player.abortsLeft()).as("aborts left of %s", id).isEqualTo(3 - abortsUsed)
                        .isGreaterThanOrEqualTo(0);
            }
            assertThat(LedgerReplay.verify(ladder.store.ratings())).isEmpty();
        }

        @Override
        public String toString() {
            return "Model[" + matches + " matches]";
        }
    }

    private static Arbitrary<Long> anyPlayer() {
        return Arbitraries.longs().between(1, PLAYERS);
    }

    /** Mostly a player of the match, sometimes anyone. */
    private static Arbitrary<PlayerId> actor(Model model, long matchId) {
        Match match = model.ladder.match(MatchId.of(matchId));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.of(match.players())),
                net.jqwik.api.Tuple.of(1, anyPlayer().map(PlayerId::of)));
    }

    private static Arbitrary<Long> someMatch(Model model) {
        return Arbitraries.longs().between(1, model.matches);
    }

    static final class Wave implements Action.Independent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            Arbitrary<NewMatch> pair = Combinators.combine(anyPlayer(), anyPlayer())
                    .filter((a, b) -> !a.equals(b))
                    .as((a, b) -> LadderFixture.pair(a, 1500, b, 1500));
            return pair.list().ofMinSize(1).ofMaxSize(3).map(wave -> Transformer.mutate("wave " + describe(wave),
                    model -> model.step(() -> model.ladder.lifecycle.create(wave))));
        }

        private static String describe(List<NewMatch> wave) {
            return wave.stream().map(m -> m.pair().first().id() + "v" + m.pair().second().id()).toList().toString();
        }
    }

    static final class Confirm implements Action.Dependent<Model> {
        @Override
        public boolean precondition(Model model) {
            return model.matches > 0;
        }

        @Override
        public Arbitrary<Transformer<Model>> transformer(Model model) {
            return someMatch(model).flatMap(id -> actor(model, id).map(p -> Transformer.mutate(
                    "confirm " + id + " by " + p,
                    (Model m) -> m.step(() -> m.ladder.lifecycle.confirm(MatchId.of(id), p)))));
        }
    }

    static final class Abort implements Action.Dependent<Model> {
        @Override
        public boolean precondition(Model model) {
            return model.matches > 0;
        }

        @Override
        public Arbitrary<Transformer<Model>> transformer(Model model) {
            return someMatch(model).flatMap(id -> actor(model, id).map(p -> Transformer.mutate(
                    "abort " + id + " by " + p,
                    (Model m) -> m.step(() -> m.ladder.lifecycle.abort(MatchId.of(id), p)))));
        }
    }

    static final class ReportResult implements Action.Dependent<Model> {
        @Override
        public boolean precondition(Model model) {
            return model.matches > 0;
        }

        @Override
        public Arbitrary<Transformer<Model>> transformer(Model model) {
            return someMatch(model).flatMap(id -> Combinators.combine(actor(model, id), Arbitraries.of(Verdict.class))
                    .as((p, verdict) -> Transformer.mutate("report " + id + " by " + p + ": " + verdict,
                            (Model m) -> m.step(() -> m.ladder.lifecycle.report(MatchId.of(id), p, verdict)))));
        }
    }

    static final class Resolve implements Action.Dependent<Model> {
        @Override
        public boolean precondition(Model model) {
            return model.matches > 0;
        }

        @Override
        public Arbitrary<Transformer<Model>> transformer(Model model) {
            return someMatch(model).flatMap(id -> Arbitraries.of(Resolution.class).map(r -> Transformer.mutate(
                    "admin resolves " + id + ": " + r,
                    (Model m) -> m.step(() -> m.ladder.lifecycle.resolve(MatchId.of(id), ADMIN, r, "property")))));
        }
    }

    static final class Wait implements Action.Independent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Arbitraries.integers().between(1, 70).map(seconds -> Transformer.mutate("wait " + seconds + " s",
                    (Model m) -> m.step(() -> {
                        m.ladder.clock.advance(Duration.ofSeconds(seconds));
                        return "waited";
                    })));
        }
    }

    @Provide
    Arbitrary<ActionChain<Model>> lifecycles() {
        return ActionChain.startWith(Model::new)
                .withAction(2, new Wave())
                .withAction(3, new Confirm())
                .withAction(2, new Abort())
                .withAction(3, new ReportResult())
                .withAction(1, new Resolve())
                .withAction(2, new Wait())
                .withMaxTransformations(40);
    }

    @Property(tries = 300)
    void theLifecycleKeepsItsInvariantsUnderAnySequenceOfActions(@ForAll("lifecycles") ActionChain<Model> chain) {
        chain.withInvariant("open matches, guards, abort budgets, ledger", Model::checkInvariants).run();
    }
}
