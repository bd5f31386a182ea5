/**
 * The dispatcher against a model of Discord's documented limits, on virtual time:
 * {@link dev.matchwave.notification.simulation.DiscordModel} answers like Discord would
 * (429 with {@code retry_after} when a limit is exceeded) and
 * {@link dev.matchwave.notification.simulation.Simulation} runs one wave through the real
 * {@link dev.matchwave.notification.dispatch.TwoPhaseDispatcher} under one of three policies.
 * Deterministic: the same settings always give the same figures.
 *
 * <p>Records here are immutable values, safe to share between threads; times are
 * {@link java.time.Duration}s and {@link java.time.Instant}s unless a name says otherwise.
 */
@NullMarked
package dev.matchwave.notification.simulation;

import org.jspecify.annotations.NullMarked;
