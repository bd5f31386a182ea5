/**
 * Standard rule sets: the reference ladder's cross-game rules ({@link
 * dev.matchwave.matchmaking.rules.EvoLadderRules}, {@code evoladder}), single-pool rules for any
 * 1v1 game ({@link dev.matchwave.matchmaking.rules.SinglePoolRules}, {@code single}) and
 * first-in-first-out ({@link dev.matchwave.matchmaking.rules.FifoRules}, {@code fifo}); {@link
 * dev.matchwave.matchmaking.rules.RuleSets#byName} looks them up by name.
 *
 * <p>Every type here is immutable and thread-safe. Null is not a value anywhere in this package.
 */
@NullMarked
package dev.matchwave.matchmaking.rules;

import org.jspecify.annotations.NullMarked;
