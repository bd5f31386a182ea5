/**
 * A local Discord for end-to-end tests: {@link dev.matchwave.emulator.DiscordEmulator} serves
 * the REST API and the gateway that the real JDA connects to, and
 * {@link dev.matchwave.emulator.EmulatedUser} scripts the people on the other side: they run
 * commands, press buttons, pick from selects, submit modals, and read what they see
 * ({@link dev.matchwave.emulator.SeenMessage}, {@link dev.matchwave.emulator.SeenModal}).
 * Configuration is {@link dev.matchwave.emulator.EmulatorConfig}; rate limits and the
 * recording of every request live in the {@code ratelimit} and {@code recording} packages.
 *
 * <p>Package-private classes are the machinery (the REST and gateway servers, the emulated
 * state, Discord's JSON); only the public types are API.
 */
@NullMarked
package dev.matchwave.emulator;

import org.jspecify.annotations.NullMarked;
