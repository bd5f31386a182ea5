package dev.matchwave.matchmaking.pairing;

import java.util.Arrays;

/**
 * Maximum-weight matching on a sparse graph with integer weights, ending with an optimal dual
 * solution: the certificate. Edmonds' primal-dual blossom algorithm (Galil, "Efficient
 * algorithms for finding maximum matching in graphs", ACM Computing Surveys 18(1), 1986), in the
 * data layout of {@link WeightedMatching}, changed so that it scales to large, local graphs:
 *
 * <ul>
 *   <li>It starts from feasible duals and a greedy matching of tight edges (a warm start), not
 *       from equal duals and an empty matching.
 *   <li>A stage grows one alternating tree, from one free vertex whose dual is still positive,
 *       and ends when that vertex is matched, or its dual (or the dual of an even vertex of its
 *       tree, whose path is then flipped) reaches zero.
 *   <li>Stages run in passes of doubling limits on their dual updates; a stage over its limit
 *       stops, leaving a valid state, and its vertex waits for the next pass.
 *   <li>Every piece of per-stage bookkeeping (labels, best edges, dual updates, resets) touches
 *       only the tree and its rim, never the whole graph; an outermost blossom's vertex duals
 *       move by one lazy offset.
 * </ul>
 *
 * <p>Vertex duals are kept doubled ({@code dual[v] = 2 u_v}); blossom duals {@code z_B} are
 * kept as they are, so the reduced cost of edge {uv} is {@code dual[u] + dual[v] - 2 w_uv + 2 *
 * (sum of z_B over blossoms holding both)}. With integer weights every quantity is an integer.
 * Not thread-safe; one instance per run.
 */
final class CertifiedMatching {

    private static final int FREE = 0;
    private static final int S = 1;
    private static final int T = 2;
    private static final int BREADCRUMB = 4;

    final int vertexCount;
    final int edgeCount;
    /** endpoint[2k], endpoint[2k+1]: the two ends of edge k. */
    final int[] endpoint;
    final long[] weight;
    private final int[] adjStart;
    /** For vertex v, adj[adjStart[v] .. adjStart[v+1]-1] are the remote ends of its edges. */
    private final int[] adj;
    /** Aligned with adj: the remote vertex, and twice the edge's weight (sequential reads in scans). */
    private final int[] adjTo;
    private final long[] adjWeight2;
    /**
     * The slack of bestEdge[x] plus the stage's total dual change so far (times two for an edge
     * between two S-blossoms), so that comparing best edges needs no slack recomputed: an edge
     * from an S-vertex to a vertex of an unlabelled top loses one delta per update, an edge
     * between two S-blossoms two. Valid for an unlabelled top's vertices and for S-blossoms;
     * refreshed when a T-blossom is expanded.
     */
    private final long[] bestKey;
    /** Total dual change of the current stage. */
    private long stageDelta;

    /** Remote endpoint of the matched edge, or -1. */
    final int[] mate;
    private final int[] label;
    private final int[] labelEnd;
    final int[] inBlossom;
    final int[] blossomParent;
    final int[][] blossomChildren;
    final int[] blossomBase;
    private final int[][] blossomEnds;
    private final int[] bestEdge;
    private final int[][] blossomBestEdges;
    private final int[] unusedBlossoms;
    private int unusedCount;
    /** Doubled vertex duals, then blossom duals. */
    final long[] dual;
    private final boolean[] allowEdge;
    /**
     * Lazy vertex duals: the true doubled dual of a vertex inside a non-trivial outermost
     * blossom b is dual[v] + vertexOffset[b], so that a dual update touches each blossom once,
     * not each of its vertices. Zero for every blossom that is not outermost.
     */
    private final long[] vertexOffset;
    /** For an outermost blossom, its vertex with the least stored dual. */
    private final int[] leastLeaf;
    private final IntStack queue;

    // The stage's footprint, so that resets and dual updates stay local.
    private final IntStack treeVertices = new IntStack(64);
    private final IntStack treeTops = new IntStack(64);
    private final IntStack rim = new IntStack(64);
    private final IntStack allowed = new IntStack(64);
    private final int[] vertexStamp;
    private final int[] topStamp;
    private final int[] rimStamp;
    private int stamp;
    private final int[] bestTo;
    private final IntStack bestToUsed = new IntStack(16);

    /**
     * Work done, the unit of the work budget: edges scanned, blossom vertices listed, and for
     * every dual update the blossoms and rim it touches. 10 to 20 ns each.
     */
    long steps;
    private long maxSteps = Long.MAX_VALUE;
    private static final long[] PASS_LIMITS = passLimits();
    private long stageLimit;
    /** A stage of a limited pass may also scan this many edges per allowed dual update. */
    private static final long SCAN_FACTOR = 256;

