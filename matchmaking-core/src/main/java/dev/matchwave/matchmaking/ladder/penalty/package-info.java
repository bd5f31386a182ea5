/**
 * The no-show penalty: a player who lets too many "match found" time out without confirming
 * (report code -4) is barred from the queue for a while. {@link NoShowRules} is the pure rule
 * (how many timeouts, within what window, how long a bar lasts and how it grows);
 * {@link NoShowRepository} keeps the timeouts and bars; {@link NoShowPenalties} applies the rule,
 * refuses barred players at the queue ({@link NoShowPenalties#guard()}) and lets an admin lift a
 * bar.
 */
@NullMarked
package dev.matchwave.matchmaking.ladder.penalty;

import org.jspecify.annotations.NullMarked;
