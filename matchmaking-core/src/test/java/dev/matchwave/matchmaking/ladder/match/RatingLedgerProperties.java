package dev.matchwave.matchmaking.ladder.match;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.ladder.MatchId;
import dev.matchwave.matchmaking.ladder.rating.LedgerCause;
import dev.matchwave.matchmaking.ladder.rating.LedgerEntry;
import dev.matchwave.matchmaking.ladder.rating.LedgerReplay;
import dev.matchwave.matchmaking.ladder.rating.PlayerRating;
import dev.matchwave.matchmaking.ladder.rating.RatingSystem;
import dev.matchwave.matchmaking.ladder.store.InMemoryLadderStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.From;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rating ledger through the lifecycle: Elo changes of a match sum to zero up to rounding,
 * replaying the ledger gives the stored ratings, and a redone resolution equals resolving right
 * the first time.
 */
class RatingLedgerProperties {

    /** One played match: who, and what each reported (or an admin decided). */
    record Game(int bw, int sc2, Verdict first, Verdict second, Resolution resolution, Resolution redo,
                int daysLater) {
    }

    @Provide
    Arbitrary<Game> games() {
        Arbitrary<Integer> player = Arbitraries.integers().between(1, 5);
        Arbitrary<Verdict> verdict = Arbitraries.of(Verdict.class);
        Arbitrary<Resolution> resolution = Arbitraries.of(Resolution.class);
        return Combinators.combine(player, player, verdict, verdict, resolution, resolution,
                        Arbitraries.integers().between(0, 30))
                .as((bw, sc2, a, b, r, redo, days) -> new Game(bw, sc2 == bw ? bw % 5 + 1 : sc2, a, b, r, redo, days));
    }

    @Provide
    Arbitrary<RatingSystem> systems() {
        return Arbitraries.of(RatingSystem.elo(), RatingSystem.glicko2());
    }

    private static void play(LadderFixture ladder, Game game, boolean correctAtOnce) {
        PlayerId bw = PlayerId.of(game.bw());
        PlayerId sc2 = PlayerId.of(game.sc2());
        ladder.clock.advance(Duration.ofDays(game.daysLater()));
        MatchId id = ladder.lifecycle.create(List.of(LadderFixture.pair(game.bw(), 1500, game.sc2(), 1500)))
                .created().get(0).id();
        ladder.lifecycle.confirm(id, bw);
        ladder.lifecycle.confirm(id, sc2);
        ladder.lifecycle.report(id, bw, game.first());
        ladder.lifecycle.report(id, sc2, game.second());
        Match match = ladder.match(id);
        if (match.state() == MatchState.CONFLICT || match.state() == MatchState.COMPLETED) {
            if (!correctAtOnce) {
                ladder.lifecycle.resolve(id, PlayerId.of(99), game.resolution(), "first look");
            }
            if (match.state() == MatchState.CONFLICT || !correctAtOnce) {
                ladder.lifecycle.resolve(id, PlayerId.of(99), game.redo(), "final");
            }
        }
    }

    private static LadderFixture ladder(RatingSystem system) {
        LadderFixture ladder = new LadderFixture(new InMemoryLadderStore(), system);
        ladder.register(1, 2, 3, 4, 5);
        return ladder;
    }

    /** A player's ratings, without rows that only say "never played" (a missing row says the same). */
    private static Map<String, PlayerRating> ratingsOf(LadderFixture ladder, int player, RatingSystem system) {
        Map<String, PlayerRating> ratings = new java.util.HashMap<>(ladder.store.ratings().ratingsOf(PlayerId.of(player)));
        ratings.values().removeIf(r -> r.equals(PlayerRating.fresh(r.player(), r.race(), system.initial())));
        return ratings;
    }

    @Property(tries = 200)
    void replayingTheLedgerGivesTheStoredRatings(@ForAll @Size(max = 12) List<@From("games") Game> games,
                                                 @ForAll("systems") RatingSystem system) {
        LadderFixture ladder = ladder(system);
        for (Game game : games) {
            play(ladder, game, false);
        }
        assertThat(LedgerReplay.verify(ladder.store.ratings())).isEmpty();
    }

    @Property(tries = 200)
    void eloChangesOfAMatchSumToZeroUpToRounding(@ForAll @Size(max = 12) List<@From("games") Game> games) {
        LadderFixture ladder = ladder(RatingSystem.elo());
        for (Game game : games) {
            play(ladder, game, true);
        }
        Map<MatchId, List<LedgerEntry>> byMatch = ladder.store.ratings().ledger(0, 100_000).stream()
                .filter(e -> e.cause().appliesResult())
                .collect(Collectors.groupingBy(e -> e.change().match().orElseThrow()));
        for (List<LedgerEntry> entries : byMatch.values()) {
            assertThat(entries).hasSize(2);
            double sum = entries.stream().mapToDouble(e -> e.change().delta()).sum();
            assertThat(Math.abs(sum)).isLessThanOrEqualTo(1.0);
        }
    }

    @Property(tries = 200)
    void aRedoneResolutionEqualsResolvingRightTheFirstTime(@ForAll @Size(max = 12) List<@From("games") Game> history,
                                                           @ForAll("games") Game disputed,
                                                           @ForAll("systems") RatingSystem system) {
        LadderFixture corrected = ladder(system);
        LadderFixture right = ladder(system);
        for (Game game : history) {
            play(corrected, game, true);
            play(right, game, true);
        }
        Game conflict = new Game(disputed.bw(), disputed.sc2(), Verdict.PLAYER1, Verdict.PLAYER2,
                disputed.resolution(), disputed.redo(), disputed.daysLater());
        play(corrected, conflict, false);
        play(right, conflict, true);

        for (int p = 1; p <= 5; p++) {
            assertThat(ratingsOf(corrected, p, system)).isEqualTo(ratingsOf(right, p, system));
        }
        List<LedgerEntry> standing = dev.matchwave.matchmaking.ladder.rating.MatchRating.standingEffect(
                corrected.store.ratings().ledgerOf(MatchId.of(history.size() + 1)));
        List<LedgerEntry> once = right.store.ratings().ledgerOf(MatchId.of(history.size() + 1));
        assertThat(standing).extracting(LedgerEntry::change).containsExactlyElementsOf(
                once.stream().map(LedgerEntry::change).toList());
        assertThat(standing).allMatch(e -> e.cause() == LedgerCause.RESOLUTION);
    }
}
