package dev.matchwave.matchmaking.pairing;

import java.util.Arrays;

/**
 * Maximum-weight matching in a general graph with integer edge weights, by Edmonds' blossom
 * algorithm in its primal-dual O(n^3) form (Z. Galil, "Efficient algorithms for finding maximum
 * matching in graphs", ACM Computing Surveys 18(1), 1986; the data layout follows the
 * well-known reference implementation by J. van Rantwijk). Vertex duals are kept doubled, so
 * that with integer weights every quantity stays an integer.
 *
 * <p>Used on small blocks of the queue, where it is exact; not thread-safe, one instance per
 * run.
 */
final class WeightedMatching {

    private static final int FREE = 0;
    private static final int S = 1;
    private static final int T = 2;
    private static final int BREADCRUMB = 4;

    private final int vertexCount;
    private final int edgeCount;
    private final int[] endpoint;
    private final long[] weight;
    private final int[][] neighbourEnds;

    private final int[] mate;
    private final int[] label;
    private final int[] labelEnd;
    private final int[] inBlossom;
    private final int[] blossomParent;
    private final int[][] blossomChildren;
    private final int[] blossomBase;
    private final int[][] blossomEnds;
    private final int[] bestEdge;
    private final int[][] blossomBestEdges;
    private final int[] unusedBlossoms;
    private int unusedCount;
    private final long[] dual;
    private final boolean[] allowEdge;
    private final IntStack queue;

    /**
     * @param vertexCount vertices are 0 .. vertexCount-1
     * @param from        first end of each edge
     * @param to          second end of each edge
     * @param weights     weight of each edge; positive
     */
    private WeightedMatching(int vertexCount, int[] from, int[] to, long[] weights) {
        this.vertexCount = vertexCount;
        this.edgeCount = from.length;
        this.endpoint = new int[2 * edgeCount];
        this.weight = weights.clone();
        int[] degree = new int[vertexCount];
        for (int k = 0; k < edgeCount; k++) {
            endpoint[2 * k] = from[k];
            endpoint[2 * k + 1] = to[k];
            degree[from[k]]++;
            degree[to[k]]++;
        }
        neighbourEnds = new int[vertexCount][];
        for (int v = 0; v < vertexCount; v++) {
            neighbourEnds[v] = new int[degree[v]];
        }
        int[] fill = new int[vertexCount];
        for (int k = 0; k < edgeCount; k++) {
            // For vertex from[k] the remote end is 2k+1, and the other way round.
            neighbourEnds[from[k]][fill[from[k]]++] = 2 * k + 1;
            neighbourEnds[to[k]][fill[to[k]]++] = 2 * k;
        }
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
        queue = new IntStack(Math.max(4, vertexCount));
    }

    /**
     * A matching of maximum total weight.
     *
     * @return for each vertex the edge index it is matched by, or -1
     * @throws ArithmeticException if the weights are too large to handle exactly
     */
    static int[] solve(int vertexCount, int[] from, int[] to, long[] weights) {
        WeightedMatching m = new WeightedMatching(vertexCount, from, to, weights);
        m.run();
        int[] edgeOf = new int[vertexCount];
        for (int v = 0; v < vertexCount; v++) {
            edgeOf[v] = m.mate[v] < 0 ? -1 : m.mate[v] / 2;
        }
        return edgeOf;
    }

    private long slack(int k) {
        return dual[endpoint[2 * k]] + dual[endpoint[2 * k + 1]] - 2 * weight[k];
    }

