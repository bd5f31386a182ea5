/**
 * Connecting to Discord (or a Discord-compatible emulator): {@link
 * dev.matchwave.discord.connection.DiscordConnection} builds JDA with the few intents the bot
 * needs, all REST traffic behind the bot's {@link dev.matchwave.discord.rest.RestRequestGate},
 * an optional custom REST base URL and gateway URL, and shuts it down in order.
 */
@NullMarked
package dev.matchwave.discord.connection;

import org.jspecify.annotations.NullMarked;
