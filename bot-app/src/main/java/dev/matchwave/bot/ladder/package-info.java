/**
 * The ladder application, JDA-free at its core: {@link dev.matchwave.bot.ladder.LadderApplication}
 * builds the database, the store, the players, the match lifecycle, the queue and its waves, and
 * the notifications from a {@code BotConfig}, and stops them in order;
 * {@link dev.matchwave.bot.ladder.LadderNotifications} says who is told what about each match
 * event; {@link dev.matchwave.bot.ladder.NotificationRelay} sends the single notifications.
 */
@NullMarked
package dev.matchwave.bot.ladder;

import org.jspecify.annotations.NullMarked;
