package dev.matchwave.matchmaking.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matchwave.matchmaking.MatchRules;
import dev.matchwave.matchmaking.Pair;
import dev.matchwave.matchmaking.Pairing;
import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.Preferences;
import dev.matchwave.matchmaking.QueuedPlayer;
import dev.matchwave.matchmaking.Seat;
import dev.matchwave.matchmaking.rules.EvoLadderRules;
import dev.matchwave.matchmaking.rules.RuleSets;
import dev.matchwave.matchmaking.rules.Venue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The examples of docs/matchmaking.md ("Pairing a queue" and "A budget, and what is proven
 * past it"), compiled and run; keep them in step with the page.
 */
class MatchmakingDocExampleTest {

    @Test
    void pairingAQueue() {
        // --- docs/matchmaking.md: begin
        MatchRules rules = RuleSets.byName("evoladder");
        Instant now = Instant.parse("2026-11-22T20:00:00Z");
        List<QueuedPlayer> queue = List.of(
                new QueuedPlayer(PlayerId.of(17), List.of(EvoLadderRules.seat("bw_zerg", 1620)),
                        Preferences.of(Set.of("Eclipse"), "EUW"), now.minusSeconds(90), 2),
                new QueuedPlayer(PlayerId.of(23), List.of(EvoLadderRules.seat("bw_terran", 1510),
                        EvoLadderRules.seat("sc2_protoss", 1560)), Preferences.of(Set.of(), "EUE"), now, 0),
                new QueuedPlayer(PlayerId.of(42), List.of(EvoLadderRules.seat("sc2_zerg", 1480)),
                        Preferences.NONE, now.minusSeconds(45), 1),
                new QueuedPlayer(PlayerId.of(51), List.of(EvoLadderRules.seat("bw_protoss", 1450)),
                        Preferences.NONE, now, 0));

        Pairing pairing = Pairers.optimal().pair(queue, rules);

        List<String> lines = new ArrayList<>();
        long matchId = 1041;
        SplittableRandom random = new SplittableRandom(20261122);
        for (Pair pair : pairing.pairs()) {
            Venue venue = EvoLadderRules.defaults().venue(pair, matchId++, random);
            lines.add(pair.first().id() + " (" + pair.firstSeat().race() + ") vs " + pair.second().id()
                    + " (" + pair.secondSeat().race() + ") on " + venue.map() + ", server " + venue.server()
                    + ", channel " + venue.channel());
        }
        // --- docs/matchmaking.md: end

        // Two pairs are possible only with 23, who plays both games, on the SC2 side.
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("17 (bw_zerg) vs 23 (sc2_protoss) on ")
                .contains("server EUC", "channel scevo01").doesNotContain("Eclipse");
        assertThat(lines.get(1)).startsWith("51 (bw_protoss) vs 42 (sc2_zerg) on ").contains("channel scevo02");
        assertThat(pairing.unmatched()).isEmpty();
        // As the page says: proven closest.
        assertThat(pairing.optimality().exact()).isTrue();
        assertThat(pairing.optimality().lowerBoundSumSqGap()).isEqualTo(pairing.sumSquaredGaps());
        lines.forEach(System.out::println);
    }

    @Test
    void aBudgetAndWhatIsProvenPastIt() {
        // --- docs/matchmaking.md, budget: begin
        MatchRules rules = RuleSets.byName("evoladder");
        Instant now = Instant.parse("2026-12-07T20:00:00Z");
        SplittableRandom random = new SplittableRandom(7);
        List<QueuedPlayer> queue = new ArrayList<>();
        for (int id = 1; id <= 3000; id++) {
            double games = random.nextDouble(); // 40% Brood War only, 40% StarCraft II only, 20% both
            List<Seat> seats = new ArrayList<>();
            if (games < 0.6) {
                seats.add(EvoLadderRules.seat("bw_zerg", (int) Math.round(1500 + 300 * random.nextGaussian())));
            }
            if (games >= 0.4) {
                seats.add(EvoLadderRules.seat("sc2_terran", (int) Math.round(1500 + 300 * random.nextGaussian())));
            }
            queue.add(new QueuedPlayer(PlayerId.of(id), seats, Preferences.NONE, now, random.nextInt(6)));
        }

        Pairing exact = Pairers.optimal().pair(queue, rules);
        // Blocks of over 1,000 players are paired in segments and get a proven lower bound instead.
        Pairing quick = Pairers.optimal(new PairingBudget(1_000, 200_000_000L)).pair(queue, rules);

        for (Pairing pairing : List.of(exact, quick)) {
            System.out.printf("%d pairs, matched wait %d, sum of squared gaps %d, exact %b, at least %d%n",
                    pairing.pairs().size(), pairing.matchedWait(), pairing.sumSquaredGaps(),
                    pairing.optimality().exact(), pairing.optimality().lowerBoundSumSqGap());
        }
        // --- docs/matchmaking.md, budget: end

        // The first two parts of the objective are exact either way; the third is proven only
        // by the exact search, and the bound is below it, and not far.
        assertThat(quick.pairs()).hasSameSizeAs(exact.pairs());
        assertThat(quick.matchedWait()).isEqualTo(exact.matchedWait());
        assertThat(exact.optimality().exact()).isTrue();
        assertThat(exact.optimality().lowerBoundSumSqGap()).isEqualTo(exact.sumSquaredGaps());
        assertThat(quick.optimality().exact()).isFalse();
        assertThat(quick.sumSquaredGaps()).isGreaterThan(exact.sumSquaredGaps())
                .isLessThan(Pairers.optimal(PairingBudget.NONE).pair(queue, rules).sumSquaredGaps() / 2);
        assertThat(quick.optimality().lowerBoundSumSqGap())
                .isLessThanOrEqualTo(exact.sumSquaredGaps())
                .isGreaterThan(exact.sumSquaredGaps() / 2);
    }
}
