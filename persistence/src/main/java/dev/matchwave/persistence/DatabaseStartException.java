package dev.matchwave.persistence;

/**
 * The database could not be opened: the server is unreachable, the embedded one would not
 * start, or the schema is newer than this code. The message is one line for the operator: what
 * went wrong and which setting or action fixes it.
 */
public final class DatabaseStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DatabaseStartException(String message) {
        super(message);
    }

    public DatabaseStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
