package dev.matchwave.matchmaking.pairing;

import dev.matchwave.matchmaking.MatchRules;
import dev.matchwave.matchmaking.PlayerId;
import dev.matchwave.matchmaking.Preferences;
import dev.matchwave.matchmaking.QueuedPlayer;
import dev.matchwave.matchmaking.Seat;
import dev.matchwave.matchmaking.rules.EvoLadderRules;
import dev.matchwave.matchmaking.rules.FifoRules;
import dev.matchwave.matchmaking.rules.SinglePoolRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/** Random queues for properties: crowded rating ranges, so that windows and vetoes matter. */
final class Queues {

    static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
    /** A small pool, so that vetoes often leave no map. */
    static final List<String> SMALL_POOL = List.of("Alpha", "Bravo", "Charlie");
    static final EvoLadderRules SMALL_POOL_RULES = EvoLadderRules.builder().mapPool(SMALL_POOL).build();

    enum Kind {
        EVOLADDER(SMALL_POOL_RULES), SINGLE(SinglePoolRules.defaults()), FIFO(FifoRules.INSTANCE);

        final MatchRules rules;

        Kind(MatchRules rules) {
            this.rules = rules;
        }
    }

    private Queues() {
    }

    /**
     * A queue of the given size: ratings spread over {@code spread} points around 1500, waits
     * 0..5 (non-increasing in join order when {@code waitsByJoinOrder}), a third of evoladder
     * players with both races, a few vetoes.
     */
    static List<QueuedPlayer> random(Kind kind, int size, long seed, int spread, boolean waitsByJoinOrder) {
        SplittableRandom random = new SplittableRandom(seed);
        List<QueuedPlayer> queue = new ArrayList<>(size);
        int[] waits = new int[size];
        for (int i = 0; i < size; i++) {
            waits[i] = random.nextInt(6);
        }
        if (waitsByJoinOrder) {
            java.util.Arrays.sort(waits);
            for (int i = 0; i < size / 2; i++) {
                int t = waits[i];
                waits[i] = waits[size - 1 - i];
                waits[size - 1 - i] = t;
            }
        }
        for (int i = 0; i < size; i++) {
            List<Seat> seats = new ArrayList<>();
            Set<String> vetoes = new HashSet<>();
            switch (kind) {
                case EVOLADDER -> {
                    int races = random.nextInt(3);
                    if (races != 1) {
                        seats.add(EvoLadderRules.seat("bw_zerg", 1500 - spread / 2 + random.nextInt(spread + 1)));
                    }
                    if (races != 0) {
                        seats.add(EvoLadderRules.seat("sc2_terran", 1500 - spread / 2 + random.nextInt(spread + 1)));
                    }
                    for (String map : SMALL_POOL) {
                        if (random.nextInt(4) == 0) {
                            vetoes.add(map);
                        }
                    }
                }
                case SINGLE -> seats.add(SinglePoolRules.seat(1500 - spread / 2 + random.nextInt(spread + 1)));
                case FIFO -> seats.add(FifoRules.seat());
            }
            queue.add(new QueuedPlayer(PlayerId.of(100 + i), seats, new Preferences(vetoes, Optional.empty()),
                    EPOCH.plusSeconds(i), waits[i]));
        }
        return queue;
    }
}
