/**
 * The offline demo: {@link dev.matchwave.bot.demo.OfflineDemo} starts a local Discord (the
 * emulator), the real bot against it, and scripted players who set up, queue, confirm, abort
 * now and then, and report results over several waves; the emulator's API is enough to drive
 * them (no JDA here). Its figures go to a {@link dev.matchwave.bot.demo.DemoRecorder}, which
 * collects them from the demo's threads; {@link dev.matchwave.bot.demo.DemoFigures} holds one
 * run's figures and {@link dev.matchwave.bot.demo.DemoReport} renders them as terminal text,
 * JSON and a self-contained HTML page with charts (that part is pure: no Discord, no database).
 */
@NullMarked
package dev.matchwave.bot.demo;

import org.jspecify.annotations.NullMarked;
