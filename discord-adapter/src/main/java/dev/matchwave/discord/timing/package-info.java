/**
 * Flow timing: each interaction flow and each wave records named checkpoints (guards,
 * database, rendering, Discord calls) on an injected {@link dev.matchwave.discord.timing.Ticker}
 * and ends as one {@link dev.matchwave.discord.timing.FlowReport}, one log line with the total
 * and per-step durations, flagged when slower than its target. Plain Java: no JDA types.
 */
@NullMarked
package dev.matchwave.discord.timing;

import org.jspecify.annotations.NullMarked;
