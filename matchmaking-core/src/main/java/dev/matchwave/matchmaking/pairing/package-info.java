/**
 * Pairing algorithms: {@link dev.matchwave.matchmaking.pairing.Pairers#optimal()}, which
 * finds the most pairs, then favours the longest waiters, then the closest ratings, and {@link
 * dev.matchwave.matchmaking.pairing.Pairers#fifo()}, which keeps join order. docs/matchmaking.md
 * explains the objective, the algorithm and what is exact where.
 *
 * <p>Only {@link dev.matchwave.matchmaking.pairing.Pairers} is public; the algorithms behind it
 * are package-private. Null is not a value anywhere in this package.
 */
@NullMarked
package dev.matchwave.matchmaking.pairing;

import org.jspecify.annotations.NullMarked;
