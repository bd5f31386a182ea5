/**
 * What the bot shows, as pure functions from small view records (ready-made figures and
 * labels, no ladder logic) to JDA message data: the searching message, "match found" with
 * confirm and abort, the match details with the result and confirm selects, and short notices.
 * Nothing here talks to Discord, so tests call it without a connection; the next layer maps
 * the ladder's types onto these records.
 *
 * <p>Player-given text (names, BattleTags) is escaped for Discord markdown; times are Discord
 * timestamp tags ({@code <t:SECONDS:R>}), which every client shows in its own time zone and keeps
 * counting down without edits.
 */
@NullMarked
package dev.matchwave.discord.view;

import org.jspecify.annotations.NullMarked;