    /**
     * 1, 2, 4, ... 2^20 dual updates, then no limit: each free vertex first gets the cheapest
     * search that could serve it, and the far-reaching searches come last, when the local work
     * around them is done (on the realistic queue this cuts the time for 5,000 players eightfold).
     */
    private static long[] passLimits() {
        long[] limits = new long[22];
        for (int i = 0; i < 21; i++) {
            limits[i] = 1L << i;
        }
        limits[21] = Long.MAX_VALUE;
        return limits;
    }

    /**
     * @param vertexCount vertices are 0 .. vertexCount-1
     * @param from        first end of each edge
     * @param to          second end of each edge
     * @param weights     weight of each edge
     */
    CertifiedMatching(int vertexCount, int[] from, int[] to, long[] weights, int edges) {
        this.vertexCount = vertexCount;
        this.edgeCount = edges;
        this.endpoint = new int[2 * edgeCount];
        this.weight = Arrays.copyOf(weights, edgeCount);
        adjStart = new int[vertexCount + 1];
        for (int k = 0; k < edgeCount; k++) {
            endpoint[2 * k] = from[k];
            endpoint[2 * k + 1] = to[k];
            adjStart[from[k] + 1]++;
            adjStart[to[k] + 1]++;
        }
        for (int v = 0; v < vertexCount; v++) {
            adjStart[v + 1] += adjStart[v];
        }
        adj = new int[2 * edgeCount];
        int[] fill = Arrays.copyOf(adjStart, vertexCount);
        for (int k = 0; k < edgeCount; k++) {
            adj[fill[from[k]]++] = 2 * k + 1;
            adj[fill[to[k]]++] = 2 * k;
        }
        adjTo = new int[2 * edgeCount];
        adjWeight2 = new long[2 * edgeCount];
        for (int i = 0; i < 2 * edgeCount; i++) {
            adjTo[i] = endpoint[adj[i]];
            adjWeight2[i] = 2 * weight[adj[i] / 2];
        }
        bestKey = new long[2 * vertexCount];
        int blossoms = 2 * vertexCount;
        mate = new int[vertexCount];
        label = new int[blossoms];
        labelEnd = new int[blossoms];
        inBlossom = new int[vertexCount];
        blossomParent = new int[blossoms];
        blossomChildren = new int[blossoms][];
        blossomBase = new int[blossoms];
        blossomEnds = new int[blossoms][];
        bestEdge = new int[blossoms];
        blossomBestEdges = new int[blossoms][];
        unusedBlossoms = new int[vertexCount];
        dual = new long[blossoms];
        allowEdge = new boolean[edgeCount];
        vertexOffset = new long[blossoms];
        leastLeaf = new int[blossoms];
        queue = new IntStack(64);
        vertexStamp = new int[vertexCount];
        topStamp = new int[blossoms];
        rimStamp = new int[vertexCount];
        bestTo = new int[blossoms];
        Arrays.fill(bestTo, -1);
        Arrays.fill(mate, -1);
        Arrays.fill(blossomParent, -1);
        Arrays.fill(blossomBase, -1);
        Arrays.fill(labelEnd, -1);
        Arrays.fill(bestEdge, -1);
        for (int v = 0; v < vertexCount; v++) {
            inBlossom[v] = v;
            blossomBase[v] = v;
            unusedBlossoms[v] = vertexCount + v;
        }
        unusedCount = vertexCount;
    }

    /**
     * This graph with more edges, starting from this matching's final state (after {@link
     * #run}): the first {@code edgeCount} edges given must be this graph's, in the same order.
     * Each added edge that the duals violate is made feasible by raising the dual of one of its
     * ends, after dissolving the blossoms around that end (a blossom's dual moves into its
     * vertices, which keeps every other edge's reduced cost or raises it); a matched edge that
     * loses its tightness is unmatched. The state is then valid again (duals feasible, matched
     * edges tight, every remaining blossom intact) and {@link #run} repairs only what changed.
     */
    CertifiedMatching extend(int[] from, int[] to, long[] weights, int edges) {
        CertifiedMatching next = new CertifiedMatching(vertexCount, from, to, weights, edges);
        int nodes = 2 * vertexCount;
        System.arraycopy(mate, 0, next.mate, 0, vertexCount);
        System.arraycopy(inBlossom, 0, next.inBlossom, 0, vertexCount);
        System.arraycopy(blossomParent, 0, next.blossomParent, 0, nodes);
        System.arraycopy(blossomBase, 0, next.blossomBase, 0, nodes);
        System.arraycopy(blossomChildren, 0, next.blossomChildren, 0, nodes);
        System.arraycopy(blossomEnds, 0, next.blossomEnds, 0, nodes);
        System.arraycopy(dual, 0, next.dual, 0, nodes);
        System.arraycopy(leastLeaf, 0, next.leastLeaf, 0, nodes);
        System.arraycopy(unusedBlossoms, 0, next.unusedBlossoms, 0, vertexCount);
        next.unusedCount = unusedCount;
        for (int k = edgeCount; k < edges; k++) {
            next.makeFeasible(k);
        }
        return next;
    }

