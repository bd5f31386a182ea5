/**
 * The dispatcher against a model of Discord's documented limits, on virtual time:
 * {@link dev.matchwave.notification.simulation.DiscordModel} answers like Discord would
 * (429 with {@code retry_after} when a limit is exceeded) and
 * {@link dev.matchwave.notification.simulation.Simulation} runs one wave through the real
 * {@link dev.matchwave.notification.dispatch.TwoPhaseDispatcher} under one of three policies.
 * Deterministic: the same settings always give the same figures.
 */
@NullMarked
package dev.matchwave.notification.simulation;

import org.jspecify.annotations.NullMarked;
