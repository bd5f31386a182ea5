/**
 * The bot's slash commands as data: {@link dev.matchwave.discord.command.SlashCommands} builds
 * JDA's command definitions from a {@link dev.matchwave.discord.command.CommandVocabulary}, with
 * no connection, so tests can check them and the bot registers them at start.
 */
@NullMarked
package dev.matchwave.discord.command;

import org.jspecify.annotations.NullMarked;