    /** Sum of the duals of the blossoms holding both u and v. */
    private long commonBlossomDual(int u, int v) {
        long sum = 0;
        for (int a = blossomParent[u]; a != -1; a = blossomParent[a]) {
            for (int b = blossomParent[v]; b != -1; b = blossomParent[b]) {
                if (a == b) {
                    for (int c = a; c != -1; c = blossomParent[c]) {
                        sum += dual[c];
                    }
                    return sum;
                }
            }
        }
        return sum;
    }

    private int blossomDepth(int v) {
        int depth = 0;
        for (int a = blossomParent[v]; a != -1; a = blossomParent[a]) {
            depth++;
        }
        return depth;
    }

    private void makeFeasible(int k) {
        int u = endpoint[2 * k];
        int v = endpoint[2 * k + 1];
        if (dual[u] + dual[v] - 2 * weight[k] + 2 * commonBlossomDual(u, v) >= 0) {
            return;
        }
        int x = blossomDepth(u) <= blossomDepth(v) ? u : v;
        while (inBlossom[x] != x) {
            dissolve(inBlossom[x]);
        }
        long deficit = 2 * weight[k] - dual[u] - dual[v] - 2 * commonBlossomDual(u, v);
        if (deficit <= 0) {
            return;
        }
        dual[x] += deficit;
        unmatch(x);
    }

    private void unmatch(int x) {
        if (mate[x] >= 0) {
            int other = endpoint[mate[x]];
            mate[other] = -1;
            mate[x] = -1;
        }
    }

    /**
     * Removes outermost blossom b: its dual is added to every vertex inside (so an edge inside
     * keeps its reduced cost and an edge leaving gains it), its children become outermost, and
     * its base's matched edge, which left b and is no longer tight, is unmatched.
     */
    private void dissolve(int b) {
        long z = dual[b];
        int[] inside = leaves(b);
        steps += inside.length;
        for (int leaf : inside) {
            dual[leaf] += z;
        }
        if (z != 0) {
            unmatch(blossomBase[b]);
        }
        for (int child : blossomChildren[b]) {
            blossomParent[child] = -1;
            if (child < vertexCount) {
                inBlossom[child] = child;
            } else {
                IntStack leaves = new IntStack(8);
                for (int leaf : leaves(child)) {
                    leaves.push(leaf);
                }
                adopt(child, leaves);
            }
        }
        dual[b] = 0;
        blossomChildren[b] = null;
        blossomEnds[b] = null;
        blossomBase[b] = -1;
        bestEdge[b] = -1;
        unusedBlossoms[unusedCount++] = b;
    }

    /**
     * Greedy warm start: from feasible duals, lowers each free vertex's dual until one of its
     * edges is tight (never below zero) and matches it along a tight edge to a free vertex.
     */
    void greedy(long[] doubledDuals, boolean[] pinned) {
        System.arraycopy(doubledDuals, 0, dual, 0, vertexCount);
        Arrays.fill(mate, -1);
        for (int v = 0; v < vertexCount; v++) {
            if (mate[v] >= 0 || pinned[v]) {
                continue;
            }
            long least = dual[v];
            for (int i = adjStart[v]; i < adjStart[v + 1]; i++) {
                least = Math.min(least, slack(adj[i] / 2));
            }
            dual[v] -= least;
            int best = -1;
            long bestWeight = Long.MIN_VALUE;
            for (int i = adjStart[v]; i < adjStart[v + 1]; i++) {
                int p = adj[i];
                int w = endpoint[p];
                if (mate[w] < 0 && !pinned[w] && slack(p / 2) == 0 && weight[p / 2] > bestWeight) {
                    best = p;
                    bestWeight = weight[p / 2];
                }
            }
            if (best >= 0) {
                mate[v] = best;
                mate[endpoint[best]] = best ^ 1;
            }
        }
    }

    long slack(int k) {
        return vertexDual(endpoint[2 * k]) + vertexDual(endpoint[2 * k + 1]) - 2 * weight[k];
    }

    /** The true doubled dual of vertex v. */
    long vertexDual(int v) {
        int b = inBlossom[v];
        return b == v ? dual[v] : dual[v] + vertexOffset[b];
    }

    /** Moves every outermost blossom's lazy offset into its vertices. */
    private void settle() {
        for (int v = 0; v < vertexCount; v++) {
            int b = inBlossom[v];
            if (b != v) {
                dual[v] += vertexOffset[b];
            }
        }
        Arrays.fill(vertexOffset, 0);
    }

    /** Points the leaves of the new outermost blossom b at it, settling their old offsets. */
    private void adopt(int b, IntStack leaves) {
        int least = -1;
        for (int i = 0; i < leaves.size(); i++) {
            int leaf = leaves.get(i);
            int old = inBlossom[leaf];
            if (old != leaf && old != b) {
                dual[leaf] += vertexOffset[old];
            }
            inBlossom[leaf] = b;
            if (least < 0 || dual[leaf] < dual[least]) {
                least = leaf;
            }
        }
        leastLeaf[b] = least;
    }

    private final IntStack leafTodo = new IntStack(64);
    private final IntStack leavesA = new IntStack(64);
    private final IntStack leavesB = new IntStack(64);