    private int[] leaves(int b) {
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

    private void assignLabel(int w, int t, int p) {
        while (true) {
            int b = inBlossom[w];
            label[w] = t;
            label[b] = t;
            labelEnd[w] = p;
            labelEnd[b] = p;
            bestEdge[w] = -1;
            bestEdge[b] = -1;
            if (t == S) {
                for (int v : leaves(b)) {
                    queue.push(v);
                }
                return;
            }
            // A T-blossom's base is matched; its mate becomes S.
            int base = blossomBase[b];
            int baseMate = mate[base];
            w = endpoint[baseMate];
            t = S;
            p = baseMate ^ 1;
        }
    }

    /** Follows both alternating paths up; the base of the new blossom, or -1 for an augmenting path. */
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
        for (int leaf : leaves(b)) {
            if (label[inBlossom[leaf]] == T) {
                // A T-vertex turned S inside the blossom: scan it.
                queue.push(leaf);
            }
            inBlossom[leaf] = b;
        }
        // The least-slack edge from the new blossom to each neighbouring S-blossom.
        int[] bestTo = new int[2 * vertexCount];
        Arrays.fill(bestTo, -1);
        for (int child : childArray) {
            int[][] lists;
            if (blossomBestEdges[child] == null) {
                int[] childLeaves = leaves(child);
                lists = new int[childLeaves.length][];
                for (int i = 0; i < childLeaves.length; i++) {
                    int[] ends2 = neighbourEnds[childLeaves[i]];
                    int[] edges = new int[ends2.length];
                    for (int e = 0; e < ends2.length; e++) {
                        edges[e] = ends2[e] / 2;
                    }
                    lists[i] = edges;
                }
            } else {
                lists = new int[][] {blossomBestEdges[child]};
            }
            for (int[] list : lists) {
                for (int edge : list) {
                    int i = endpoint[2 * edge];
                    int j = endpoint[2 * edge + 1];
                    if (inBlossom[j] == b) {
                        j = i;
                    }
                    int bj = inBlossom[j];
                    if (bj != b && label[bj] == S && (bestTo[bj] == -1 || slack(edge) < slack(bestTo[bj]))) {
                        bestTo[bj] = edge;
                    }
                }
            }
            blossomBestEdges[child] = null;
            bestEdge[child] = -1;
        }
        IntStack best = new IntStack(8);
        for (int edge : bestTo) {
            if (edge != -1) {
                best.push(edge);
            }
        }
        blossomBestEdges[b] = best.toArray();
        bestEdge[b] = -1;
        for (int edge : blossomBestEdges[b]) {
            if (bestEdge[b] == -1 || slack(edge) < slack(bestEdge[b])) {
                bestEdge[b] = edge;
            }
        }
    }

