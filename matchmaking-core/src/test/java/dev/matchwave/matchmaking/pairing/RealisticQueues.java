package dev.matchwave.matchmaking.pairing;

import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.Preferences;
import dev.matchwave.matchmaking.QueuedPlayer;
import dev.matchwave.matchmaking.Seat;
import dev.matchwave.matchmaking.rules.EvoLadderRules;
import dev.matchwave.matchmaking.rules.SinglePoolRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The realistic queue: ratings normal around 1500 (sd 300); 40% Brood War only, 40%
 * StarCraft II only, 20% both (two independent ratings); wait 0..5 cycles. Seeded.
 */
final class RealisticQueues {

    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
    private static final String[] BW = {"bw_terran", "bw_zerg", "bw_protoss"};
    private static final String[] SC2 = {"sc2_terran", "sc2_zerg", "sc2_protoss"};

    private RealisticQueues() {
    }

    static List<QueuedPlayer> evoLadder(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<QueuedPlayer> queue = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            int kind = random.nextInt(10);
            List<Seat> seats = new ArrayList<>(2);
            if (kind < 4 || kind >= 8) {
                seats.add(EvoLadderRules.seat(BW[random.nextInt(3)], rating(random)));
            }
            if (kind >= 4) {
                seats.add(EvoLadderRules.seat(SC2[random.nextInt(3)], rating(random)));
            }
            queue.add(new QueuedPlayer(PlayerId.of(1000 + i), seats, Preferences.NONE, EPOCH.plusSeconds(i),
                    random.nextInt(6)));
        }
        return queue;
    }

    static List<QueuedPlayer> singlePool(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<QueuedPlayer> queue = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            queue.add(new QueuedPlayer(PlayerId.of(1000 + i), List.of(SinglePoolRules.seat(rating(random))),
                    Preferences.NONE, EPOCH.plusSeconds(i), random.nextInt(6)));
        }
        return queue;
    }

    private static int rating(SplittableRandom random) {
        // Box-Muller: one normal draw.
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        double z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
        return (int) Math.round(1500 + 300 * z);
    }
}