    /** The vertices of blossom (or vertex) b, into {@code out} (cleared first). */
    private IntStack leavesInto(int b, IntStack out) {
        out.clear();
        if (b < vertexCount) {
            out.push(b);
            return out;
        }
        leafTodo.clear();
        leafTodo.push(b);
        while (leafTodo.size() > 0) {
            int x = leafTodo.pop();
            if (x < vertexCount) {
                out.push(x);
            } else {
                int[] children = blossomChildren[x];
                for (int i = children.length - 1; i >= 0; i--) {
                    leafTodo.push(children[i]);
                }
            }
        }
        steps += out.size();
        return out;
    }

    int[] leaves(int b) {
        if (b < vertexCount) {
            return new int[] {b};
        }
        IntStack out = new IntStack(8);
        IntStack todo = new IntStack(8);
        todo.push(b);
        while (todo.size() > 0) {
            int x = todo.pop();
            if (x < vertexCount) {
                out.push(x);
            } else {
                int[] children = blossomChildren[x];
                for (int i = children.length - 1; i >= 0; i--) {
                    todo.push(children[i]);
                }
            }
        }
        return out.toArray();
    }

    private void recordTop(int b) {
        if (topStamp[b] != stamp) {
            topStamp[b] = stamp;
            treeTops.push(b);
        }
    }

    private void recordVertex(int v) {
        if (vertexStamp[v] != stamp) {
            vertexStamp[v] = stamp;
            treeVertices.push(v);
        }
    }

    private void assignLabel(int w, int t, int p) {
        while (true) {
            int b = inBlossom[w];
            label[w] = t;
            label[b] = t;
            labelEnd[w] = p;
            labelEnd[b] = p;
            bestEdge[w] = -1;
            bestEdge[b] = -1;
            recordTop(b);
            recordVertex(w);
            if (t == S) {
                if (b < vertexCount) {
                    queue.push(b);
                } else {
                    IntStack inside = leavesInto(b, leavesA);
                    for (int i = 0; i < inside.size(); i++) {
                        queue.push(inside.get(i));
                    }
                }
                return;
            }
            int base = blossomBase[b];
            int baseMate = mate[base];
            w = endpoint[baseMate];
            t = S;
            p = baseMate ^ 1;
        }
    }

    private int scanBlossom(int v, int w) {
        IntStack path = new IntStack(8);
        int base = -1;
        while (v != -1 || w != -1) {
            int b = inBlossom[v];
            if ((label[b] & BREADCRUMB) != 0) {
                base = blossomBase[b];
                break;
            }
            path.push(b);
            label[b] = S | BREADCRUMB;
            if (labelEnd[b] == -1) {
                v = -1;
            } else {
                v = endpoint[labelEnd[b]];
                b = inBlossom[v];
                v = endpoint[labelEnd[b]];
            }
            if (w != -1) {
                int swap = v;
                v = w;
                w = swap;
            }
        }
        for (int i = 0; i < path.size(); i++) {
            label[path.get(i)] = S;
        }
        return base;
    }

    private void addBlossom(int base, int k) {
        int v = endpoint[2 * k];
        int w = endpoint[2 * k + 1];
        int bb = inBlossom[base];
        int bv = inBlossom[v];
        int bw = inBlossom[w];
        int b = unusedBlossoms[--unusedCount];
        blossomBase[b] = base;
        blossomParent[b] = -1;
        blossomParent[bb] = b;
        IntStack vPath = new IntStack(8);
        IntStack vEnds = new IntStack(8);
        while (bv != bb) {
            blossomParent[bv] = b;
            vPath.push(bv);
            vEnds.push(labelEnd[bv]);
            v = endpoint[labelEnd[bv]];
            bv = inBlossom[v];
        }
        IntStack children = new IntStack(vPath.size() + 8);
        IntStack ends = new IntStack(vPath.size() + 8);
        children.push(bb);
        for (int i = vPath.size() - 1; i >= 0; i--) {
            children.push(vPath.get(i));
            ends.push(vEnds.get(i));
        }
        ends.push(2 * k);
        while (bw != bb) {
            blossomParent[bw] = b;
            children.push(bw);
            ends.push(labelEnd[bw] ^ 1);
            w = endpoint[labelEnd[bw]];
            bw = inBlossom[w];
        }
        int[] childArray = children.toArray();
        blossomChildren[b] = childArray;
        blossomEnds[b] = ends.toArray();
        label[b] = S;
        labelEnd[b] = labelEnd[bb];
        dual[b] = 0;
        recordTop(b);
        IntStack allLeaves = leavesInto(b, leavesA);
        for (int i = 0; i < allLeaves.size(); i++) {
            int leaf = allLeaves.get(i);
            if (label[inBlossom[leaf]] == T) {
                queue.push(leaf);
            }
        }
        adopt(b, allLeaves);
        for (int child : childArray) {
            vertexOffset[child] = 0;
        }
        vertexOffset[b] = 0;
        for (int child : childArray) {
            if (blossomBestEdges[child] == null) {
                IntStack childLeaves = leavesInto(child, leavesB);
                for (int x = 0; x < childLeaves.size(); x++) {
                    int leaf = childLeaves.get(x);
                    for (int i = adjStart[leaf]; i < adjStart[leaf + 1]; i++) {
                        considerBestTo(b, adj[i] / 2);
                    }
                }
            } else {
                for (int edge : blossomBestEdges[child]) {
                    considerBestTo(b, edge);
                }
            }
            blossomBestEdges[child] = null;
            bestEdge[child] = -1;
        }
        int[] best = new int[bestToUsed.size()];
        bestEdge[b] = -1;
        for (int i = 0; i < best.length; i++) {
            int bj = bestToUsed.get(i);
            int edge = bestTo[bj];
            best[i] = edge;
            bestTo[bj] = -1;
            if (bestEdge[b] == -1 || slack(edge) < slack(bestEdge[b])) {
                bestEdge[b] = edge;
            }
        }
        bestToUsed.clear();
        blossomBestEdges[b] = best;
        if (bestEdge[b] != -1) {
            bestKey[b] = slack(bestEdge[b]) + 2 * stageDelta;
        }
    }

