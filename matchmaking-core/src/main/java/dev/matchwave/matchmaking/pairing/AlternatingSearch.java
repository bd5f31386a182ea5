package dev.matchwave.matchmaking.pairing;

import java.util.Arrays;

/**
 * Edmonds' alternating forest with blossoms (J. Edmonds, "Paths, trees, and flowers", Canad. J.
 * Math. 17, 1965) over the implicit {@link PairingGraph}. The unlabelled and the even players
 * are bit sets over the lanes' rating-sorted positions, so a player's neighbours are found a
 * machine word at a time, each player is labelled once per search, and a word whose even
 * players all lie in the scanning player's blossom is skipped whole. Blossoms are tracked with
 * a union-find on their bases; paths are read back through parent links as in the usual
 * breadth-first formulation.
 *
 * <p>Three uses:
 * <ul>
 *   <li>{@link #augmentDepthFirst}: cheap depth-first augmenting paths (no blossoms), for the
 *       bulk of the work after the sweep.
 *   <li>{@link #maximise}: grows trees from all free players at once; where two trees touch
 *       through an edge between even players there is an augmenting path, which is flipped,
 *       and both trees are dropped for the rest of the round. Rounds repeat until one finds no
 *       augmenting path: then the forest is complete and, by Edmonds' theorem and Berge's, the
 *       matching is maximum.
 *   <li>{@link #favourLongWaits}: among maximum matchings, makes the set of matched players
 *       one of largest total wait. The sets of players covered by maximum matchings are the
 *       bases of the matching matroid (Edmonds and Fulkerson, 1965), whose greedy basis (longest
 *       waits first) has maximum weight; the players a free player u can replace, leaving the
 *       number of pairs as it is, are exactly the even players of u's tree.
 * </ul>
 * Not thread-safe; one instance per pairing.
 */
final class AlternatingSearch {

    private static final byte NONE = 0;
    private static final byte EVEN = 1;
    private static final byte ODD = 2;

    private final PairingGraph g;
    private final int[] mate;
    private final boolean[] active;
    private final int n;
    /** Positions of active players not labelled in the current search. */
    private final long[] unlabelled;
    /** Positions of the players labelled even in the current search (live trees only). */
    private final long[] even;
    /** For each word of {@link #even}: unless mixed, all its players share this one's blossom. */
    private final int[] wordPlayer;
    private final boolean[] wordMixed;
    private final byte[] label;
    private final int[] parent;
    private final int[] base;
    private final int[] tree;
    private final int[] treeNext;
    private final int[] treeFirst;
    private final boolean[] deadTree;
    private final int[] mark;
    private int markNow;
    private final int[] queue;
    private int queueHead;
    private int queueTail;
    private final IntStack touched = new IntStack(64);

    // Exchange search state.
    private boolean exchanging;
    private int exchangeAbove;
    private int exchangeBest = -1;
    private int augmentations;

    AlternatingSearch(PairingGraph g, int[] mate, boolean[] active) {
        this.g = g;
        this.mate = mate;
        this.active = active;
        this.n = g.n;
        int words = (g.posSeat.length >>> 6) + 1;
        this.unlabelled = new long[words];
        this.even = new long[words];
        this.wordPlayer = new int[words];
        this.wordMixed = new boolean[words];
        this.label = new byte[n];
        this.parent = new int[n];
        this.base = new int[n];
        this.tree = new int[n];
        this.treeNext = new int[n];
        this.treeFirst = new int[n];
        this.deadTree = new boolean[n];
        this.mark = new int[n];
        this.queue = new int[n];
        Arrays.fill(parent, -1);
        Arrays.fill(treeFirst, -1);
        for (int p = 0; p < n; p++) {
            base[p] = p;
            if (active[p]) {
                setSeats(unlabelled, p);
            }
        }
    }

    /** Makes the matching maximum over the active players (see the class comment). */
    void maximise() {
        int[] freeInBlock = new int[g.blockCount];
        while (true) {
            Arrays.fill(freeInBlock, 0);
            for (int p = 0; p < n; p++) {
                if (active[p] && mate[p] < 0) {
                    freeInBlock[g.block[p]]++;
                }
            }
            queueHead = 0;
            queueTail = 0;
            augmentations = 0;
            boolean anyRoot = false;
            for (int p = 0; p < n; p++) {
                // A block with one free player left has no augmenting path.
                if (active[p] && mate[p] < 0 && freeInBlock[g.block[p]] >= 2) {
                    labelEven(p, p);
                    anyRoot = true;
                }
            }
            if (!anyRoot) {
                break;
            }
            grow();
            clear();
            if (augmentations == 0) {
                break;
            }
        }
    }

