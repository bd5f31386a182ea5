/**
 * The custom ids of the bot's buttons, selects and modals: {@link
 * dev.matchwave.discord.component.CustomId} encodes what a click means (action, match, player)
 * in a versioned string, and parses it back with a clear error for a stale or damaged id.
 * Plain Java.
 */
@NullMarked
package dev.matchwave.discord.component;

import org.jspecify.annotations.NullMarked;
