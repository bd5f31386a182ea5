package dev.matchwave.matchmaking.pairing;

import dev.matchwave.matchmaking.Pair;
import dev.matchwave.matchmaking.Pairing;
import dev.matchwave.matchmaking.QueuedPlayer;
import dev.matchwave.matchmaking.Seat;
import dev.matchwave.matchmaking.rules.EvoLadderRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Development harness (not run by the build): on RealisticQueues seeds 1 to -Dseeds=3, the fast
 * pairing's sum of squared gaps, its two lower bounds (nearest distance with no search budget;
 * the duals' bound with a budget that excludes every block) and the exact optimum (up to 20,000
 * players; -DnoExact=true skips it), then the fast pairing re-solved exactly in segments of the
 * sizes given after the queue size (consecutive pairs along the rating line, so the number of
 * pairs and the matched wait stay exact). Arguments: queue size, then segment sizes.
 */
final class SegmentQuality {

    public static void main(String[] args) {
        EvoLadderRules rules = EvoLadderRules.defaults();
        int n = Integer.parseInt(args[0]);
        int seeds = Integer.getInteger("seeds", 3);
        OptimalPairer fast = new OptimalPairer(OptimalPairer.DEFAULT_EXACT_LIMIT, true, PairingBudget.NONE);
        OptimalPairer bounded = new OptimalPairer(OptimalPairer.DEFAULT_EXACT_LIMIT, true, new PairingBudget(0, 1));
        OptimalPairer exact = new OptimalPairer(OptimalPairer.DEFAULT_EXACT_LIMIT, true,
                new PairingBudget(1_000_000, Long.MAX_VALUE));
        for (int i = 0; i < 3; i++) {
            exact.pair(RealisticQueues.evoLadder(2000, 100 + i), rules);
        }
        for (long seed = 1; seed <= seeds; seed++) {
            List<QueuedPlayer> queue = RealisticQueues.evoLadder(n, seed);
            Pairing f = fast.pair(queue, rules);
            long gStar = n <= 20000 && !Boolean.getBoolean("noExact") ? exact.pair(queue, rules).sumSquaredGaps() : -1;
            StringBuilder line = new StringBuilder();
            long t0 = System.nanoTime();
            long dual = bounded.pair(queue, rules).optimality().lowerBoundSumSqGap();
            long boundMs = (System.nanoTime() - t0) / 1_000_000;
            line.append(String.format("n=%d seed=%d fast=%d nearest bound=%d duals' bound=%d (%d ms) exact=%d", n, seed,
                    f.sumSquaredGaps(), f.optimality().lowerBoundSumSqGap(), dual, boundMs, gStar));
            for (int a = 1; a < args.length; a++) {
                int size = Integer.parseInt(args[a]);
                t0 = System.nanoTime();
                List<long[]> keyed = new ArrayList<>();
                List<List<QueuedPlayer>> units = new ArrayList<>();
                for (Pair p : f.pairs()) {
                    units.add(List.of(p.first(), p.second()));
                    keyed.add(new long[] {p.firstSeat().rating() + p.secondSeat().rating(), units.size() - 1});
                }
                for (QueuedPlayer q : f.unmatched()) {
                    units.add(List.of(q));
                    keyed.add(new long[] {2L * q.seats().stream().mapToInt(Seat::rating).min().orElse(0),
                            units.size() - 1});
                }
                keyed.sort(Comparator.comparingLong(x -> x[0]));
                long g = 0;
                long pairs = 0;
                long wait = 0;
                List<QueuedPlayer> segment = new ArrayList<>();
                boolean allExact = true;
                for (int i = 0; i <= keyed.size(); i++) {
                    if (i == keyed.size() || segment.size() >= size) {
                        Pairing s = exact.pair(segment, rules);
                        g += s.sumSquaredGaps();
                        pairs += s.pairs().size();
                        wait += s.matchedWait();
                        allExact &= s.optimality().exact();
                        segment = new ArrayList<>();
                    }
                    if (i < keyed.size()) {
                        segment.addAll(units.get((int) keyed.get(i)[1]));
                    }
                }
                long ms = (System.nanoTime() - t0) / 1_000_000;
                line.append(String.format(" | seg%d: G=%d (%.3f) pairs %s wait %s %d ms%s", size, g,
                        gStar > 0 ? (double) g / gStar : Double.NaN, pairs == f.pairs().size() ? "=" : "DIFF",
                        wait == f.matchedWait() ? "=" : "DIFF", ms, allExact ? "" : " inexact"));
            }
            System.out.println(line);
        }
    }
}
