package dev.matchwave.matchmaking.pairing;

import dev.matchwave.matchmaking.QueuedPlayer;
import dev.matchwave.matchmaking.rules.EvoLadderRules;
import java.util.Arrays;
import java.util.List;

/** Development aid: time of each phase of the large-queue path. */
final class PhaseTiming {

    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    public static void main(String[] args) {
        int size = Integer.parseInt(args[0]);
        int runs = Integer.parseInt(args[1]);
        EvoLadderRules rules = EvoLadderRules.defaults();
        List<QueuedPlayer> queue = RealisticQueues.evoLadder(size, 42);
        if (args.length > 2 && args[2].equals("onesided")) {
            java.util.SplittableRandom r = new java.util.SplittableRandom(7);
            queue = new java.util.ArrayList<>();
            for (int i = 0; i < size; i++) {
                queue.add(new QueuedPlayer(dev.matchwave.matchmaking.PlayerId.of(i), List.of(r.nextInt(10) < 7
                        ? EvoLadderRules.seat("bw_zerg", 1500 + (int) (r.nextGaussian() * 300))
                        : EvoLadderRules.seat("sc2_zerg", 1500 + (int) (r.nextGaussian() * 300))),
                        dev.matchwave.matchmaking.Preferences.NONE, java.time.Instant.EPOCH, r.nextInt(6)));
            }
        }
        for (int r = 0; r < runs; r++) {
            long t0 = CPU.getCurrentThreadCpuTime();
            PairingGraph g = new PairingGraph(queue, rules, true);
            long t1 = CPU.getCurrentThreadCpuTime();
            int[] mate = new int[g.n];
            Arrays.fill(mate, -1);
            boolean[] active = new boolean[g.n];
            Arrays.fill(active, true);
            SweepMatching.run(g, mate, active);
            long t2 = CPU.getCurrentThreadCpuTime();
            int freeAfterSweep = 0;
            for (int m : mate) {
                if (m < 0) {
                    freeAfterSweep++;
                }
            }
            System.out.println("  gap2 after sweep " + gapSum(g, mate));
            AlternatingSearch s = new AlternatingSearch(g, mate, active);
            long t3 = CPU.getCurrentThreadCpuTime();
            s.augmentDepthFirst();
            long t35 = CPU.getCurrentThreadCpuTime();
            int freeAfterDfs = 0;
            for (int m : mate) {
                if (m < 0) {
                    freeAfterDfs++;
                }
            }
            System.out.printf("  dfs %.1f ms free %d rounds %d%n", (t35 - t3) / 1e6, freeAfterDfs, 0);
            s.maximise();
            long t4 = CPU.getCurrentThreadCpuTime();
            int freeAfterMax = 0;
            for (int m : mate) {
                if (m < 0) {
                    freeAfterMax++;
                }
            }
            System.out.println("  gap2 after max " + gapSum(g, mate));
            s.favourLongWaits();
            long t5 = CPU.getCurrentThreadCpuTime();
            long before = gapSum(g, mate);
            PairSwaps.improve(g, mate, active);
            System.out.printf("  gap2 before swaps %d after %d%n", before, gapSum(g, mate));
            long t6 = CPU.getCurrentThreadCpuTime();
            System.out.printf("graph %.1f sweep %.1f (free %d) init %.1f max %.1f (free %d) waits %.1f swaps %.1f total %.1f ms blocks=%d%n",
                    (t1 - t0) / 1e6, (t2 - t1) / 1e6, freeAfterSweep, (t3 - t2) / 1e6, (t4 - t3) / 1e6, freeAfterMax,
                    (t5 - t4) / 1e6, (t6 - t5) / 1e6, (t6 - t0) / 1e6, g.blockCount);

        }
    }

    static long gapSum(PairingGraph g, int[] mate) {
        long sum = 0;
        for (int p = 0; p < g.n; p++) {
            if (mate[p] > p) {
                sum += PairingGraph.cost(g.seating(p, mate[p]));
            }
        }
        return sum;
    }
}
