/**
 * Rank roles on Discord: the core's {@link dev.matchwave.matchmaking.ladder.roles.MemberRoles}
 * port carried out with JDA's member role routes, which the REST gate paces as background work.
 */
@NullMarked
package dev.matchwave.discord.roles;

import org.jspecify.annotations.NullMarked;