    private void expandBlossom(int b, boolean endStage) {
        int[] children = blossomChildren[b];
        int[] ends = blossomEnds[b];
        for (int s : children) {
            blossomParent[s] = -1;
            if (s < vertexCount) {
                inBlossom[s] = s;
            } else if (endStage && dual[s] == 0) {
                expandBlossom(s, true);
            } else {
                for (int leaf : leaves(s)) {
                    inBlossom[leaf] = s;
                }
            }
        }
        if (!endStage && label[b] == T) {
            // The expanded T-blossom's children on the even path to the base are relabelled.
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
                allowEdge[ends[Math.floorMod(j - trick, len)] / 2] = true;
                j += step;
                p = ends[Math.floorMod(j - trick, len)] ^ trick;
                allowEdge[p / 2] = true;
                j += step;
            }
            int bv = children[Math.floorMod(j, len)];
            label[endpoint[p ^ 1]] = T;
            label[bv] = T;
            labelEnd[endpoint[p ^ 1]] = p;
            labelEnd[bv] = p;
            bestEdge[bv] = -1;
            j += step;
            while (children[Math.floorMod(j, len)] != entryChild) {
                bv = children[Math.floorMod(j, len)];
                if (label[bv] == S) {
                    j += step;
                    continue;
                }
                int reached = -1;
                for (int leaf : leaves(bv)) {
                    if (label[leaf] != FREE) {
                        reached = leaf;
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

    /** Swaps matched and unmatched edges on the even path from vertex v to the base of b. */
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
        // Rotate so that the new base's child comes first.
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

    private void augmentMatching(int k) {
        int[][] starts = {{endpoint[2 * k], 2 * k + 1}, {endpoint[2 * k + 1], 2 * k}};
        for (int[] start : starts) {
            int s = start[0];
            int p = start[1];
            while (true) {
                int bs = inBlossom[s];
                if (bs >= vertexCount) {
                    augmentBlossom(bs, s);
                }
                mate[s] = p;
                if (labelEnd[bs] == -1) {
                    break;
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
    }

    private void run() {
        long maxWeight = 0;
        for (long w : weight) {
            maxWeight = Math.max(maxWeight, w);
        }
        // Doubled duals and slacks must not overflow.
        Math.multiplyExact(maxWeight, 4L);
        Arrays.fill(mate, -1);
        Arrays.fill(blossomParent, -1);
        Arrays.fill(blossomBase, -1);
        Arrays.fill(labelEnd, -1);
        for (int v = 0; v < vertexCount; v++) {
            inBlossom[v] = v;
            blossomBase[v] = v;
            dual[v] = maxWeight;
            unusedBlossoms[v] = vertexCount + v;
        }
        unusedCount = vertexCount;
        for (int stage = 0; stage < vertexCount; stage++) {
            Arrays.fill(label, FREE);
            Arrays.fill(bestEdge, -1);
            for (int b = vertexCount; b < 2 * vertexCount; b++) {
                blossomBestEdges[b] = null;
            }
            Arrays.fill(allowEdge, false);
            queue.clear();
            for (int v = 0; v < vertexCount; v++) {
                if (mate[v] == -1 && label[inBlossom[v]] == FREE) {
                    assignLabel(v, S, -1);
                }
            }
            boolean augmented = false;
            while (true) {
                while (queue.size() > 0 && !augmented) {
                    int v = queue.pop();
                    for (int p : neighbourEnds[v]) {
                        int k = p / 2;
                        int w = endpoint[p];
                        if (inBlossom[v] == inBlossom[w]) {
                            continue;
                        }
                        long kSlack = 0;
                        if (!allowEdge[k]) {
                            kSlack = slack(k);
                            if (kSlack <= 0) {
                                allowEdge[k] = true;
                            }
                        }
                        if (allowEdge[k]) {
                            if (label[inBlossom[w]] == FREE) {
                                assignLabel(w, T, p ^ 1);
                            } else if (label[inBlossom[w]] == S) {
                                int base = scanBlossom(v, w);
                                if (base >= 0) {
                                    addBlossom(base, k);
                                } else {
                                    augmentMatching(k);
                                    augmented = true;
                                    break;
                                }
                            } else if (label[w] == FREE) {
                                label[w] = T;
                                labelEnd[w] = p ^ 1;
                            }
                        } else if (label[inBlossom[w]] == S) {
                            int b = inBlossom[v];
                            if (bestEdge[b] == -1 || kSlack < slack(bestEdge[b])) {
                                bestEdge[b] = k;
                            }
                        } else if (label[w] == FREE) {
                            if (bestEdge[w] == -1 || kSlack < slack(bestEdge[w])) {
                                bestEdge[w] = k;
                            }
                        }
                    }
                }
                if (augmented) {
                    break;
                }
                int deltaType = 1;
                long delta = Long.MAX_VALUE;
                int deltaEdge = -1;
                int deltaBlossom = -1;
                for (int v = 0; v < vertexCount; v++) {
                    delta = Math.min(delta, dual[v]);
                }
                for (int v = 0; v < vertexCount; v++) {
                    if (label[inBlossom[v]] == FREE && bestEdge[v] != -1) {
                        long d = slack(bestEdge[v]);
                        if (d < delta) {
                            delta = d;
                            deltaType = 2;
                            deltaEdge = bestEdge[v];
                        }
                    }
                }
                for (int b = 0; b < 2 * vertexCount; b++) {
                    if (blossomParent[b] == -1 && label[b] == S && bestEdge[b] != -1) {
                        long kSlack = slack(bestEdge[b]);
                        if ((kSlack & 1) != 0) {
                            throw new IllegalStateException("odd slack between S-blossoms: integrality lost");
                        }
                        long d = kSlack / 2;
                        if (d < delta) {
                            delta = d;
                            deltaType = 3;
                            deltaEdge = bestEdge[b];
                        }
                    }
                }
                for (int b = vertexCount; b < 2 * vertexCount; b++) {
                    if (blossomBase[b] >= 0 && blossomParent[b] == -1 && label[b] == T && dual[b] < delta) {
                        delta = dual[b];
                        deltaType = 4;
                        deltaBlossom = b;
                    }
                }
                for (int v = 0; v < vertexCount; v++) {
                    int l = label[inBlossom[v]];
                    if (l == S) {
                        dual[v] -= delta;
                    } else if (l == T) {
                        dual[v] += delta;
                    }
                }
                for (int b = vertexCount; b < 2 * vertexCount; b++) {
                    if (blossomBase[b] >= 0 && blossomParent[b] == -1) {
                        if (label[b] == S) {
                            dual[b] += delta;
                        } else if (label[b] == T) {
                            dual[b] -= delta;
                        }
                    }
                }
                if (deltaType == 1) {
                    break;
                } else if (deltaType == 2) {
                    allowEdge[deltaEdge] = true;
                    int i = endpoint[2 * deltaEdge];
                    if (label[inBlossom[i]] == FREE) {
                        i = endpoint[2 * deltaEdge + 1];
                    }
                    queue.push(i);
                } else if (deltaType == 3) {
                    allowEdge[deltaEdge] = true;
                    queue.push(endpoint[2 * deltaEdge]);
                } else {
                    expandBlossom(deltaBlossom, false);
                }
            }
            if (!augmented) {
                break;
            }
            for (int b = vertexCount; b < 2 * vertexCount; b++) {
                if (blossomParent[b] == -1 && blossomBase[b] >= 0 && label[b] == S && dual[b] == 0) {
                    expandBlossom(b, true);
                }
            }
        }
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
