/**
 * The matchmaking model: queued players, the seats they can take, the rules that say who may
 * meet whom, and the result of a pairing. Pure Java, no Discord and no database.
 *
 * <p>Null is not a value anywhere in this package: absent values are {@link java.util.Optional}.
 */
@NullMarked
package dev.matchwave.matchmaking;

import org.jspecify.annotations.NullMarked;
