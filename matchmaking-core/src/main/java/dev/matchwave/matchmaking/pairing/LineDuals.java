package dev.matchwave.matchmaking.pairing;

import java.util.Arrays;

/**
 * Starting duals for the certified search, estimated from the rating line, for blocks whose
 * seats are on two sides that meet only each other (the reference ladder's Brood War and
 * StarCraft II). The search is exact from any feasible start; a start close to the optimal
 * duals spares it the long searches that carry a local surplus of one side to a deficit far
 * along the line (docs/matchmaking.md, "Starting duals from the rating line").
 *
 * <p>The model. With the sides of the two-seat players fixed, let {@code S(r)} be the players
 * seated on the first side minus those on the second at ratings up to {@code r}, and {@code
 * rho(r)} the density of players around {@code r}. The pairs across {@code r} are then shifted
 * by about {@code D = S / rho}, and the duals of one-dimensional transport with squared costs
 * follow: {@code f(r) = -sum_{s<r} 2 D(s)} for a first-side seat at {@code r}, {@code -f(r) -
 * D(r)^2} for a second-side seat; a two-seat player takes the lower of his two. The sides are
 * chosen to minimise {@code sum_r S(r)^2 / rho(r)}, relaxed to fractions (a convex quadratic
 * over the two-seat players' shares, with their number on the first side fixed by the
 * balance), by accelerated projected gradient (FISTA, with long steps that shorten when the
 * value rises) until its Frank-Wolfe gap, an upper bound on the distance to the relaxed
 * optimum, is under 2% of the value (or 20,000 iterations have run).
 *
 * <p>Pure function of its input; the same block always gives the same duals.
 */
final class LineDuals {

    /** By default smaller blocks keep the greedy start: the search is short there anyway. */
    static final int MIN_PLAYERS = 1000;
    /**
     * The widest rating range (highest minus lowest seat) the estimate takes on; it also takes
     * on no range wider than {@code max(4,096, 4 n)} for a block of n players, so that an
     * iteration costs O(n) and the estimate at most 20,000 of them.
     */
    static final int MAX_RANGE = 1 << 16;
    /** Radius, in rating points, of the window the density is averaged over. */
    private static final int DENSITY_RADIUS = 2;
    /** The largest shift of the pairs the model assumes, in rating points. */
    private static final double MAX_SHIFT = 400;
    static final int MAX_ITERATIONS = 20_000;
    private static final int GAP_EVERY = 50;
    /** How many times longer than FISTA's safe step the steps start. */
    private static final double LONG_STEP = 50;
    private static final double GAP_TOLERANCE = 0.02;

    private LineDuals() {
    }

    /**
     * Estimated duals in gap space, one per member: for an allowed pair, {@code phi_u + phi_v}
     * should not exceed its squared gap (the caller repairs where it does). Null when the block
     * is not of the two-sided kind or spans too wide a range (see {@link #MAX_RANGE}).
     *
     * @param mate the fast pairing (internal numbers), whose sides start the estimate
     */
    static double[] estimate(PairingGraph g, int[] members, int[] mate) {
        return estimate(g, members, mate, MAX_ITERATIONS);
    }