    private void considerBestTo(int b, int edge) {
        int i = endpoint[2 * edge];
        int j = endpoint[2 * edge + 1];
        if (inBlossom[j] == b) {
            j = i;
        }
        int bj = inBlossom[j];
        if (bj != b && label[bj] == S) {
            if (bestTo[bj] == -1) {
                bestToUsed.push(bj);
                bestTo[bj] = edge;
            } else if (slack(edge) < slack(bestTo[bj])) {
                bestTo[bj] = edge;
            }
        }
    }

    private void expandBlossom(int b, boolean endStage) {
        int[] children = blossomChildren[b];
        int[] ends = blossomEnds[b];
        long offset = vertexOffset[b];
        vertexOffset[b] = 0;
        for (int s : children) {
            blossomParent[s] = -1;
            if (s < vertexCount) {
                inBlossom[s] = s;
                dual[s] += offset;
                if (!endStage && bestEdge[s] != -1) {
                    bestKey[s] = slack(bestEdge[s]) + stageDelta;
                }
            } else {
                IntStack inside = leavesInto(s, leavesA);
                for (int i = 0; i < inside.size(); i++) {
                    dual[inside.get(i)] += offset;
                }
                vertexOffset[s] = 0;
                adopt(s, inside);
                if (!endStage) {
                    // Inside a T-blossom a vertex's edges to S-vertices kept their slack: refresh.
                    for (int i = 0; i < inside.size(); i++) {
                        int leaf = inside.get(i);
                        if (bestEdge[leaf] != -1) {
                            bestKey[leaf] = slack(bestEdge[leaf]) + stageDelta;
                        }
                    }
                }
                if (endStage && dual[s] == 0) {
                    expandBlossom(s, true);
                }
            }
        }
        if (!endStage && label[b] == T) {
            int entryChild = inBlossom[endpoint[labelEnd[b] ^ 1]];
            int len = children.length;
            int j = indexOf(children, entryChild);
            int step;
            int trick;
            if ((j & 1) != 0) {
                j -= len;
                step = 1;
                trick = 0;
            } else {
                step = -1;
                trick = 1;
            }
            int p = labelEnd[b];
            while (j != 0) {
                label[endpoint[p ^ 1]] = FREE;
                label[endpoint[ends[Math.floorMod(j - trick, len)] ^ trick ^ 1]] = FREE;
                assignLabel(endpoint[p ^ 1], T, p);
                allow(ends[Math.floorMod(j - trick, len)] / 2);
                j += step;
                p = ends[Math.floorMod(j - trick, len)] ^ trick;
                allow(p / 2);
                j += step;
            }
            int bv = children[Math.floorMod(j, len)];
            recordVertex(endpoint[p ^ 1]);
            label[endpoint[p ^ 1]] = T;
            label[bv] = T;
            labelEnd[endpoint[p ^ 1]] = p;
            labelEnd[bv] = p;
            bestEdge[bv] = -1;
            recordTop(bv);
            j += step;
            while (children[Math.floorMod(j, len)] != entryChild) {
                bv = children[Math.floorMod(j, len)];
                if (label[bv] == S) {
                    j += step;
                    continue;
                }
                int reached = -1;
                IntStack inside = leavesInto(bv, leavesB);
                for (int i = 0; i < inside.size(); i++) {
                    if (label[inside.get(i)] != FREE) {
                        reached = inside.get(i);
                        break;
                    }
                }
                if (reached >= 0) {
                    label[reached] = FREE;
                    label[endpoint[mate[blossomBase[bv]]]] = FREE;
                    assignLabel(reached, T, labelEnd[reached]);
                }
                j += step;
            }
        }
        label[b] = -1;
        labelEnd[b] = -1;
        blossomChildren[b] = null;
        blossomEnds[b] = null;
        blossomBase[b] = -1;
        blossomBestEdges[b] = null;
        bestEdge[b] = -1;
        unusedBlossoms[unusedCount++] = b;
    }

