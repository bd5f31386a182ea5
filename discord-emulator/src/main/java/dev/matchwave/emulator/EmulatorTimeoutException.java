package dev.matchwave.emulator;

/**
 * A wait on the emulator ended before its condition held. The message says what was awaited
 * and what the user saw instead, so a failing end-to-end test explains itself.
 */
public final class EmulatorTimeoutException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EmulatorTimeoutException(String message) {
        super(message);
    }
}
