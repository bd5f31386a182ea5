package dev.matchwave.matchmaking.pairing;

import dev.matchwave.matchmaking.MatchRules;
import dev.matchwave.matchmaking.QueuedPlayer;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Verifies the certified pairer's certificates from the queue and the rules alone, trusting
 * nothing the solver computed but the numbers it hands over. For each block it rebuilds every
 * allowed pair with {@link MatchRules#allowed} and checks linear-programming duality for the
 * maximum-weight matching with weights {@code w = M (A + wait_u + wait_v) - gap^2}:
 *
 * <ul>
 *   <li>the weights are lexicographic: {@code A} exceeds the block's total wait and {@code M}
 *       exceeds (pairs) * (largest squared gap of an allowed pair);
 *   <li>dual feasibility: {@code u >= 0}, {@code z >= 0} on odd sets of at least three players,
 *       and {@code u_i + u_j + sum of z_B over sets holding both >= w_ij} for every allowed pair;
 *   <li>complementary slackness: every matched pair is tight, every unmatched player has {@code
 *       u = 0}, every set with {@code z > 0} holds (|B| - 1) / 2 matched pairs;
 *   <li>hence, as a sum check, the dual objective equals the matching's weight.
 * </ul>
 *
 * By weak duality (which needs no laminarity) no matching has more weight, so the block's
 * pairing is lexicographically optimal; no allowed pair may cross blocks.
 */
final class CertificateChecker {

    private CertificateChecker() {
    }

    /**
     * @param partner each player's partner (join order) in the pairing, or -1
     * @return the certified sum of squared gaps of the whole pairing
     */
    static long verify(List<QueuedPlayer> queue, MatchRules rules, Certification.Result result, int[] partner) {
        int n = queue.size();
        int[] blockOf = new int[n];
        int[] localOf = new int[n];
        Arrays.fill(blockOf, -1);
        List<Certification.BlockCertificate> blocks = result.certificates();
        for (int b = 0; b < blocks.size(); b++) {
            int[] players = blocks.get(b).players();
            for (int i = 0; i < players.length; i++) {
                check(blockOf[players[i]] < 0, "player in two blocks");
                blockOf[players[i]] = b;
                localOf[players[i]] = i;
            }
        }
        long[][] cost = new long[n][];
        for (int i = 0; i < n; i++) {
            cost[i] = new long[n];
            for (int j = 0; j < n; j++) {
                cost[i][j] = i == j ? -1 : Objective.closest(queue.get(i), queue.get(j), rules);
                if (cost[i][j] >= 0) {
                    check(blockOf[i] >= 0 && blockOf[i] == blockOf[j], "allowed pair outside one certified block: "
                            + i + ", " + j);
                }
            }
        }
        long total = 0;
        for (Certification.BlockCertificate block : blocks) {
            total += verifyBlock(queue, block, cost, partner, localOf);
        }
        for (int i = 0; i < n; i++) {
            if (partner[i] >= 0) {
                check(partner[partner[i]] == i, "pairing not symmetric");
                check(cost[i][partner[i]] >= 0, "pair not allowed");
            }
        }
        return total;
    }

    private static long verifyBlock(List<QueuedPlayer> queue, Certification.BlockCertificate c, long[][] cost,
                                    int[] partner, int[] localOf) {
        int[] players = c.players();
        int k = players.length;
        long maxCost = 0;
        long sumWait = 0;
        for (int i = 0; i < k; i++) {
            sumWait += queue.get(players[i]).waitCycles();
            for (int j = 0; j < k; j++) {
                maxCost = Math.max(maxCost, cost[players[i]][players[j]]);
            }
        }
        check(c.pairBonus() > sumWait, "A does not exceed the total wait");
        check(BigInteger.valueOf(c.scale()).compareTo(
                BigInteger.valueOf(k / 2).multiply(BigInteger.valueOf(maxCost))) > 0, "M does not exceed every gap sum");
        for (int i = 0; i < k; i++) {
            int q = c.partner()[i];
            int expected = partner[players[i]];
            check((q < 0 && expected < 0) || (q >= 0 && players[q] == expected), "certificate is of another pairing");
            check(c.doubledDual()[i] >= 0, "negative vertex dual");
            check(q >= 0 || c.doubledDual()[i] == 0, "unmatched player with a positive dual");
        }
        // For each pair, the sum of z over sets holding both.
        List<List<Integer>> setsOf = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            setsOf.add(new ArrayList<>());
        }
        int[][] sets = c.blossoms();
        java.util.BitSet[] members = new java.util.BitSet[sets.length];
        for (int s = 0; s < sets.length; s++) {
            members[s] = new java.util.BitSet(k);
            for (int v : sets[s]) {
                members[s].set(v);
            }
        }
        for (int s = 0; s < sets.length; s++) {
            check(c.blossomDual()[s] >= 0, "negative blossom dual");
            check(sets[s].length >= 3 && sets[s].length % 2 == 1, "blossom not an odd set");
            int inside = 0;
            for (int v : sets[s]) {
                setsOf.get(v).add(s);
                int q = c.partner()[v];
                if (q >= 0 && members[s].get(q)) {
                    inside++;
                }
            }
            check(c.blossomDual()[s] == 0 || inside == sets[s].length - 1, "blossom with a dual is not full");
        }
        BigInteger weight = BigInteger.ZERO;
        long gaps = 0;
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                long c2 = cost[players[i]][players[j]];
                if (c2 < 0) {
                    continue;
                }
                long w = Math.addExact(Math.multiplyExact(c.scale(), c.pairBonus()
                        + queue.get(players[i]).waitCycles() + queue.get(players[j]).waitCycles()), -c2);
                long reduced = c.doubledDual()[i] + c.doubledDual()[j] - 2 * w;
                // Sets only add (their duals were checked non-negative): count them when needed.
                if (reduced < 0 || c.partner()[i] == j) {
                    for (int s : setsOf.get(i)) {
                        if (members[s].get(j)) {
                            reduced += 2 * c.blossomDual()[s];
                        }
                    }
                }
                check(reduced >= 0, "dual infeasible on pair " + players[i] + ", " + players[j] + ": " + reduced);
                if (c.partner()[i] == j) {
                    check(reduced == 0, "matched pair not tight");
                    weight = weight.add(BigInteger.valueOf(w));
                    gaps += c2;
                }
            }
        }
        BigInteger dual = BigInteger.ZERO;
        for (long y : c.doubledDual()) {
            dual = dual.add(BigInteger.valueOf(y));
        }
        for (int s = 0; s < sets.length; s++) {
            dual = dual.add(BigInteger.valueOf(c.blossomDual()[s]).multiply(BigInteger.valueOf(sets[s].length - 1)));
        }
        check(dual.equals(weight.shiftLeft(1)), "dual objective differs from the matching's weight");
        return gaps;
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new AssertionError("certificate rejected: " + message);
        }
    }
}
