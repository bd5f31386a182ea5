package dev.matchwave.matchmaking.pairing;

import dev.matchwave.matchmaking.Pairing;
import dev.matchwave.matchmaking.QueuedPlayer;
import dev.matchwave.matchmaking.rules.EvoLadderRules;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * Development harness (not run by the build): CPU time of one thread for the certified pairer
 * without a work limit, on RealisticQueues seeds 1 to 6 (-Dseeds=N), best of -Drounds=2 after
 * one warm-up pass; -Dstart=greedy starts the search greedily instead of from LineDuals (-DlineFrom=N: from N players on). Arguments: queue sizes. Prints one line per size and seed, and the sum.
 */
final class SeedTiming {

    public static void main(String[] args) {
        EvoLadderRules rules = EvoLadderRules.defaults();
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        int seeds = Integer.getInteger("seeds", 6);
        int rounds = Integer.getInteger("rounds", 2);
        int lineStartFrom = "greedy".equals(System.getProperty("start")) ? Integer.MAX_VALUE
                : Integer.getInteger("lineFrom", LineDuals.MIN_PLAYERS);
        OptimalPairer certified = new OptimalPairer(OptimalPairer.DEFAULT_EXACT_LIMIT, true,
                new PairingBudget(1_000_000, Long.MAX_VALUE), lineStartFrom);
        // Warm-up: the JIT compiles the search on a mid-size queue.
        for (int i = 0; i < 3; i++) {
            certified.pair(RealisticQueues.evoLadder(2000, 100 + i), rules);
        }
        for (String arg : args) {
            int size = Integer.parseInt(arg);
            double total = 0;
            StringBuilder line = new StringBuilder();
            for (long seed = 1; seed <= seeds; seed++) {
                List<QueuedPlayer> queue = RealisticQueues.evoLadder(size, seed);
                double best = Double.MAX_VALUE;
                Pairing pairing = null;
                for (int round = 0; round < rounds; round++) {
                    long c0 = bean.getCurrentThreadCpuTime();
                    pairing = certified.pair(queue, rules);
                    long c1 = bean.getCurrentThreadCpuTime();
                    best = Math.min(best, (c1 - c0) / 1e6);
                }
                total += best;
                line.append(String.format(" s%d=%.1f%s", seed, best, pairing.optimality().exact() ? "" : "(inexact)"));
                line.append("[" + pairing.sumSquaredGaps() + "]");
                if (Boolean.getBoolean("steps")) {
                    line.append("{" + certified.certify(queue, rules, new int[1][]).searchSteps() / 1000 + "k}");
                }
            }
            System.out.printf("%d players: total %.1f ms cpu;%s%n", size, total, line);
        }
    }
}
