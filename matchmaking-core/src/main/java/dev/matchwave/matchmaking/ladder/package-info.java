/**
 * The ladder: what happens after a wave has paired two players. A match lifecycle with
 * confirmations, reports, aborts and admin resolutions ({@code .match}); ratings with an exact
 * ledger ({@code .rating}); letter ranks and the leaderboard ({@code .rank}); player profiles,
 * setup validation and queue guards ({@code .player}); the admin audit trail ({@code .admin});
 * and the repositories they are stored through, with in-memory implementations
 * ({@code .store}).
 *
 * <p>The rules and codes of the reference ladder (see {@code docs/ladder.md}) are defaults of
 * immutable rule objects, not constants in code. Pure Java: no Discord, JDBC or jOOQ types.
 *
 * <p>Null is not a value anywhere in these packages: absent values are
 * {@link java.util.Optional}.
 */
@NullMarked
package dev.matchwave.matchmaking.ladder;

import org.jspecify.annotations.NullMarked;
