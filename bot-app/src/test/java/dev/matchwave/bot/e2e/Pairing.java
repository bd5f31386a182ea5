package dev.matchwave.bot.e2e;

import dev.matchwave.emulator.EmulatedUser;
import dev.matchwave.emulator.SeenMessage;

/**
 * Two fresh players matched by a wave ({@link LadderBotHarness#matched}): a Brood War zerg and a
 * StarCraft II terran, their match, and the "match found" each of them sees.
 */
record Pairing(EmulatedUser zerg, EmulatedUser terran, long matchId, SeenMessage zergFound,
               SeenMessage terranFound) {
}
