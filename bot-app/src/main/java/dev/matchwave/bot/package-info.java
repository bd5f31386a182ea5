/**
 * The command line: {@link dev.matchwave.bot.Main} and one picocli command per subcommand
 * ({@code bot}, {@code demo}, {@code pair}, {@code simulate}, {@code roles}, {@code completion},
 * {@code bench}), their option types and their one-line usage errors (exit code 2).
 * Options a user may leave out without a default are {@code @Nullable} fields; picocli sets
 * the rest before a command runs.
 */
@NullMarked
package dev.matchwave.bot;

import org.jspecify.annotations.NullMarked;
