/**
 * The figures of the offline demo and their report: {@link dev.matchwave.bot.demo.DemoRecorder}
 * collects them from the demo's threads, {@link dev.matchwave.bot.demo.DemoFigures} holds one
 * run's figures, {@link dev.matchwave.bot.demo.DemoReport} renders them as terminal text, JSON
 * and a self-contained HTML page with charts. Pure: no Discord, no database.
 */
@NullMarked
package dev.matchwave.bot.demo;

import org.jspecify.annotations.NullMarked;
