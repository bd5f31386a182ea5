/**
 * Players of the ladder: profile and setup (user id, BattleTag, alternative ids, country, home
 * region), terms of service, ban, abort budget, saved queue preferences; the validation rules of
 * the reference ladder as configurable defaults; and the guards a player must pass to queue.
 */
@NullMarked
package dev.matchwave.matchmaking.ladder.player;

import org.jspecify.annotations.NullMarked;
