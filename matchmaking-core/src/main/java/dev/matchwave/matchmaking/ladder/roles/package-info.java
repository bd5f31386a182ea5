/**
 * Rank roles: a role per letter rank, given to each player for his best rank, and kept in step
 * as ratings and ranks change. {@link dev.matchwave.matchmaking.ladder.roles.RankRoles} is the
 * rule (which role a player should hold), {@link dev.matchwave.matchmaking.ladder.roles.RolePlan}
 * the smallest change from the roles he holds, and
 * {@link dev.matchwave.matchmaking.ladder.roles.RankRoleSync} the service that plans and sends
 * them, coalesced per player, through a {@link dev.matchwave.matchmaking.ladder.roles.MemberRoles}
 * port. Guild and role ids are opaque strings here: no Discord type enters the core.
 */
@NullMarked
package dev.matchwave.matchmaking.ladder.roles;

import org.jspecify.annotations.NullMarked;
