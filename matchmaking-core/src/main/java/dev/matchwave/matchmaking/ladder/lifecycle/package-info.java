/**
 * The match lifecycle service: creates a wave's matches, runs the confirmation window and its
 * reminder on the injected scheduler, takes confirmations, aborts, reports and admin
 * resolutions, and commits each transition with its rating changes through the ladder store.
 */
@NullMarked
package dev.matchwave.matchmaking.ladder.lifecycle;

import org.jspecify.annotations.NullMarked;
