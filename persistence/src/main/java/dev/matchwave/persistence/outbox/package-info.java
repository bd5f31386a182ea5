/**
 * The outbox of notifications not yet delivered, on PostgreSQL: what the bot owes its players
 * survives a restart and is sent when it comes back.
 *
 * <p>Null is not a value anywhere in this package: absent values are {@link java.util.Optional}.
 */
@NullMarked
package dev.matchwave.persistence.outbox;

import org.jspecify.annotations.NullMarked;
