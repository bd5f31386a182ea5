/**
 * The ladder application, JDA-free at its core: {@link dev.matchwave.bot.ladder.LadderApplication}
 * builds the database, the store, the players, the match lifecycle, the queue and its waves, and
 * the notifications from a {@code BotConfig}, and stops them in order;
 * {@link dev.matchwave.bot.ladder.LadderNotifications} says who is told what about each match
 * event; the dispatcher's {@code send} sends the single notifications through the waves' own retry loop.
 */
@NullMarked
package dev.matchwave.bot.ladder;

import org.jspecify.annotations.NullMarked;