    /**
     * Augments along simple alternating paths found depth first, with a look-ahead for free
     * players at every step (the bipartite method of Pothen and Fan, "Computing the block
     * triangular form of a sparse matrix", ACM TOMS 16(4), 1990, used here as a heuristic: it
     * may miss a path that needs a blossom, which {@link #maximise} then finds). Each round
     * visits a player at most once; rounds repeat while they find paths. Cheap where the free
     * players are few and the paths short, as the sweep leaves them.
     */
    void augmentDepthFirst() {
        int[] frameSeat = new int[n];
        int[] frameLane = new int[n];
        int[] frameCursor = new int[n];
        int[] frameEnd = new int[n];
        int[] framePlayer = new int[n];
        int[] frameVia = new int[n];
        frameDown = new boolean[n];
        freeStart = new int[g.laneCount + 1];
        int seats = g.posSeat.length;
        freePos = new int[seats];
        freeSkip = new int[seats + 1];
        while (true) {
            int free = 0;
            Arrays.fill(freeStart, 0);
            for (int p = 0; p < n; p++) {
                if (active[p] && mate[p] < 0) {
                    free++;
                    for (int seat = g.seatStart[p]; seat < g.seatStart[p + 1]; seat++) {
                        freeStart[g.seatLane[seat] + 1]++;
                    }
                }
            }
            if (free < 2) {
                return;
            }
            for (int l = 0; l < g.laneCount; l++) {
                freeStart[l + 1] += freeStart[l];
            }
            int[] fill = Arrays.copyOf(freeStart, g.laneCount);
            for (int l = 0; l < g.laneCount; l++) {
                // Lane positions ascend with rating: collect each lane's free seats in order.
                for (int pos = g.laneStart[l]; pos < g.laneStart[l + 1] && fill[l] < freeStart[l + 1]; pos++) {
                    int p = g.posPlayer[pos];
                    if (active[p] && mate[p] < 0) {
                        freePos[fill[l]++] = pos;
                    }
                }
            }
            for (int i = 0; i <= seats; i++) {
                freeSkip[i] = i;
            }
            int found = 0;
            for (int u = 0; u < n; u++) {
                if (!active[u] || mate[u] >= 0 || label[u] != NONE) {
                    continue;
                }
                visit(u);
                int depth = 0;
                framePlayer[0] = u;
                frameSeat[0] = g.seatStart[u];
                frameLane[0] = -1;
                long rootRating = g.seatRating[g.seatStart[u]];
                boolean augmented = false;
                // Look-ahead for the root.
                int w = freeNeighbour(u);
                if (w >= 0) {
                    mate[u] = w;
                    mate[w] = u;
                    visit(w);
                    found++;
                    continue;
                }
                while (depth >= 0 && !augmented) {
                    int v = framePlayer[depth];
                    int q = nextUnvisited(v, depth, frameSeat, frameLane, frameCursor, frameEnd, rootRating);
                    if (q < 0) {
                        depth--;
                        continue;
                    }
                    visit(q);
                    int m = mate[q];
                    visit(m);
                    depth++;
                    framePlayer[depth] = m;
                    frameVia[depth] = q;
                    frameSeat[depth] = g.seatStart[m];
                    frameLane[depth] = -1;
                    w = freeNeighbour(m);
                    if (w >= 0) {
                        visit(w);
                        mate[m] = w;
                        mate[w] = m;
                        for (int i = depth; i >= 1; i--) {
                            int previous = framePlayer[i - 1];
                            mate[previous] = frameVia[i];
                            mate[frameVia[i]] = previous;
                        }
                        augmented = true;
                        found++;
                    }
                }
            }
            // Forget the round's visits.
            Arrays.fill(label, NONE);
            for (int p = 0; p < n; p++) {
                if (active[p]) {
                    setSeats(unlabelled, p);
                }
            }
            if (found == 0) {
                return;
            }
        }
    }

    private boolean[] frameDown = new boolean[0];

    private void visit(int p) {
        label[p] = ODD;
        clearSeats(unlabelled, p);
    }

    // The free players' positions of each lane, in rating order, for the look-ahead; a slot
    // whose player was visited or matched is skipped through freeSkip (path halving).
    private int[] freeStart = new int[0];
    private int[] freePos = new int[0];
    private int[] freeSkip = new int[0];

