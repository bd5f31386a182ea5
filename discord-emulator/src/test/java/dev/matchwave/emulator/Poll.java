package dev.matchwave.emulator;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits on real time for a condition outside the emulator (JDA's side), polling every 10 ms. */
final class Poll {

    private Poll() {
    }

    static void until(String what, BooleanSupplier condition, Duration timeout) {
        until(what, condition, timeout, () -> "");
    }

    static void until(String what, BooleanSupplier condition, Duration timeout, Supplier<String> seen) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what + " " + seen.get());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }
}
