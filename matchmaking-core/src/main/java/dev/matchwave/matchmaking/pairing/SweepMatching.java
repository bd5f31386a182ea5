package dev.matchwave.matchmaking.pairing;

import java.util.Arrays;

/**
 * A fast first matching: sweep all seats in rating order; each seat takes the lowest-rated
 * waiting seat it may face (players with a seat still ahead in the sweep last), or waits
 * itself. First come, first served along the rating line keeps the matching close to
 * order-preserving, which is what minimises squared gaps between two sorted sets, and close to
 * the maximum number of pairs; the augmenting-path searches that follow make it maximum.
 * Linear after the sort, bar a bounded look-ahead per seat.
 */
final class SweepMatching {

    /** How many live waiting seats of one lane a seat looks at, from the lowest it may face. */
    private static final int LOOK_AHEAD = 8;

    private SweepMatching() {
    }

    static void run(PairingGraph g, int[] mate, boolean[] active) {
        int lanes = g.laneCount;
        int[] head = new int[lanes];
        int[] tail = new int[lanes];
        // Each lane's waiting seats live in that lane's own slice of one buffer.
        int[] buffer = new int[g.posSeat.length];
        // Copies of each waiting seat's rating and player, side by side for the cache.
        int[] bufferRating = new int[g.posSeat.length];
        int[] bufferPlayer = new int[g.posSeat.length];
        // Where each seat waits, to mark it gone (player -1) when its player is matched.
        int[] slotOfSeat = new int[g.posSeat.length];
        Arrays.fill(slotOfSeat, -1);
        // skip[i]: where to look next from buffer slot i (itself while its player is free).
        int[] skip = new int[g.posSeat.length + 1];
        for (int i = 0; i < skip.length; i++) {
            skip[i] = i;
        }
        for (int l = 0; l < lanes; l++) {
            head[l] = g.laneStart[l];
            tail[l] = g.laneStart[l];
        }
        long maxWindow = 0;
        for (long w : g.laneWindow) {
            maxWindow = Math.max(maxWindow, w);
        }
        for (int seat : g.seatsByRating) {
            int p = g.seatPlayer[seat];
            if (!active[p] || mate[p] >= 0) {
                continue;
            }
            long r = g.seatRating[seat];
            int bestSeat = -1;
            boolean bestHasLater = false;
            long bestRating = 0;
            for (int lane : g.lanesFacing[g.seatSide[seat]]) {
                int h = head[lane];
                int t = tail[lane];
                long expiry = Math.max(g.laneWindow[lane], maxWindow);
                while (h < t) {
                    if (bufferPlayer[h] < 0 || r - bufferRating[h] > expiry) {
                        h++;
                    } else {
                        break;
                    }
                }
                head[lane] = h;
                if (h >= t) {
                    continue;
                }
                long radius = Math.max(g.window[p], g.laneWindow[lane]);
                // Waiting seats are in rating order: skip those too far below for p at once.
                int i = firstAtLeast(bufferRating, h, t, r - radius);
                int looked = 0;
                while (i < t && looked < LOOK_AHEAD) {
                    i = alive(skip, i, t);
                    if (i >= t) {
                        break;
                    }
                    int q = bufferPlayer[i];
                    if (q < 0) {
                        skip[i] = i + 1;
                        continue;
                    }
                    int e = buffer[i];
                    long rating = bufferRating[i];
                    looked++;
                    i++;
                    if (q == p || !g.compatible(p, q)) {
                        continue;
                    }
                    boolean hasLater = g.topRating[q] > r;
                    if (bestSeat < 0 || (!hasLater && bestHasLater)
                            || (hasLater == bestHasLater && rating < bestRating)) {
                        bestSeat = e;
                        bestHasLater = hasLater;
                        bestRating = rating;
                    }
                    if (!hasLater) {
                        // Later entries of this lane are rated higher: this is the lane's best.
                        break;
                    }
                }
            }
            if (bestSeat >= 0) {
                int q = g.seatPlayer[bestSeat];
                mate[p] = q;
                mate[q] = p;
                leave(g, p, slotOfSeat, bufferPlayer);
                leave(g, q, slotOfSeat, bufferPlayer);
            } else {
                int lane = g.seatLane[seat];
                int slot = tail[lane]++;
                buffer[slot] = seat;
                bufferRating[slot] = (int) r;
                bufferPlayer[slot] = p;
                slotOfSeat[seat] = slot;
            }
        }
    }

    /** Marks the waiting seats of a player just matched as gone. */
    private static void leave(PairingGraph g, int p, int[] slotOfSeat, int[] bufferPlayer) {
        for (int seat = g.seatStart[p]; seat < g.seatStart[p + 1]; seat++) {
            if (slotOfSeat[seat] >= 0) {
                bufferPlayer[slotOfSeat[seat]] = -1;
            }
        }
    }

    /** The first slot in [from, to) whose seat is rated at least {@code rating}. */
    private static int firstAtLeast(int[] ratings, int from, int to, long rating) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ratings[mid] < rating) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The first slot at or after i not known to hold a matched player (path halving). */
    private static int alive(int[] skip, int i, int limit) {
        while (i < limit && skip[i] != i) {
            int next = skip[i];
            skip[i] = skip[next] <= limit ? skip[next] : next;
            i = next;
        }
        return i;
    }
}