    /** A free, unvisited, compatible neighbour of v, or -1. */
    private int freeNeighbour(int v) {
        for (int seat = g.seatStart[v]; seat < g.seatStart[v + 1]; seat++) {
            long rating = g.seatRating[seat];
            for (int lane : g.lanesFacing[g.seatSide[seat]]) {
                int from = freeStart[lane];
                int to = freeStart[lane + 1];
                if (from == to) {
                    continue;
                }
                long radius = Math.max(g.window[v], g.laneWindow[lane]);
                long low = rating - radius;
                long high = rating + radius;
                int lo = from;
                int hi = to;
                while (lo < hi) {
                    int mid = (lo + hi) >>> 1;
                    if (g.posRating[freePos[mid]] < low) {
                        lo = mid + 1;
                    } else {
                        hi = mid;
                    }
                }
                for (int i = nextFree(lo, to); i < to && g.posRating[freePos[i]] <= high; i = nextFree(i + 1, to)) {
                    int w = g.posPlayer[freePos[i]];
                    if (label[w] != NONE || mate[w] >= 0) {
                        freeSkip[i] = i + 1;
                        continue;
                    }
                    if (g.compatible(v, w)) {
                        return w;
                    }
                }
            }
        }
        return -1;
    }

    private int nextFree(int i, int limit) {
        while (i < limit && freeSkip[i] != i) {
            int next = freeSkip[i];
            freeSkip[i] = freeSkip[next] <= limit ? freeSkip[next] : next;
            i = next;
        }
        return i;
    }

    /**
     * The next unvisited matched neighbour of the frame's player, walking its seats and lanes.
     * Each range is walked outwards from the player's own rating, first on the side of the
     * root's rating: the pairs a path makes stay close, and the path stays local.
     */
    private int nextUnvisited(int v, int depth, int[] frameSeat, int[] frameLane, int[] frameCursor,
                              int[] frameEnd, long rootRating) {
        while (frameSeat[depth] < g.seatStart[v + 1]) {
            int seat = frameSeat[depth];
            int[] lanes = g.lanesFacing[g.seatSide[seat]];
            int state = frameLane[depth];
            // state: -1 = pick the next lane; else lane index * 2 + walk (0 first walk, 1 second)
            if (state >= 0) {
                int walk = state & 1;
                int cursor = frameCursor[depth];
                int end = frameEnd[depth];
                boolean down = frameDown[depth];
                int pos = down ? previousBit(unlabelled, end, cursor) : nextBit(unlabelled, cursor, end + 1);
                if (pos >= 0) {
                    frameCursor[depth] = down ? pos - 1 : pos + 1;
                    int q = g.posPlayer[pos];
                    if (mate[q] >= 0 && g.compatible(v, q)) {
                        return q;
                    }
                    continue;
                }
                if (walk == 0) {
                    frameLane[depth] = state + 1;
                    setWalk(v, seat, lanes[state >> 1], 1, depth, frameCursor, frameEnd, rootRating);
                    continue;
                }
                int nextLane = (state >> 1) + 1;
                if (nextLane < lanes.length) {
                    frameLane[depth] = nextLane * 2;
                    setWalk(v, seat, lanes[nextLane], 0, depth, frameCursor, frameEnd, rootRating);
                } else {
                    frameSeat[depth]++;
                    frameLane[depth] = -1;
                }
            } else if (lanes.length > 0) {
                frameLane[depth] = 0;
                setWalk(v, seat, lanes[0], 0, depth, frameCursor, frameEnd, rootRating);
            } else {
                frameSeat[depth]++;
            }
        }
        return -1;
    }

    /** Sets up one of the two walks over a lane's range: towards the root's rating first. */
    private void setWalk(int v, int seat, int lane, int walk, int depth, int[] frameCursor, int[] frameEnd,
                         long rootRating) {
        long rating = g.seatRating[seat];
        long radius = Math.max(g.window[v], g.laneWindow[lane]);
        int lo = g.lowerBound(lane, rating - radius);
        int hi = g.upperBound(lane, rating + radius) - 1;
        int mid = g.lowerBound(lane, rating);
        boolean downFirst = rating >= rootRating;
        boolean down = downFirst == (walk == 0);
        frameDown[depth] = down;
        if (down) {
            frameCursor[depth] = mid - 1;
            frameEnd[depth] = lo;
        } else {
            frameCursor[depth] = mid;
            frameEnd[depth] = hi;
        }
    }

