/**
 * Discord interactions to ladder calls: {@link dev.matchwave.discord.interaction.InteractionRouter}
 * (JDA) answers within Discord's 3 seconds (deferring first), checks the rules that need no
 * ladder ({@link dev.matchwave.discord.interaction.InteractionChecks}: direct-message-only
 * commands, admins, stale or foreign custom ids) and hands the rest to a
 * {@link dev.matchwave.discord.interaction.LadderDesk}, the JDA-free facade the application
 * implements.
 */
@NullMarked
package dev.matchwave.discord.interaction;

import org.jspecify.annotations.NullMarked;
