/**
 * The ladder's repositories on PostgreSQL ({@link dev.matchwave.persistence.ladder.PostgresLadderStore}),
 * implementing matchmaking-core's interfaces with jOOQ over the Flyway schema. They pass the same
 * contract suites as the in-memory store.
 *
 * <p>Null is not a value anywhere in this package: absent values are {@link java.util.Optional}.
 */
@NullMarked
package dev.matchwave.persistence.ladder;

import org.jspecify.annotations.NullMarked;
