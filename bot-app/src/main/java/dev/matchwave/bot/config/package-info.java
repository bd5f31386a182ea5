/**
 * The bot's configuration: {@link dev.matchwave.bot.config.BotConfig}, an immutable and
 * validated record, read by {@link dev.matchwave.bot.config.BotConfigLoader} from environment
 * variables and an optional properties file. Every bad setting is reported as one line naming
 * the setting, where it came from, what is wrong and what is expected.
 */
@NullMarked
package dev.matchwave.bot.config;

import org.jspecify.annotations.NullMarked;
