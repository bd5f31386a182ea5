package dev.matchwave.bot;

/** Bad arguments or bad input: the message names the problem and is shown as it is. */
final class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message, null, false, false);
    }
}
