/**
 * What ladder admins do: resolve conflicts, adjust ratings through the ledger, ban, reset
 * aborts. Every action is recorded in the audit trail of
 * {@link dev.matchwave.matchmaking.ladder.audit}.
 */
@NullMarked
package dev.matchwave.matchmaking.ladder.admin;

import org.jspecify.annotations.NullMarked;