    private void augmentBlossom(int b, int v) {
        int t = v;
        while (blossomParent[t] != b) {
            t = blossomParent[t];
        }
        if (t >= vertexCount) {
            augmentBlossom(t, v);
        }
        int[] children = blossomChildren[b];
        int[] ends = blossomEnds[b];
        int len = children.length;
        int i = indexOf(children, t);
        int j = i;
        int step;
        int trick;
        if ((i & 1) != 0) {
            j -= len;
            step = 1;
            trick = 0;
        } else {
            step = -1;
            trick = 1;
        }
        while (j != 0) {
            j += step;
            t = children[Math.floorMod(j, len)];
            int p = ends[Math.floorMod(j - trick, len)] ^ trick;
            if (t >= vertexCount) {
                augmentBlossom(t, endpoint[p]);
            }
            j += step;
            t = children[Math.floorMod(j, len)];
            if (t >= vertexCount) {
                augmentBlossom(t, endpoint[p ^ 1]);
            }
            mate[endpoint[p]] = p ^ 1;
            mate[endpoint[p ^ 1]] = p;
        }
        int[] rotatedChildren = new int[len];
        int[] rotatedEnds = new int[len];
        for (int x = 0; x < len; x++) {
            rotatedChildren[x] = children[(i + x) % len];
            rotatedEnds[x] = ends[(i + x) % len];
        }
        blossomChildren[b] = rotatedChildren;
        blossomEnds[b] = rotatedEnds;
        blossomBase[b] = blossomBase[rotatedChildren[0]];
    }

    /**
     * Flips the alternating path from S-vertex s up to the root of the tree, s taking the
     * partner at remote endpoint p (-1: s becomes free).
     */
    private void flipToRoot(int s, int p) {
        while (true) {
            int bs = inBlossom[s];
            if (bs >= vertexCount) {
                augmentBlossom(bs, s);
            }
            mate[s] = p;
            if (labelEnd[bs] == -1) {
                return;
            }
            int t = endpoint[labelEnd[bs]];
            int bt = inBlossom[t];
            s = endpoint[labelEnd[bt]];
            int j = endpoint[labelEnd[bt] ^ 1];
            if (bt >= vertexCount) {
                augmentBlossom(bt, j);
            }
            mate[j] = labelEnd[bt];
            p = labelEnd[bt] ^ 1;
        }
    }

    private void allow(int k) {
        if (!allowEdge[k]) {
            allowEdge[k] = true;
            allowed.push(k);
        }
    }

    private void touchRim(int w) {
        if (rimStamp[w] != stamp) {
            rimStamp[w] = stamp;
            rim.push(w);
        }
    }

    /**
     * Runs stages until every free vertex has a zero dual, or the budget of dual updates is
     * spent.
     *
     * @return true when finished: the matching is then optimal and the duals prove it
     */
    boolean run(long maxSteps) {
        this.maxSteps = maxSteps;
        // Passes of growing limits: a stage that needs more dual updates (or edge scans) than the
        // pass allows stops early (the state stays valid: duals feasible, matched edges tight)
        // and waits for a later pass, by when the local work of the other free vertices is done.
        for (long limit : PASS_LIMITS) {
            for (int root = 0; root < vertexCount; root++) {
                if (mate[root] >= 0 || vertexDual(root) == 0) {
                    continue;
                }
                if (inBlossom[root] != root && blossomBase[inBlossom[root]] != root) {
                    continue; // inside a blossom: its base is the one to serve
                }
                stageLimit = limit;
                if (steps > maxSteps || !stage(root)) {
                    return false;
                }
            }
        }
        settle();
        return true;
    }