    /**
     * @param maxIterations the most iterations the relaxation may take (a lower bound, {@link
     *     Certification#dualBound}, takes fewer than the search's start)
     */
    static double[] estimate(PairingGraph g, int[] members, int[] mate, int maxIterations) {
        int k = members.length;
        int first = -1;
        int second = -1;
        int low = Integer.MAX_VALUE;
        int high = Integer.MIN_VALUE;
        for (int p : members) {
            for (int s = g.seatStart[p]; s < g.seatStart[p + 1]; s++) {
                int side = g.seatSide[s];
                if (first < 0 || first == side) {
                    first = side;
                } else if (second < 0 || second == side) {
                    second = side;
                } else {
                    return null; // a third side
                }
                low = Math.min(low, g.seatRating[s]);
                high = Math.max(high, g.seatRating[s]);
            }
        }
        int sides = g.sideCount;
        if (second < 0 || g.faces[first * sides + first] || g.faces[second * sides + second]
                || !g.faces[first * sides + second]
                || (long) high - low >= Math.min(MAX_RANGE, Math.max(4096L, 4L * k))) {
            return null;
        }
        int range = high - low + 1;
        int[] firstPos = new int[k];
        int[] secondPos = new int[k];
        Arrays.fill(firstPos, -1);
        Arrays.fill(secondPos, -1);
        for (int i = 0; i < k; i++) {
            int p = members[i];
            for (int s = g.seatStart[p]; s < g.seatStart[p + 1]; s++) {
                int[] pos = g.seatSide[s] == first ? firstPos : secondPos;
                if (pos[i] >= 0) {
                    return null; // two seats on one side: not this model
                }
                pos[i] = g.seatRating[s] - low;
            }
        }

        // Density: players per rating point around r, a two-seat player counting half at each seat.
        // Base: S with every two-seat player on the second side.
        double[] used = new double[range];
        double[] base = new double[range];
        int[] twoSeat = new int[k];
        int onlyFirst = 0;
        int onlySecond = 0;
        int both = 0;
        for (int i = 0; i < k; i++) {
            if (firstPos[i] >= 0 && secondPos[i] >= 0) {
                twoSeat[both++] = i;
                used[firstPos[i]] += 0.5;
                used[secondPos[i]] += 0.5;
                base[secondPos[i]] -= 1;
            } else if (firstPos[i] >= 0) {
                onlyFirst++;
                used[firstPos[i]] += 1;
                base[firstPos[i]] += 1;
            } else {
                onlySecond++;
                used[secondPos[i]] += 1;
                base[secondPos[i]] -= 1;
            }
        }
        double width = 2 * DENSITY_RADIUS + 1;
        double[] weight = new double[range]; // 2 / rho
        double window = 0;
        for (int r = 0; r < Math.min(DENSITY_RADIUS, range); r++) {
            window += used[r];
        }
        for (int r = 0; r < range; r++) {
            if (r + DENSITY_RADIUS < range) {
                window += used[r + DENSITY_RADIUS];
            }
            if (r - DENSITY_RADIUS - 1 >= 0) {
                window -= used[r - DENSITY_RADIUS - 1];
            }
            double rho = Math.max(window / width / 2, 0.5 / width);
            weight[r] = 2 / rho;
        }

        // How many two-seat players the balance puts on the first side.
        int onFirst = Math.max(0, Math.min(both, (onlySecond - onlyFirst + both) / 2));
        double[] share = new double[both];
        for (int j = 0; j < both; j++) {
            int q = mate[members[twoSeat[j]]];
            if (q >= 0) {
                long seating = g.seating(members[twoSeat[j]], q);
                int seat = g.seatStart[members[twoSeat[j]]] + PairingGraph.firstOffset(seating);
                share[j] = g.seatSide[seat] == first ? 1 : 0;
            }
        }
        int[] at1 = new int[both];
        int[] at2 = new int[both];
        for (int j = 0; j < both; j++) {
            at1[j] = firstPos[twoSeat[j]];
            at2[j] = secondPos[twoSeat[j]];
        }
        if (both > 0) {
            share = relax(range, weight, base, at1, at2, share, onFirst, maxIterations);
        }

        // The potentials of the relaxed sides, from their S.
        double[] cumulative = new double[range];
        gradient(range, weight, base, at1, at2, share, cumulative, new double[range], new double[both]);
        double[] f = new double[range];
        double[] shift = new double[range];
        double potential = 0;
        for (int r = 0; r < range; r++) {
            double d = Math.max(-MAX_SHIFT, Math.min(MAX_SHIFT, cumulative[r] * weight[r] / 2));
            shift[r] = d;
            f[r] = potential;
            potential -= 2 * d;
        }
        // The constant between the sides: the onFirst two-seat players whose first-side dual is
        // the lower are on the first side.
        double threshold = 0;
        if (both > 0) {
            double[] key = new double[both];
            for (int j = 0; j < both; j++) {
                key[j] = f[at1[j]] + f[at2[j]] + shift[at2[j]] * shift[at2[j]];
            }
            Arrays.sort(key);
            threshold = onFirst == 0 ? key[0] - 1 : onFirst == both ? key[both - 1] + 1
                    : (key[onFirst - 1] + key[onFirst]) / 2;
        }
        double half = threshold / 2;
        double[] phi = new double[k];
        for (int i = 0; i < k; i++) {
            double asFirst = firstPos[i] >= 0 ? f[firstPos[i]] - half : Double.MAX_VALUE;
            double asSecond = secondPos[i] >= 0
                    ? -f[secondPos[i]] - shift[secondPos[i]] * shift[secondPos[i]] + half : Double.MAX_VALUE;
            phi[i] = Math.min(asFirst, asSecond);
        }
        return phi;
    }

