/**
 * Time and scheduling, injected: components take an {@link java.time.InstantSource} and a
 * {@link dev.matchwave.matchmaking.time.Scheduler}; tests and simulations use
 * {@link dev.matchwave.matchmaking.time.ManualClock}, which is both, on virtual time.
 */
@NullMarked
package dev.matchwave.matchmaking.time;

import org.jspecify.annotations.NullMarked;