    /** The last set bit in [from, to], scanning down from to; -1 if none. */
    private static int previousBit(long[] bits, int from, int to) {
        if (to < from || to < 0) {
            return -1;
        }
        int word = to >>> 6;
        long current = bits[word] & (-1L >>> (63 - (to & 63)));
        while (true) {
            if (current != 0) {
                int pos = (word << 6) + 63 - Long.numberOfLeadingZeros(current);
                return pos >= from ? pos : -1;
            }
            word--;
            if (word < 0 || (word << 6) + 63 < from) {
                return -1;
            }
            current = bits[word];
        }
    }

    /**
     * Makes the set of matched players one of largest total wait, keeping the number of pairs:
     * the matroid greedy, level by level from the longest wait down. At level t the matched
     * players who waited at least t must stay matched; a tree grown from a free player of wait
     * t that reaches, as an even player, a matched player who waited less flips the path to him
     * (he is now the free one). Trees first grow from all the level's free players at once, in
     * rounds (a tree that made its exchange leaves the round), while rounds pay; then one at a
     * time. The level is done when no free player of wait t can be matched without unmatching
     * a player who waited at least as long.
     */
    void favourLongWaits() {
        int[] levels = Arrays.stream(g.wait).distinct().sorted().toArray();
        // The free players of each level; an exchange frees a player of a lower level.
        IntStack[] freeAt = new IntStack[levels.length];
        for (int li = 0; li < levels.length; li++) {
            freeAt[li] = new IntStack(8);
        }
        for (int p = 0; p < n; p++) {
            if (active[p] && mate[p] < 0) {
                freeAt[Arrays.binarySearch(levels, g.wait[p])].push(p);
            }
        }
        for (int li = levels.length - 1; li >= 1; li--) {
            IntStack candidates = freeAt[li];
            if (candidates.size() == 0) {
                continue;
            }
            exchangeAbove = levels[li];
            // Rounds of one forest from all the level's free players, while they pay.
            int roots = Integer.MAX_VALUE;
            while (true) {
                queueHead = 0;
                queueTail = 0;
                augmentations = 0;
                exchangeBest = -1;
                int count = 0;
                for (int i = 0; i < candidates.size(); i++) {
                    int p = candidates.get(i);
                    if (mate[p] < 0) {
                        labelEven(p, p);
                        count++;
                    }
                }
                if (count == 0 || count == roots) {
                    clear();
                    break;
                }
                roots = count;
                exchanging = true;
                grow();
                exchanging = false;
                noteFreed(levels, freeAt);
                clear();
                if (augmentations == 0) {
                    roots = 0;
                    break;
                }
                if (augmentations * 64L < count) {
                    break; // few trees reach an exchange each round: go one tree at a time
                }
            }
            if (roots == 0) {
                continue;
            }
            // One tree at a time: a tree that finds no exchange only touches its own odd
            // players, so no later search of this level gets through it and it is set aside.
            setAsideList.clear();
            for (int i = 0; i < candidates.size(); i++) {
                int u = candidates.get(i);
                if (mate[u] >= 0 || !unlabelledPlayer(u)) {
                    continue;
                }
                queueHead = 0;
                queueTail = 0;
                augmentations = 0;
                exchangeBest = -1;
                labelEven(u, u);
                exchanging = true;
                grow();
                exchanging = false;
                noteFreed(levels, freeAt);
                if (augmentations > 0) {
                    clear();
                } else {
                    setAside();
                }
            }
            for (int i = 0; i < setAsideList.size(); i++) {
                setSeats(unlabelled, setAsideList.get(i));
            }
        }
    }

    private final IntStack setAsideList = new IntStack(64);
    private final IntStack freedList = new IntStack(16);

    /** Files the players freed by this search's exchanges under their levels. */
    private void noteFreed(int[] levels, IntStack[] freeAt) {
        for (int i = 0; i < freedList.size(); i++) {
            int m = freedList.get(i);
            freeAt[Arrays.binarySearch(levels, g.wait[m])].push(m);
        }
        freedList.clear();
    }

    /** Whether p is unlabelled and not set aside. */
    private boolean unlabelledPlayer(int p) {
        int pos = g.seatPos[g.seatStart[p]];
        return (unlabelled[pos >>> 6] & (1L << pos)) != 0;
    }

    /** Like {@link #clear()}, but the players stay out of reach until the level ends. */
    private void setAside() {
        for (int i = 0; i < touched.size(); i++) {
            int x = touched.get(i);
            unlabel(x);
            setAsideList.push(x);
        }
        touched.clear();
    }