    /**
     * FISTA on {@code sum_r S(r)^2 / rho(r)} over shares in [0, 1] summing to {@code onFirst},
     * where {@code S = prefix(base + sum_j share_j (e_{at1_j} + e_{at2_j}))}; {@code weight} is
     * {@code 2 / rho}.
     */
    private static double[] relax(int range, double[] weight, double[] base, int[] at1, int[] at2, double[] start,
                                  int onFirst, int maxIterations) {
        int m = at1.length;
        double[] cumulative = new double[range];
        double[] tail = new double[range];
        double[] gradient = new double[m];
        // The gradient's Lipschitz constant, by power iteration on its linear part.
        double[] x = new double[m];
        for (int j = 0; j < m; j++) {
            x[j] = 1 + (j % 7) * 0.1;
        }
        double lipschitz = 1;
        for (int round = 0; round < 15; round++) {
            gradient(range, weight, null, at1, at2, x, cumulative, tail, gradient);
            double norm = 0;
            double length = 0;
            for (int j = 0; j < m; j++) {
                norm += gradient[j] * gradient[j];
                length += x[j] * x[j];
            }
            norm = Math.sqrt(norm);
            if (norm == 0) {
                return start;
            }
            lipschitz = norm / Math.sqrt(length);
            for (int j = 0; j < m; j++) {
                x[j] = gradient[j] / norm;
            }
        }
        // FISTA's safe step is 1 / L for L the gradient's Lipschitz constant. The shares sit
        // mostly at 0 or 1, where the box holds them, so the curvature that matters is far
        // smaller: steps start LONG_STEP times longer, and shorten fourfold (never below the
        // safe one, momentum dropped) whenever the value rose between two checks.
        double safe = lipschitz * 1.05;
        lipschitz = safe / LONG_STEP;
        double lastValue = Double.POSITIVE_INFINITY;
        double[] share = start.clone();
        double[] ahead = start.clone();
        double[] next = new double[m];
        double[] step = new double[m];
        double momentum = 1;
        double tau = 0;
        for (int iteration = 1; iteration <= maxIterations; iteration++) {
            gradient(range, weight, base, at1, at2, ahead, cumulative, tail, gradient);
            for (int j = 0; j < m; j++) {
                step[j] = ahead[j] - gradient[j] / lipschitz;
            }
            tau = project(step, onFirst, tau, next);
            double nextMomentum = (1 + Math.sqrt(1 + 4 * momentum * momentum)) / 2;
            double carry = (momentum - 1) / nextMomentum;
            for (int j = 0; j < m; j++) {
                ahead[j] = next[j] + carry * (next[j] - share[j]);
            }
            double[] swap = share;
            share = next;
            next = swap;
            momentum = nextMomentum;
            if (iteration % GAP_EVERY == 0) {
                double value = gradient(range, weight, base, at1, at2, share, cumulative, tail, gradient);
                if (value > lastValue && lipschitz < safe) {
                    // Too long a step: the value went up. Shorter steps, momentum dropped.
                    lipschitz = Math.min(safe, lipschitz * 4);
                    momentum = 1;
                    System.arraycopy(share, 0, ahead, 0, m);
                }
                lastValue = value;
                double dot = 0;
                for (int j = 0; j < m; j++) {
                    dot += gradient[j] * share[j];
                }
                double[] sorted = gradient.clone();
                Arrays.sort(sorted);
                double best = 0;
                for (int j = 0; j < onFirst; j++) {
                    best += sorted[j];
                }
                if (dot - best <= GAP_TOLERANCE * value) {
                    break;
                }
            }
        }
        return share;
    }

    /**
     * The objective's gradient for these shares (into {@code out}), and the objective {@code
     * sum S^2 / rho}; with {@code base} null, of the linear part alone.
     */
    private static double gradient(int range, double[] weight, double[] base, int[] at1, int[] at2, double[] share,
                                   double[] cumulative, double[] tail, double[] out) {
        Arrays.fill(cumulative, 0);
        for (int j = 0; j < at1.length; j++) {
            cumulative[at1[j]] += share[j];
            cumulative[at2[j]] += share[j];
        }
        double running = 0;
        double value = 0;
        for (int r = 0; r < range; r++) {
            running += cumulative[r] + (base == null ? 0 : base[r]);
            cumulative[r] = running;
            value += running * running * weight[r] / 2;
        }
        double sum = 0;
        for (int r = range - 1; r >= 0; r--) {
            sum += cumulative[r] * weight[r];
            tail[r] = sum;
        }
        for (int j = 0; j < at1.length; j++) {
            out[j] = tail[at1[j]] + tail[at2[j]];
        }
        return value;
    }

    /**
     * Projects {@code v} onto shares in [0, 1] summing to {@code total}: {@code clamp(v - tau)}
     * for the right {@code tau}, found by Newton steps from {@code guess}, bisecting the bracket
     * where a step would leave it. Returns tau.
     */
    private static double project(double[] v, int total, double guess, double[] out) {
        double below = Double.POSITIVE_INFINITY; // sum(tau) >= total for every tau <= below
        double above = Double.NEGATIVE_INFINITY; // sum(tau) <= total for every tau >= above
        for (double value : v) {
            below = Math.min(below, value - 1);
            above = Math.max(above, value);
        }
        double tau = guess > below && guess < above ? guess : (below + above) / 2;
        for (int round = 0; round < 100; round++) {
            double sum = 0;
            int free = 0;
            for (double value : v) {
                double z = value - tau;
                if (z >= 1) {
                    sum += 1;
                } else if (z > 0) {
                    sum += z;
                    free++;
                }
            }
            if (Math.abs(sum - total) < 1e-9) {
                break;
            }
            if (sum > total) {
                below = tau;
            } else {
                above = tau;
            }
            double next = free > 0 ? tau + (sum - total) / free : Double.NaN;
            tau = next > below && next < above ? next : (below + above) / 2;
        }
        for (int j = 0; j < v.length; j++) {
            out[j] = Math.max(0, Math.min(1, v[j] - tau));
        }
        return tau;
    }
}
