package dev.matchwave.matchmaking.ladder;

import java.util.Objects;

/**
 * A repository could not do what it was asked, as a domain error: every repository
 * implementation (in memory, PostgreSQL, ...) reports its failures through this exception and
 * its {@link Kind}, never through driver exceptions, so callers can react without knowing the
 * store.
 *
 * <p>When a repository method throws, it has changed nothing: every write method of the ladder
 * repositories is all-or-nothing.
 */
public final class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the store refused or failed. */
    public enum Kind {
        /**
         * The data changed since the caller read it: a match version, a rating's "before" value
         * or a player's abort budget no longer matches. Re-read and decide again.
         */
        STALE,
        /** A unique value is already taken, such as a user id or a player's open match. */
        DUPLICATE,
        /** The thing to change does not exist (an unknown player or match). */
        NOT_FOUND,
        /** A value the store cannot accept (outside a known set, out of range). */
        INVALID,
        /** The store is unreachable or failed; the operation may be retried later. */
        UNAVAILABLE
    }

    /**
     * What a user is told when his request failed because the store is {@link Kind#UNAVAILABLE}:
     * one sentence for every answer (a command, a button, a match action).
     */
    public static final String UNAVAILABLE_ANSWER = "The ladder's database is unavailable right now; nothing was"
            + " changed. Please try again shortly.";

    private final Kind kind;

    public StoreException(Kind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public StoreException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }

    /**
     * Whether {@code failure}, or one of its causes, is a {@link Kind#UNAVAILABLE} store failure:
     * the database could not be reached (or failed), so nothing of the call was changed and it may
     * be tried again shortly. For the layers that answer users, which say so instead of a generic
     * error.
     */
    public static boolean isUnavailable(Throwable failure) {
        int depth = 0; // a cause chain may loop
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof StoreException store && store.kind == Kind.UNAVAILABLE) {
                return true;
            }
        }
        return false;
    }

    public static StoreException stale(String message) {
        return new StoreException(Kind.STALE, message);
    }

    public static StoreException duplicate(String message) {
        return new StoreException(Kind.DUPLICATE, message);
    }

    public static StoreException notFound(String message) {
        return new StoreException(Kind.NOT_FOUND, message);
    }

    public static StoreException invalid(String message) {
        return new StoreException(Kind.INVALID, message);
    }
}