    /** One stage from the root; false when the work budget ran out (the state is then unusable). */
    private boolean stage(int root) {
        stamp++;
        stageDelta = 0;
        long events = 0;
        long workLimit = stageLimit == Long.MAX_VALUE ? Long.MAX_VALUE : steps + SCAN_FACTOR * stageLimit;
        queue.clear();
        assignLabel(root, S, -1);
        while (true) {
            boolean done = false;
            while (queue.size() > 0 && !done) {
                int v = queue.pop();
                steps += adjStart[v + 1] - adjStart[v];
                if (steps > workLimit) {
                    // Over this pass's share: the tree so far is dropped, the state stays valid.
                    endStage();
                    return true;
                }
                // v's true dual does not change while its edges are scanned (a blossom formed
                // meanwhile settles offsets without changing any vertex's true dual).
                long dv = vertexDual(v);
                for (int i = adjStart[v], end = adjStart[v + 1]; i < end; i++) {
                    int w = adjTo[i];
                    int bw = inBlossom[w];
                    if (inBlossom[v] == bw) {
                        continue;
                    }
                    int p = adj[i];
                    int k = p >> 1;
                    long kSlack = dv + (bw == w ? dual[w] : dual[w] + vertexOffset[bw]) - adjWeight2[i];
                    if (kSlack <= 0) {
                        allow(k);
                    }
                    if (kSlack <= 0 || allowEdge[k]) {
                        if (label[bw] == FREE) {
                            if (mate[blossomBase[bw]] < 0) {
                                // A free vertex (or a blossom with a free base) outside the tree.
                                flipToRoot(v, p);
                                if (bw >= vertexCount) {
                                    augmentBlossom(bw, w);
                                }
                                mate[w] = p ^ 1;
                                done = true;
                                break;
                            }
                            assignLabel(w, T, p ^ 1);
                        } else if (label[bw] == S) {
                            int base = scanBlossom(v, w);
                            if (base < 0) {
                                throw new IllegalStateException("two trees in a single-tree stage");
                            }
                            addBlossom(base, k);
                        } else if (label[w] == FREE) {
                            recordVertex(w);
                            label[w] = T;
                            labelEnd[w] = p ^ 1;
                        }
                    } else if (label[bw] == S) {
                        int b = inBlossom[v];
                        if (bestEdge[b] == -1 || kSlack < bestKey[b] - 2 * stageDelta) {
                            bestEdge[b] = k;
                            bestKey[b] = kSlack + 2 * stageDelta;
                        }
                    } else if (label[w] == FREE) {
                        int old = bestEdge[w];
                        if (old == -1 || kSlack < (label[bw] == FREE ? bestKey[w] - stageDelta : slack(old))) {
                            bestEdge[w] = k;
                            bestKey[w] = kSlack + stageDelta;
                            touchRim(w);
                        }
                    }
                }
            }
            if (done) {
                break;
            }
            steps += 1 + treeTops.size() + rim.size();
            if (steps > maxSteps) {
                return false;
            }
            if (++events > stageLimit) {
                endStage();
                return true;
            }
            int deltaType = 1;
            long delta = Long.MAX_VALUE;
            int deltaEdge = -1;
            int deltaBlossom = -1;
            int deltaVertex = -1;
            for (int i = 0; i < treeTops.size(); i++) {
                int b = treeTops.get(i);
                if (label[b] != S || blossomParent[b] != -1) {
                    continue;
                }
                if (b < vertexCount) {
                    if (inBlossom[b] == b && dual[b] < delta) {
                        delta = dual[b];
                        deltaVertex = b;
                    }
                } else if (blossomBase[b] >= 0) {
                    long least = dual[leastLeaf[b]] + vertexOffset[b];
                    if (least < delta) {
                        delta = least;
                        deltaVertex = leastLeaf[b];
                    }
                }
            }
            for (int i = 0; i < rim.size(); i++) {
                int v = rim.get(i);
                if (label[inBlossom[v]] == FREE && bestEdge[v] != -1) {
                    long d = bestKey[v] - stageDelta;
                    if (d < delta) {
                        delta = d;
                        deltaType = 2;
                        deltaEdge = bestEdge[v];
                    }
                }
            }
            for (int i = 0; i < treeTops.size(); i++) {
                int b = treeTops.get(i);
                if (blossomParent[b] != -1 || (b >= vertexCount && blossomBase[b] < 0)) {
                    continue;
                }
                if (b < vertexCount && inBlossom[b] != b) {
                    continue;
                }
                if (label[b] == S && bestEdge[b] != -1) {
                    long kSlack = bestKey[b] - 2 * stageDelta;
                    if ((kSlack & 1) != 0) {
                        throw new IllegalStateException("odd slack between S-blossoms: integrality lost");
                    }
                    long d = kSlack / 2;
                    if (d < delta) {
                        delta = d;
                        deltaType = 3;
                        deltaEdge = bestEdge[b];
                    }
                } else if (b >= vertexCount && label[b] == T && dual[b] < delta) {
                    delta = dual[b];
                    deltaType = 4;
                    deltaBlossom = b;
                }
            }
            for (int i = 0; i < treeTops.size(); i++) {
                int b = treeTops.get(i);
                if (blossomParent[b] != -1) {
                    continue;
                }
                if (b < vertexCount) {
                    if (inBlossom[b] == b) {
                        if (label[b] == S) {
                            dual[b] -= delta;
                        } else if (label[b] == T) {
                            dual[b] += delta;
                        }
                    }
                } else if (blossomBase[b] >= 0) {
                    if (label[b] == S) {
                        vertexOffset[b] -= delta;
                        dual[b] += delta;
                    } else if (label[b] == T) {
                        vertexOffset[b] += delta;
                        dual[b] -= delta;
                    }
                }
            }
            stageDelta += delta;
            if (deltaType == 1) {
                flipToRoot(deltaVertex, -1);
                break;
            } else if (deltaType == 2) {
                allow(deltaEdge);
                int i = endpoint[2 * deltaEdge];
                if (label[inBlossom[i]] == FREE) {
                    i = endpoint[2 * deltaEdge + 1];
                }
                queue.push(i);
            } else if (deltaType == 3) {
                allow(deltaEdge);
                queue.push(endpoint[2 * deltaEdge]);
            } else {
                expandBlossom(deltaBlossom, false);
            }
        }
        for (int i = 0; i < treeTops.size(); i++) {
            int b = treeTops.get(i);
            if (b >= vertexCount && blossomParent[b] == -1 && blossomBase[b] >= 0 && label[b] == S && dual[b] == 0) {
                expandBlossom(b, true);
            }
        }
        endStage();
        return true;
    }

