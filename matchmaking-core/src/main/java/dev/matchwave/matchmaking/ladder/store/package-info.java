/**
 * The ladder's repositories taken together, and their in-memory implementation. A PostgreSQL
 * implementation lives in the {@code persistence} module; both pass the same contract tests
 * (published in matchmaking-core's test-jar).
 */
@NullMarked
package dev.matchwave.matchmaking.ladder.store;

import org.jspecify.annotations.NullMarked;
