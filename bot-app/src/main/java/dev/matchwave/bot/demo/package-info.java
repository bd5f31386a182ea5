/**
 * The offline demo: {@link dev.matchwave.bot.demo.OfflineDemo} starts a local Discord (the
 * emulator), the real bot against it, and scripted players who set up, queue, confirm, abort
 * now and then, and report results over several waves; then it reports what the ladder did.
 * The emulator's API is enough to drive the players: no JDA here.
 */
@NullMarked
package dev.matchwave.bot.demo;

import org.jspecify.annotations.NullMarked;
