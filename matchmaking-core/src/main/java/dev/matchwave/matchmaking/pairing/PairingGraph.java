package dev.matchwave.matchmaking.pairing;

import dev.matchwave.matchmaking.MatchRules;
import dev.matchwave.matchmaking.QueuedPlayer;
import dev.matchwave.matchmaking.Seat;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The graph of who may meet whom, kept implicit: players are vertices, and the seats that may
 * face a given seat are, for each lane (a side and a window size), one run of a rating-sorted
 * array. An edge joins two players when some pair of their seats faces each other, the rating
 * gap fits the larger of their windows ({@link MatchRules#allowed}) and the rules find them
 * {@link MatchRules#compatible}.
 *
 * <p>Players are numbered internally either in join order or along the rating line (for
 * memory locality); either numbering is fixed by the input, so results are deterministic.
 * Immutable after construction; not shared between threads.
 */
final class PairingGraph {

    /** Gap cost when the square would overflow; never reached with realistic ratings. */
    static final long HUGE_COST = Long.MAX_VALUE / 4;

    final MatchRules rules;
    /** The players, by internal number. */
    final QueuedPlayer[] players;
    /** Each player's place in the queue (join order), by internal number. */
    final int[] joinIndex;
    /** Each queue place's internal number. */
    final int[] internal;
    final int n;
    final int[] wait;
    /** The window of each player, in rating points (Integer.MAX_VALUE for none). */
    final long[] window;

    /** Seats of player p are seat ids seatStart[p] .. seatStart[p+1]-1, in his seat order. */
    final int[] seatStart;
    final int[] seatPlayer;
    final int[] seatRating;
    final int[] seatSide;
    final int[] seatLane;
    final int[] seatPos;
    /** The highest rating among each player's seats. */
    final int[] topRating;

    final int sideCount;
    /** meets[s][t]: a seat on side s may take the first place against one on side t. */
    final boolean[][] meets;
    /** faces[s * sideCount + t]: seats on sides s and t may meet, in one place or the other. */
    final boolean[] faces;

    final int laneCount;
    /** Positions of lane l are laneStart[l] .. laneStart[l+1]-1, sorted by rating then seat id. */
    final int[] laneStart;
    final long[] laneWindow;
    /** For each side, the lanes whose seats may face it (in either place). */
    final int[][] lanesFacing;
    final int[] posSeat;
    final int[] posPlayer;
    final int[] posRating;

    /** Every seat id sorted by rating, then seat id. */
    final int[] seatsByRating;
    /** Players with no possible opponent across a rating gap wider than any window are in different blocks. */
    final int[] block;
    final int blockCount;

    /**
     * @param ratingOrder number players by their lowest seat rating (then join order) rather
     *     than by join order, so that players close on the rating line are close in memory
     */
    PairingGraph(List<QueuedPlayer> queue, MatchRules rules, boolean ratingOrder) {
        this.rules = rules;
        this.n = queue.size();
        QueuedPlayer[] joined = queue.toArray(new QueuedPlayer[0]);

        // Seats in join order first.
        int seats = 0;
        for (QueuedPlayer player : joined) {
            seats += player.seats().size();
        }
        int[] joinSeatStart = new int[n + 1];
        int[] joinSeatRating = new int[seats];
        int[] joinSeatSide = new int[seats];
        int[] joinSeatPlayer = new int[seats];
        List<String> sideList = new java.util.ArrayList<>(4);
        int s = 0;
        for (int j = 0; j < n; j++) {
            joinSeatStart[j] = s;
            for (Seat seat : joined[j].seats()) {
                joinSeatPlayer[s] = j;
                joinSeatRating[s] = seat.rating();
                joinSeatSide[s] = sideId(sideList, seat.side());
                s++;
            }
        }
        joinSeatStart[n] = s;
        long[] keys = new long[seats];
        for (int i = 0; i < seats; i++) {
            keys[i] = ((long) joinSeatRating[i] << 32) | i;
        }
        Arrays.sort(keys);

        // Internal numbering.
        joinIndex = new int[n];
        internal = new int[n];
        if (ratingOrder) {
            Arrays.fill(internal, -1);
            int next = 0;
            for (long key : keys) {
                int j = joinSeatPlayer[(int) key];
                if (internal[j] < 0) {
                    internal[j] = next++;
                }
            }
            for (int j = 0; j < n; j++) {
                if (internal[j] < 0) {
                    internal[j] = next++; // a player without seats
                }
            }
        } else {
            for (int j = 0; j < n; j++) {
                internal[j] = j;
            }
        }
        players = new QueuedPlayer[n];
        wait = new int[n];
        window = new long[n];
        seatStart = new int[n + 1];
        for (int j = 0; j < n; j++) {
            int p = internal[j];
            joinIndex[p] = j;
            players[p] = joined[j];
            seatStart[p + 1] = joinSeatStart[j + 1] - joinSeatStart[j];
        }
        for (int p = 0; p < n; p++) {
            seatStart[p + 1] += seatStart[p];
        }
        // Few distinct waits: ask the rules once per wait.
        Map<Integer, Long> windowByWait = new HashMap<>();
        long[] smallWaits = new long[64];
        Arrays.fill(smallWaits, -1);
        for (int p = 0; p < n; p++) {
            int w = players[p].waitCycles();
            wait[p] = w;
            if (w < smallWaits.length) {
                if (smallWaits[w] < 0) {
                    smallWaits[w] = Math.max(0, rules.window(w));
                    windowByWait.put(w, smallWaits[w]);
                }
                window[p] = smallWaits[w];
            } else {
                window[p] = windowByWait.computeIfAbsent(w, x -> (long) Math.max(0, rules.window(x)));
            }
        }
        seatPlayer = new int[seats];
        seatRating = new int[seats];
        seatSide = new int[seats];
        seatLane = new int[seats];
        seatPos = new int[seats];
        int[] seatOfJoinSeat = new int[seats];
        for (int j = 0; j < n; j++) {
            int p = internal[j];
            for (int t = joinSeatStart[j]; t < joinSeatStart[j + 1]; t++) {
                int seat = seatStart[p] + (t - joinSeatStart[j]);
                seatOfJoinSeat[t] = seat;
                seatPlayer[seat] = p;
                seatRating[seat] = joinSeatRating[t];
                seatSide[seat] = joinSeatSide[t];
            }
        }
        topRating = new int[n];
        for (int p = 0; p < n; p++) {
            int top = Integer.MIN_VALUE;
            for (int t = seatStart[p]; t < seatStart[p + 1]; t++) {
                top = Math.max(top, seatRating[t]);
            }
            topRating[p] = top;
        }
        sideCount = sideList.size();
        meets = new boolean[sideCount][sideCount];
        faces = new boolean[sideCount * sideCount];
        for (int a = 0; a < sideCount; a++) {
            for (int b = 0; b < sideCount; b++) {
                meets[a][b] = rules.sidesMeet(sideList.get(a), sideList.get(b));
            }
        }
        for (int a = 0; a < sideCount; a++) {
            for (int b = 0; b < sideCount; b++) {
                faces[a * sideCount + b] = meets[a][b] || meets[b][a];
            }
        }

        long[] distinctWindows = windowByWait.values().stream().mapToLong(Long::longValue).distinct().sorted().toArray();
        int classes = Math.max(1, distinctWindows.length);
        laneCount = sideCount * classes;
        laneWindow = new long[laneCount];
        for (int l = 0; l < laneCount; l++) {
            laneWindow[l] = distinctWindows.length == 0 ? 0 : distinctWindows[l % classes];
        }
        seatsByRating = new int[seats];
        laneStart = new int[laneCount + 1];
        for (int i = 0; i < seats; i++) {
            int seat = seatOfJoinSeat[(int) keys[i]];
            seatsByRating[i] = seat;
            int windowClass = Arrays.binarySearch(distinctWindows, window[seatPlayer[seat]]);
            seatLane[seat] = seatSide[seat] * classes + windowClass;
            laneStart[seatLane[seat] + 1]++;
        }
        for (int l = 0; l < laneCount; l++) {
            laneStart[l + 1] += laneStart[l];
        }
        int[] fill = Arrays.copyOf(laneStart, laneCount);
        posSeat = new int[seats];
        posPlayer = new int[seats];
        posRating = new int[seats];
        for (int seat : seatsByRating) {
            int pos = fill[seatLane[seat]]++;
            seatPos[seat] = pos;
            posSeat[pos] = seat;
            posPlayer[pos] = seatPlayer[seat];
            posRating[pos] = seatRating[seat];
        }

        lanesFacing = new int[sideCount][];
        for (int a = 0; a < sideCount; a++) {
            int count = 0;
            int[] lanes = new int[laneCount];
            for (int b = 0; b < sideCount; b++) {
                if (meets[a][b] || meets[b][a]) {
                    for (int c = 0; c < classes; c++) {
                        int lane = b * classes + c;
                        if (laneStart[lane + 1] > laneStart[lane]) {
                            lanes[count++] = lane;
                        }
                    }
                }
            }
            lanesFacing[a] = Arrays.copyOf(lanes, count);
        }

        // Blocks: cut the rating line where two neighbouring seats are further apart than any
        // window, then join the blocks of each player's seats.
        long maxWindow = distinctWindows.length == 0 ? 0 : distinctWindows[distinctWindows.length - 1];
        int[] seatBlock = new int[seats];
        int blocks = 0;
        for (int i = 0; i < seats; i++) {
            if (i > 0 && (long) seatRating[seatsByRating[i]] - seatRating[seatsByRating[i - 1]] > maxWindow) {
                blocks++;
            }
            seatBlock[seatsByRating[i]] = blocks;
        }
        int[] union = new int[blocks + 1];
        for (int i = 0; i <= blocks; i++) {
            union[i] = i;
        }
        for (int p = 0; p < n; p++) {
            int first = find(union, seatBlock[seatStart[p]]);
            for (int t = seatStart[p] + 1; t < seatStart[p + 1]; t++) {
                int other = find(union, seatBlock[t]);
                if (other != first) {
                    union[Math.max(other, first)] = Math.min(other, first);
                    first = Math.min(other, first);
                }
            }
        }
        int[] renumber = new int[blocks + 1];
        Arrays.fill(renumber, -1);
        block = new int[n];
        int count = 0;
        for (int p = 0; p < n; p++) {
            int root = seatStart[p] < seatStart[p + 1] ? find(union, seatBlock[seatStart[p]]) : 0;
            if (renumber[root] < 0) {
                renumber[root] = count++;
            }
            block[p] = renumber[root];
        }
        blockCount = count;
    }

    /** The number of a side; sides are few, so a list beats hashing. */
    private static int sideId(List<String> sides, String side) {
        for (int i = 0; i < sides.size(); i++) {
            String known = sides.get(i);
            if (known == side || known.equals(side)) {
                return i;
            }
        }
        sides.add(side);
        return sides.size() - 1;
    }

    private static int find(int[] union, int x) {
        while (union[x] != x) {
            union[x] = union[union[x]];
            x = union[x];
        }
        return x;
    }

    /** First position of the lane whose rating is at least {@code rating}. */
    int lowerBound(int lane, long rating) {
        int lo = laneStart[lane];
        int hi = laneStart[lane + 1];
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (posRating[mid] < rating) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** First position of the lane whose rating is above {@code rating}. */
    int upperBound(int lane, long rating) {
        int lo = laneStart[lane];
        int hi = laneStart[lane + 1];
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (posRating[mid] <= rating) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * The closest allowed seating of players p and q, ignoring {@link MatchRules#compatible}: -1
     * if none, else {@code gap << 30 | seatOffsetOfP << 15 | seatOffsetOfQ}. Ties keep the
     * earlier seats.
     */
    long seating(int p, int q) {
        if (p == q) {
            return -1;
        }
        long limit = Math.max(window[p], window[q]);
        int a0 = seatStart[p];
        int b0 = seatStart[q];
        if (seatStart[p + 1] - a0 == 1 && seatStart[q + 1] - b0 == 1) {
            // The common case: one seat each.
            long gap = Math.abs((long) seatRating[a0] - seatRating[b0]);
            return faces[seatSide[a0] * sideCount + seatSide[b0]] && gap <= limit ? gap << 30 : -1;
        }
        long best = -1;
        int a1 = seatStart[p + 1];
        int b1 = seatStart[q + 1];
        for (int a = a0; a < a1; a++) {
            int row = seatSide[a] * sideCount;
            for (int b = b0; b < b1; b++) {
                if (!faces[row + seatSide[b]]) {
                    continue;
                }
                long gap = Math.abs((long) seatRating[a] - seatRating[b]);
                if (gap > limit) {
                    continue;
                }
                long code = gap << 30 | (long) (a - seatStart[p]) << 15 | (b - seatStart[q]);
                if (best < 0 || (code >>> 30) < (best >>> 30)) {
                    best = code;
                }
            }
        }
        return best;
    }

    static long gapOf(long seating) {
        return seating >>> 30;
    }

    static int firstOffset(long seating) {
        return (int) (seating >>> 15) & 0x7FFF;
    }

    static int secondOffset(long seating) {
        return (int) seating & 0x7FFF;
    }

    /** The squared gap of a seating, the cost the pairing minimises third. */
    static long cost(long seating) {
        long gap = gapOf(seating);
        return gap > 3_000_000_000L ? HUGE_COST : gap * gap;
    }

    boolean compatible(int p, int q) {
        return rules.compatible(players[p], players[q]);
    }

    /** Whether p and q may meet at all. */
    boolean adjacent(int p, int q) {
        return seating(p, q) >= 0 && compatible(p, q);
    }

    /** Whether, in this seating, p takes the first place of the pair. */
    boolean firstPlace(int p, int q, long seating) {
        int a = seatStart[p] + firstOffset(seating);
        int b = seatStart[q] + secondOffset(seating);
        boolean pFirst = meets[seatSide[a]][seatSide[b]];
        boolean qFirst = meets[seatSide[b]][seatSide[a]];
        return pFirst && (!qFirst || joinIndex[p] < joinIndex[q]);
    }
}
