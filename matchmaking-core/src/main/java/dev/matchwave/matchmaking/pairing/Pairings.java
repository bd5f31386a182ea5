package dev.matchwave.matchmaking.pairing;

import dev.matchwave.matchmaking.Optimality;
import dev.matchwave.matchmaking.Pair;
import dev.matchwave.matchmaking.Pairing;
import dev.matchwave.matchmaking.QueuedPlayer;
import dev.matchwave.matchmaking.Seat;
import java.util.ArrayList;
import java.util.List;

/** Turns a matching on player indices into a {@link Pairing}. */
final class Pairings {

    private Pairings() {
    }

    /**
     * Pairs come in the join order of their earlier-joined player, each player in the closest
     * allowed seats, the first place to the seat whose side comes first; the unmatched keep
     * join order.
     */
    static Pairing of(PairingGraph g, int[] mate, Optimality optimality) {
        List<Pair> pairs = new ArrayList<>();
        List<QueuedPlayer> unmatched = new ArrayList<>();
        for (int j = 0; j < g.n; j++) {
            int p = g.internal[j];
            int q = mate[p];
            if (q >= 0 && mate[q] != p) {
                throw new IllegalStateException("pairing is inconsistent at player " + g.players[p].id());
            }
            if (q < 0) {
                unmatched.add(g.players[p]);
            } else if (g.joinIndex[q] > j) {
                long seating = g.seating(p, q);
                if (seating < 0) {
                    throw new IllegalStateException("pairing produced a pair the rules forbid: " + p + ", " + q);
                }
                Seat seatP = g.players[p].seats().get(PairingGraph.firstOffset(seating));
                Seat seatQ = g.players[q].seats().get(PairingGraph.secondOffset(seating));
                if (g.firstPlace(p, q, seating)) {
                    pairs.add(new Pair(g.players[p], seatP, g.players[q], seatQ));
                } else {
                    pairs.add(new Pair(g.players[q], seatQ, g.players[p], seatP));
                }
            }
        }
        return new Pairing(pairs, unmatched, optimality);
    }
}
