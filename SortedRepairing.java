package dev.matchwave.matchmaking.pairing;

import java.util.Arrays;

/**
 * Re-pairs the matched players in rating order, keeping who is matched and on which side. For
 * two sorted sets of points on a line, the order-preserving matching has the smallest sum of
 * squared gaps (any convex cost: an uncrossing argument), and for one set, pairing neighbours
 * does. The rating line is cut where no current pair crosses; each piece whose order-preserving
 * pairs the rules all allow takes them. Pairs are grouped by the sides they use, so a piece
 * only mixes pairs of the same kind.
 */
final class SortedRepairing {

    private final PairingGraph g;
    /** Scratch, all -1 between uses: the exact solver's partners. */
    private final int[] scratchMate;
    /** Scratch: each player's place in the piece being re-paired. */
    private final int[] pieceSlot;

    private SortedRepairing(PairingGraph g) {
        this.g = g;
        this.scratchMate = new int[g.n];
        this.pieceSlot = new int[g.n];
        Arrays.fill(scratchMate, -1);
    }

    static void improve(PairingGraph g, int[] mate, boolean[] active) {
        new SortedRepairing(g).run(mate, active);
    }

    private void run(int[] mate, boolean[] active) {
        int n = g.n;
        // Every matched player's seat in his current pair, and the pair's side combination.
        int[] seatOf = new int[n];
        Arrays.fill(seatOf, -1);
        int pairs = 0;
        for (int p = 0; p < n; p++) {
            if (active[p] && mate[p] > p) {
                long seating = g.seating(p, mate[p]);
                if (seating < 0) {
                    continue;
                }
                seatOf[p] = g.seatStart[p] + PairingGraph.firstOffset(seating);
                seatOf[mate[p]] = g.seatStart[mate[p]] + PairingGraph.secondOffset(seating);
                pairs++;
            }
        }
        if (pairs < 2) {
            return;
        }
        // Matched seats in rating order, each tagged with its pair's kind (sorted side pair).
        int sides = g.sideCount;
        long[] keys = new long[2 * pairs];
        int count = 0;
        for (int seat : g.seatsByRating) {
            int p = g.seatPlayer[seat];
            if (seatOf[p] == seat) {
                keys[count++] = seat;
            }
        }
        int[] kindOf = new int[n];
        for (int p = 0; p < n; p++) {
            if (seatOf[p] >= 0) {
                int a = g.seatSide[seatOf[p]];
                int b = g.seatSide[seatOf[mate[p]]];
                kindOf[p] = Math.min(a, b) * sides + Math.max(a, b);
            }
        }
        int kinds = sides * sides;
        for (int kind = 0; kind < kinds; kind++) {
            int sideA = kind / sides;
            int sideB = kind % sides;
            // This kind's seats in rating order, and each player's index among them.
            int[] order = new int[count];
            int m = 0;
            for (int i = 0; i < count; i++) {
                int seat = (int) keys[i];
                if (kindOf[g.seatPlayer[seat]] == kind) {
                    order[m++] = seat;
                }
            }
            if (m < 4) {
                continue;
            }
            int[] index = new int[n];
            for (int i = 0; i < m; i++) {
                index[g.seatPlayer[order[i]]] = i;
            }
            int start = 0;
            int reach = -1;
            for (int i = 0; i < m; i++) {
                int p = g.seatPlayer[order[i]];
                reach = Math.max(reach, index[mate[p]]);
                if (reach == i) {
                    repairPiece(mate, order, start, i + 1, sideA, sideB);
                    start = i + 1;
                }
            }
        }
    }

    /** Largest group of players re-paired exactly where the order-preserving pairs are not allowed. */
    private static final int EXACT_GROUP = 48;

