package dev.matchwave.matchmaking.pairing;

import dev.matchwave.matchmaking.MatchRules;
import dev.matchwave.matchmaking.Pairing;
import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.Preferences;
import dev.matchwave.matchmaking.QueuedPlayer;
import dev.matchwave.matchmaking.Seat;
import dev.matchwave.matchmaking.rules.EvoLadderRules;
import dev.matchwave.matchmaking.rules.SinglePoolRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/** Development aid: awkward queues, timed (best of five, wall time, the default budget). Argument: the size. */
final class StressTiming {

    /** The default pairer; -Dstart=greedy: with the greedy start of the certified search throughout. */
    private static final OptimalPairer PAIRER = new OptimalPairer(OptimalPairer.DEFAULT_EXACT_LIMIT, true,
            PairingBudget.DEFAULT,
            "greedy".equals(System.getProperty("start")) ? Integer.MAX_VALUE : LineDuals.MIN_PLAYERS);

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        SplittableRandom r = new SplittableRandom(7);
        Instant t0 = Instant.EPOCH;
        List<QueuedPlayer> dense = new ArrayList<>();
        List<QueuedPlayer> bwOnly = new ArrayList<>();
        List<QueuedPlayer> vetoes = new ArrayList<>();
        List<QueuedPlayer> oneSided = new ArrayList<>();
        List<QueuedPlayer> longWaits = new ArrayList<>();
        List<String> pool = EvoLadderRules.DEFAULT_MAP_POOL;
        for (int i = 0; i < n; i++) {
            dense.add(new QueuedPlayer(PlayerId.of(i), List.of(SinglePoolRules.seat(1450 + r.nextInt(100))),
                    Preferences.NONE, t0, r.nextInt(6)));
            bwOnly.add(new QueuedPlayer(PlayerId.of(i), List.of(EvoLadderRules.seat("bw_zerg", 1000 + r.nextInt(1000))),
                    Preferences.NONE, t0, r.nextInt(6)));
            Set<String> v = new java.util.HashSet<>();
            for (int k = 0; k < 4; k++) {
                v.add(pool.get(r.nextInt(pool.size())));
            }
            List<Seat> seats = new ArrayList<>();
            int kind = r.nextInt(10);
            if (kind < 4 || kind >= 8) {
                seats.add(EvoLadderRules.seat("bw_zerg", 1500 + (int) (300 * r.nextDouble() * (r.nextBoolean() ? 1 : -1))));
            }
            if (kind >= 4) {
                seats.add(EvoLadderRules.seat("sc2_zerg", 1500 + (int) (300 * r.nextDouble() * (r.nextBoolean() ? 1 : -1))));
            }
            vetoes.add(new QueuedPlayer(PlayerId.of(i), seats, new Preferences(v, Optional.empty()), t0, r.nextInt(6)));
            // 70% BW only, 30% SC2 only: many free players, long Hungarian trees.
            oneSided.add(new QueuedPlayer(PlayerId.of(i), List.of(r.nextInt(10) < 7
                    ? EvoLadderRules.seat("bw_zerg", 1500 + (int) (r.nextGaussian() * 300))
                    : EvoLadderRules.seat("sc2_zerg", 1500 + (int) (r.nextGaussian() * 300))), Preferences.NONE, t0,
                    r.nextInt(6)));
            longWaits.add(new QueuedPlayer(PlayerId.of(i), seats, Preferences.NONE, t0, r.nextInt(200)));
        }
        run("dense single pool", dense, SinglePoolRules.defaults());
        run("bw only", bwOnly, EvoLadderRules.defaults());
        run("vetoes", vetoes, EvoLadderRules.defaults());
        run("one-sided 70/30", oneSided, EvoLadderRules.defaults());
        run("waits 0..199", longWaits, EvoLadderRules.defaults());
    }

    private static void run(String name, List<QueuedPlayer> queue, MatchRules rules) {
        long best = Long.MAX_VALUE;
        Pairing pairing = null;
        for (int i = 0; i < 5; i++) {
            long t = System.nanoTime();
            pairing = PAIRER.pair(queue, rules);
            best = Math.min(best, System.nanoTime() - t);
        }
        System.out.printf("%-20s pairs %d unmatched %d  best %.1f ms  %s%n", name, pairing.pairs().size(),
                pairing.unmatched().size(), best / 1e6, pairing.optimality().exact() ? "exact" : "bound");
    }
}
