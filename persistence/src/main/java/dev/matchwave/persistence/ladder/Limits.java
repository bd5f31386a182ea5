package dev.matchwave.persistence.ladder;

/** Argument checks shared by the repositories, with the in-memory store's messages. */
final class Limits {

    private Limits() {
    }

    static void requirePositive(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, got " + limit);
        }
    }
}