    /**
     * Re-pairs the seats order[from..to) (a piece no current pair crosses) in rating order. The
     * order-preserving pairing splits into parts at the points where it is balanced; a part
     * with a pair the rules forbid is re-paired exactly together with its neighbouring parts
     * (up to {@value #EXACT_GROUP} players), if they can all be matched among themselves. The
     * piece changes only if every part found a pairing and the total squared gap went down.
     */
    private void repairPiece(int[] mate, int[] order, int from, int to, int sideA, int sideB) {
        int size = to - from;
        if (size < 4) {
            return;
        }
        int half = size / 2;
        int[] first = new int[half];
        int[] second = new int[half];
        int[] partEnd = new int[half];
        int pairsMade = 0;
        int parts = 0;
        if (sideA == sideB) {
            for (int k = 0; k < half; k++) {
                first[k] = g.seatPlayer[order[from + 2 * k]];
                second[k] = g.seatPlayer[order[from + 2 * k + 1]];
                partEnd[parts++] = k + 1;
            }
            pairsMade = half;
        } else {
            // i-th seat of one side with the i-th of the other: first come, first served.
            int[] waitingA = new int[half];
            int[] waitingB = new int[half];
            int headA = 0;
            int tailA = 0;
            int headB = 0;
            int tailB = 0;
            for (int i = from; i < to; i++) {
                int seat = order[i];
                int p = g.seatPlayer[seat];
                if (g.seatSide[seat] == sideA) {
                    if (headB < tailB) {
                        first[pairsMade] = p;
                        second[pairsMade++] = waitingB[headB++];
                    } else if (tailA < half) {
                        waitingA[tailA++] = p;
                    } else {
                        return;
                    }
                } else {
                    if (headA < tailA) {
                        first[pairsMade] = waitingA[headA++];
                        second[pairsMade++] = p;
                    } else if (tailB < half) {
                        waitingB[tailB++] = p;
                    } else {
                        return;
                    }
                }
                if (headA == tailA && headB == tailB) {
                    partEnd[parts++] = pairsMade;
                }
            }
            if (pairsMade != half || headA != tailA || headB != tailB) {
                return;
            }
        }
        // Which parts have a forbidden pair.
        boolean[] bad = new boolean[parts];
        boolean anyBad = false;
        int partStart = 0;
        for (int part = 0; part < parts; part++) {
            for (int k = partStart; k < partEnd[part]; k++) {
                if (g.seating(first[k], second[k]) < 0 || !g.compatible(first[k], second[k])) {
                    bad[part] = true;
                    anyBad = true;
                    break;
                }
            }
            partStart = partEnd[part];
        }
        int[] newMate = new int[size];
        int[] players = new int[size];
        for (int i = 0; i < size; i++) {
            players[i] = g.seatPlayer[order[from + i]];
        }
        for (int i = 0; i < size; i++) {
            pieceSlot[players[i]] = i;
        }
        int[] proposed = new int[size];
        boolean[] taken = new boolean[parts];
        Arrays.fill(newMate, -1);
        long after = 0;
        partStart = 0;
        int part = 0;
        while (part < parts) {
            if (!bad[part]) {
                for (int k = partStart; k < partEnd[part]; k++) {
                    long seating = g.seating(first[k], second[k]);
                    after += PairingGraph.cost(seating);
                }
                partStart = partEnd[part];
                part++;
                continue;
            }
            // Grow a group of parts around the bad one and pair it exactly.
            int lo = part;
            int hi = part + 1;
            int loStart = partStart;
            boolean solved = false;
            while (true) {
                int groupPairs = partEnd[hi - 1] - loStart;
                if (2 * groupPairs > EXACT_GROUP) {
                    break;
                }
                int[] members = new int[2 * groupPairs];
                for (int k = loStart, i = 0; k < partEnd[hi - 1]; k++) {
                    members[i++] = first[k];
                    members[i++] = second[k];
                }
                long cost = exactPerfect(members, proposed);
                if (cost >= 0) {
                    for (int i = 0; i < members.length; i++) {
                        newMate[pieceSlot[members[i]]] = proposed[i];
                    }
                    // Undo the costs of good parts absorbed on the left.
                    for (int j = lo; j < part; j++) {
                        int js = j == 0 ? 0 : partEnd[j - 1];
                        for (int k = js; k < partEnd[j]; k++) {
                            after -= PairingGraph.cost(g.seating(first[k], second[k]));
                        }
                    }
                    after += cost;
                    for (int j = lo; j < hi; j++) {
                        taken[j] = true;
                    }
                    solved = true;
                    break;
                }
                boolean canLeft = lo > 0 && !bad[lo - 1] && !taken[lo - 1];
                boolean canRight = hi < parts;
                if (canLeft && (!canRight || (hi - lo) % 2 == 0)) {
                    lo--;
                    loStart = lo == 0 ? 0 : partEnd[lo - 1];
                } else if (canRight) {
                    hi++;
                } else {
                    break;
                }
            }
            if (!solved) {
                return;
            }
            partStart = partEnd[hi - 1];
            part = hi;
        }
        long before = 0;
        for (int p : players) {
            if (mate[p] > p) {
                before += PairingGraph.cost(g.seating(p, mate[p]));
            }
        }
        if (after >= before) {
            return;
        }
        // Apply: the good parts in order, then the exactly solved groups.
        partStart = 0;
        for (int pt = 0; pt < parts; pt++) {
            for (int k = partStart; k < partEnd[pt]; k++) {
                if (newMate[pieceSlot[first[k]]] < 0) {
                    mate[first[k]] = second[k];
                    mate[second[k]] = first[k];
                }
            }
            partStart = partEnd[pt];
        }
        if (anyBad) {
            for (int i = 0; i < size; i++) {
                if (newMate[i] >= 0) {
                    mate[players[i]] = newMate[i];
                }
            }
        }
    }

    /**
     * The closest perfect pairing of the given players, exactly: its cost, with each member's
     * partner in {@code partner}, or -1 when they cannot all be matched among themselves.
     */
    private long exactPerfect(int[] members, int[] partner) {
        boolean solved = ExactBlock.solve(g, members, scratchMate);
        long cost = 0;
        for (int i = 0; i < members.length; i++) {
            int q = scratchMate[members[i]];
            if (q < 0) {
                cost = -1;
            } else if (cost >= 0) {
                partner[i] = q;
                if (q > members[i]) {
                    cost += PairingGraph.cost(g.seating(members[i], q));
                }
            }
        }
        for (int member : members) {
            scratchMate[member] = -1;
        }
        return solved ? cost : -1;
    }
}