    /** Scans queued even players of live trees until the queue is empty. */
    private void grow() {
        while (queueHead < queueTail) {
            int v = queue[queueHead++];
            if (deadTree[tree[v]]) {
                continue;
            }
            scan:
            for (int seat = g.seatStart[v]; seat < g.seatStart[v + 1]; seat++) {
                long rating = g.seatRating[seat];
                for (int lane : g.lanesFacing[g.seatSide[seat]]) {
                    long radius = Math.max(g.window[v], g.laneWindow[lane]);
                    int lo = g.lowerBound(lane, rating - radius);
                    int hi = g.upperBound(lane, rating + radius);
                    if (lo >= hi) {
                        continue;
                    }
                    for (int pos = nextBit(unlabelled, lo, hi); pos >= 0; pos = nextBit(unlabelled, pos + 1, hi)) {
                        int q = g.posPlayer[pos];
                        if (!g.compatible(v, q)) {
                            continue;
                        }
                        parent[q] = v;
                        label[q] = ODD;
                        tree[q] = tree[v];
                        clearSeats(unlabelled, q);
                        touched.push(q);
                        int m = mate[q];
                        if (m < 0) {
                            // A free player outside the forest: flip root..v-q.
                            flipToRoot(v);
                            mate[v] = q;
                            mate[q] = v;
                            augmentations++;
                            killTree(tree[v]);
                            break scan;
                        }
                        labelEven(m, tree[v]);
                        if (exchangeBest >= 0) {
                            finishExchange();
                            break scan;
                        }
                    }
                    if (scanEven(v, lo, hi)) {
                        break scan;
                    }
                }
            }
        }
    }

    /** Looks at the even players of [lo, hi); true when v's tree is gone. */
    private boolean scanEven(int v, int lo, int hi) {
        int firstWord = lo >>> 6;
        int lastWord = (hi - 1) >>> 6;
        for (int w = firstWord; w <= lastWord; w++) {
            long range = -1L;
            if (w == firstWord) {
                range &= -1L << lo;
            }
            if (w == lastWord) {
                range &= -1L >>> (63 - ((hi - 1) & 63));
            }
            long bits = even[w] & range;
            if (bits == 0 || (!wordMixed[w] && find(wordPlayer[w]) == find(v))) {
                continue;
            }
            while (bits != 0) {
                int pos = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                if ((even[w] & (1L << pos)) == 0) {
                    continue;
                }
                int q = g.posPlayer[pos];
                if (find(q) == find(v) || !g.compatible(v, q)) {
                    continue;
                }
                if (tree[q] == tree[v]) {
                    contract(v, q);
                    if (exchangeBest >= 0) {
                        finishExchange();
                        return true;
                    }
                } else {
                    int treeV = tree[v];
                    int treeQ = tree[q];
                    flipToRoot(v);
                    flipToRoot(q);
                    mate[v] = q;
                    mate[q] = v;
                    augmentations++;
                    killTree(treeV);
                    killTree(treeQ);
                    return true;
                }
            }
            if (wordMixed[w]) {
                settleWord(w);
            }
        }
        return false;
    }

    /** Clears a word's mixed flag when all its even players now share one blossom. */
    private void settleWord(int w) {
        long bits = even[w];
        int blossom = -1;
        while (bits != 0) {
            int pos = (w << 6) + Long.numberOfTrailingZeros(bits);
            bits &= bits - 1;
            int b = find(g.posPlayer[pos]);
            if (blossom < 0) {
                blossom = b;
            } else if (b != blossom) {
                return;
            }
        }
        wordMixed[w] = false;
        if (blossom >= 0) {
            wordPlayer[w] = blossom;
        }
    }

    private void labelEven(int m, int root) {
        label[m] = EVEN;
        tree[m] = root;
        clearSeats(unlabelled, m);
        setEven(m);
        touched.push(m);
        queue[queueTail++] = m;
        treeNext[m] = treeFirst[root];
        treeFirst[root] = m;
        considerExchange(m);
    }

    private void considerExchange(int m) {
        if (exchanging && exchangeBest < 0 && mate[m] >= 0 && g.wait[m] < exchangeAbove) {
            exchangeBest = m;
        }
    }

    /** Flips the even path from the root to the player found, who is left free; drops the tree. */
    private void finishExchange() {
        int m = exchangeBest;
        exchangeBest = -1;
        int root = tree[m];
        freedList.push(m);
        flipToRoot(m);
        killTree(root);
        augmentations++;
    }

