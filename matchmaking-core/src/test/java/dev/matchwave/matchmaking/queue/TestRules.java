package dev.matchwave.matchmaking.queue;

import dev.matchwave.matchmaking.MatchRules;
import dev.matchwave.matchmaking.Pair;
import dev.matchwave.matchmaking.Pairer;
import dev.matchwave.matchmaking.Pairing;
import dev.matchwave.matchmaking.QueuedPlayer;
import dev.matchwave.matchmaking.Seat;

import java.util.ArrayList;
import java.util.List;

/** Small rule sets and pairers of the tests' own, so the queue is tested apart from the pairing. */
final class TestRules {

    private TestRules() {
    }

    /** Everybody on one side "any"; window 100 + 50 * wait cycles, like the reference ladder. */
    static final MatchRules SINGLE = new MatchRules() {
        @Override
        public String name() {
            return "test-single";
        }

        @Override
        public boolean sidesMeet(String firstSide, String secondSide) {
            return firstSide.equals(secondSide);
        }

        @Override
        public int window(int waitCycles) {
            return 100 + 50 * waitCycles;
        }
    };

    /** A "bw" side against an "sc2" side, same window. */
    static final MatchRules TWO_SIDED = new MatchRules() {
        @Override
        public String name() {
            return "test-two-sided";
        }

        @Override
        public boolean sidesMeet(String firstSide, String secondSide) {
            return firstSide.equals("bw") && secondSide.equals("sc2");
        }

        @Override
        public int window(int waitCycles) {
            return 100 + 50 * waitCycles;
        }
    };

    static List<Seat> single(int rating) {
        return List.of(new Seat("any", "any", rating));
    }

    /** Pairs neighbours in join order, ignoring the rules: 1-2, 3-4, ... */
    static Pairer inJoinOrder() {
        return (queue, rules) -> {
            List<Pair> pairs = new ArrayList<>();
            List<QueuedPlayer> unmatched = new ArrayList<>();
            for (int i = 0; i + 1 < queue.size(); i += 2) {
                QueuedPlayer a = queue.get(i);
                QueuedPlayer b = queue.get(i + 1);
                pairs.add(new Pair(a, a.seats().get(0), b, b.seats().get(0)));
            }
            if (queue.size() % 2 == 1) {
                unmatched.add(queue.get(queue.size() - 1));
            }
            return new Pairing(pairs, unmatched);
        };
    }

    /**
     * Greedy in join order, honouring {@link MatchRules#allowed}: each player takes the first
     * later player he may meet, in either order and on any seats.
     */
    static Pairer greedy() {
        return (queue, rules) -> {
            boolean[] used = new boolean[queue.size()];
            List<Pair> pairs = new ArrayList<>();
            List<QueuedPlayer> unmatched = new ArrayList<>();
            for (int i = 0; i < queue.size(); i++) {
                if (used[i]) {
                    continue;
                }
                for (int j = i + 1; j < queue.size() && !used[i]; j++) {
                    if (used[j]) {
                        continue;
                    }
                    Pair pair = allowedPair(queue.get(i), queue.get(j), rules);
                    if (pair != null) {
                        used[i] = true;
                        used[j] = true;
                        pairs.add(pair);
                    }
                }
                if (!used[i]) {
                    unmatched.add(queue.get(i));
                }
            }
            return new Pairing(pairs, unmatched);
        };
    }

    private static Pair allowedPair(QueuedPlayer a, QueuedPlayer b, MatchRules rules) {
        for (Seat sa : a.seats()) {
            for (Seat sb : b.seats()) {
                if (rules.allowed(a, sa, b, sb)) {
                    return new Pair(a, sa, b, sb);
                }
                if (rules.allowed(b, sb, a, sa)) {
                    return new Pair(b, sb, a, sa);
                }
            }
        }
        return null;
    }
}
