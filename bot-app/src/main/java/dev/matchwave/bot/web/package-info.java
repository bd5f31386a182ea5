/**
 * The ladder's public, read-only web pages: leaderboard, players, matches and the live queue
 * (docs/web.md). {@link dev.matchwave.bot.web.LadderWebsite} serves them,
 * {@link dev.matchwave.bot.web.PublicLadder} reads what they show from the ladder's
 * repositories and caches, and the templates in {@code src/main/jte} render them.
 */
@NullMarked
package dev.matchwave.bot.web;

import org.jspecify.annotations.NullMarked;
