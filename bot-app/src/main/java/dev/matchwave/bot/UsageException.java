package dev.matchwave.bot;

/**
 * Bad arguments or bad input found after parsing (a value out of range, an unreadable input file):
 * the message names the problem and is shown as it is, in one line, with exit code 2.
 */
final class UsageException extends IllegalArgumentException {

    UsageException(String message) {
        super(message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        // Never printed: a message for the user, not a bug.
        return this;
    }
}
