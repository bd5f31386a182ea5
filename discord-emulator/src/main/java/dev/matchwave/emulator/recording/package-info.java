/**
 * What the emulator saw: every REST request with its time, route, bucket and status
 * ({@link dev.matchwave.emulator.recording.Recording}), and the figures of a run
 * ({@link dev.matchwave.emulator.recording.RunFigures}).
 */
@NullMarked
package dev.matchwave.emulator.recording;

import org.jspecify.annotations.NullMarked;