    private void endStage() {
        for (int i = 0; i < treeTops.size(); i++) {
            int b = treeTops.get(i);
            resetLabels(b);
        }
        for (int i = 0; i < treeVertices.size(); i++) {
            int v = treeVertices.get(i);
            resetLabels(v);
            for (int x = blossomParent[v]; x != -1; x = blossomParent[x]) {
                resetLabels(x);
            }
        }
        for (int i = 0; i < rim.size(); i++) {
            int v = rim.get(i);
            resetLabels(v);
        }
        for (int i = 0; i < allowed.size(); i++) {
            allowEdge[allowed.get(i)] = false;
        }
        treeTops.clear();
        treeVertices.clear();
        rim.clear();
        allowed.clear();
        queue.clear();
    }

    private void resetLabels(int b) {
        if (b >= vertexCount && blossomBase[b] < 0) {
            label[b] = FREE;
            labelEnd[b] = -1;
            bestEdge[b] = -1;
            return;
        }
        label[b] = FREE;
        labelEnd[b] = -1;
        bestEdge[b] = -1;
        if (b >= vertexCount) {
            blossomBestEdges[b] = null;
        }
    }

    /**
     * The nesting of the final blossoms, for pricing: the sum of the duals of the blossoms
     * holding both of two vertices, by binary lifting to their deepest common blossom.
     */
    final class Nesting {
        private final int[][] up;
        private final int[] depth;
        /** For each blossom, its dual plus those of all blossoms around it. */
        private final long[] around;

        Nesting() {
            int nodes = 2 * vertexCount;
            depth = new int[nodes];
            around = new long[nodes];
            int[] order = new int[nodes];
            int count = 0;
            // Outermost first: a node's parent is placed before it.
            for (int x = 0; x < nodes; x++) {
                boolean alive = x < vertexCount || blossomBase[x] >= 0;
                if (alive && blossomParent[x] == -1) {
                    order[count++] = x;
                }
            }
            for (int i = 0; i < count; i++) {
                int x = order[i];
                if (x >= vertexCount) {
                    for (int child : blossomChildren[x]) {
                        order[count++] = child;
                    }
                }
            }
            int levels = 1;
            for (int i = 0; i < count; i++) {
                int x = order[i];
                int parent = blossomParent[x];
                depth[x] = parent == -1 ? 0 : depth[parent] + 1;
                around[x] = (x >= vertexCount ? dual[x] : 0) + (parent == -1 ? 0 : around[parent]);
                while ((1 << levels) <= depth[x]) {
                    levels++;
                }
            }
            up = new int[levels][nodes];
            for (int x = 0; x < nodes; x++) {
                up[0][x] = blossomParent[x] == -1 ? x : blossomParent[x];
            }
            for (int j = 1; j < levels; j++) {
                for (int x = 0; x < nodes; x++) {
                    up[j][x] = up[j - 1][up[j - 1][x]];
                }
            }
        }

        long common(int u, int v) {
            if (blossomParent[u] == -1 || blossomParent[v] == -1) {
                return 0;
            }
            int a = blossomParent[u];
            int b = blossomParent[v];
            if (depth[a] < depth[b]) {
                int t = a;
                a = b;
                b = t;
            }
            int diff = depth[a] - depth[b];
            for (int j = 0; diff > 0; j++, diff >>= 1) {
                if ((diff & 1) != 0) {
                    a = up[j][a];
                }
            }
            if (a != b) {
                for (int j = up.length - 1; j >= 0; j--) {
                    if (up[j][a] != up[j][b]) {
                        a = up[j][a];
                        b = up[j][b];
                    }
                }
                a = up[0][a];
                b = up[0][b];
            }
            return a == b && a >= vertexCount ? around[a] : 0;
        }
    }

    /** Each vertex's partner, or -1. */
    int[] partners() {
        int[] out = new int[vertexCount];
        for (int v = 0; v < vertexCount; v++) {
            out[v] = mate[v] < 0 ? -1 : endpoint[mate[v]];
        }
        return out;
    }

    /** The blossoms alive at the end (non-trivial, any level), as blossom ids. */
    int[] blossoms() {
        IntStack out = new IntStack(8);
        for (int b = vertexCount; b < 2 * vertexCount; b++) {
            if (blossomBase[b] >= 0) {
                out.push(b);
            }
        }
        return out.toArray();
    }

    private static int indexOf(int[] array, int value) {
        for (int i = 0; i < array.length; i++) {
            if (array[i] == value) {
                return i;
            }
        }
        throw new IllegalStateException("child " + value + " not in blossom");
    }
}
