/**
 * The admin audit trail: every admin action (resolving a match, adjusting a rating, banning a
 * player, resetting aborts, clearing the queue...) is recorded with who, what, target, details,
 * reason and when. Writes that change ladder data take their {@link
 * dev.matchwave.matchmaking.ladder.audit.AdminAction} along so the change and its audit entry
 * are stored together.
 */
@NullMarked
package dev.matchwave.matchmaking.ladder.audit;

import org.jspecify.annotations.NullMarked;
