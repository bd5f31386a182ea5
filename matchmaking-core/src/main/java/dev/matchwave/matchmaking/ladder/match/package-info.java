/**
 * The match lifecycle: a wave's pairs become matches, both players confirm within a window,
 * report the result, and the match completes, ends in conflict for an admin to resolve, or is
 * aborted. The state machine, the report and result codes, the repository the matches are
 * stored through, and the events every transition emits. See {@code docs/ladder.md}.
 */
@NullMarked
package dev.matchwave.matchmaking.ladder.match;

import org.jspecify.annotations.NullMarked;