    private void setEven(int p) {
        for (int s = g.seatStart[p]; s < g.seatStart[p + 1]; s++) {
            int pos = g.seatPos[s];
            int w = pos >>> 6;
            if (even[w] == 0) {
                wordPlayer[w] = p;
                wordMixed[w] = false;
            } else if (!wordMixed[w] && find(wordPlayer[w]) != find(p)) {
                wordMixed[w] = true;
            }
            even[w] |= 1L << pos;
        }
    }

    /** Drops a tree for the rest of the round: its even players are no longer found. */
    private void killTree(int root) {
        deadTree[root] = true;
        for (int x = treeFirst[root]; x >= 0; x = treeNext[x]) {
            clearSeats(even, x);
        }
    }

    private int find(int x) {
        while (base[x] != x) {
            base[x] = base[base[x]];
            x = base[x];
        }
        return x;
    }

    /** The base of the blossom that the edge (a, b) between two even players of one tree closes. */
    private int commonBase(int a, int b) {
        markNow++;
        int x = a;
        while (true) {
            x = find(x);
            mark[x] = markNow;
            if (mate[x] < 0 || tree[x] == x) {
                break;
            }
            x = parent[mate[x]];
        }
        int y = b;
        while (true) {
            y = find(y);
            if (mark[y] == markNow) {
                return y;
            }
            y = parent[mate[y]];
        }
    }

    private void contract(int v, int q) {
        int b = commonBase(v, q);
        folded.clear();
        markPath(v, b, q);
        markPath(q, b, v);
        // Fold afterwards: a walk passes through several players of one inner blossom before
        // it leaves by that blossom's base, and must still see the inner blossom as apart.
        for (int i = 0; i < folded.size(); i++) {
            int root = find(folded.get(i));
            if (root != b) {
                base[root] = b;
            }
        }
    }

    private final IntStack folded = new IntStack(16);

    /** Walks from x up to base b, noting each blossom on the way; odd players turn even. */
    private void markPath(int x, int b, int child) {
        while (find(x) != b) {
            int y = mate[x];
            folded.push(find(x));
            folded.push(find(y));
            if (label[y] == ODD) {
                label[y] = EVEN;
                setEven(y);
                queue[queueTail++] = y;
                treeNext[y] = treeFirst[tree[y]];
                treeFirst[tree[y]] = y;
                considerExchange(y);
            }
            parent[x] = child;
            child = y;
            x = parent[y];
        }
    }

    /**
     * Flips the even alternating path from the root of v's tree to even player v: the root
     * becomes matched along it and v is left free (to be matched by the caller, or not).
     */
    private void flipToRoot(int v) {
        int x = mate[v];
        mate[v] = -1;
        while (x >= 0) {
            int px = parent[x];
            int next = mate[px];
            mate[x] = px;
            mate[px] = x;
            x = next;
        }
    }

    /** Forgets the search and makes its players unlabelled again. */
    private void clear() {
        for (int i = 0; i < touched.size(); i++) {
            int x = touched.get(i);
            unlabel(x);
            setSeats(unlabelled, x);
        }
        touched.clear();
    }

    /** Takes the search's labels, tree and blossom base off one player. */
    private void unlabel(int x) {
        if (label[x] == EVEN) {
            clearSeats(even, x);
        }
        if (tree[x] == x) {
            deadTree[x] = false;
            treeFirst[x] = -1;
        }
        label[x] = NONE;
        parent[x] = -1;
        base[x] = x;
    }

    private void setSeats(long[] bits, int p) {
        for (int s = g.seatStart[p]; s < g.seatStart[p + 1]; s++) {
            int pos = g.seatPos[s];
            bits[pos >>> 6] |= 1L << pos;
        }
    }

    private void clearSeats(long[] bits, int p) {
        for (int s = g.seatStart[p]; s < g.seatStart[p + 1]; s++) {
            int pos = g.seatPos[s];
            bits[pos >>> 6] &= ~(1L << pos);
        }
    }

    /** The first set bit in [from, to), or -1. */
    private static int nextBit(long[] bits, int from, int to) {
        if (from >= to || from < 0) {
            return -1;
        }
        int word = from >>> 6;
        long current = bits[word] & (-1L << from);
        while (true) {
            if (current != 0) {
                int pos = (word << 6) + Long.numberOfTrailingZeros(current);
                return pos < to ? pos : -1;
            }
            word++;
            if (word << 6 >= to) {
                return -1;
            }
            current = bits[word];
        }
    }
}
