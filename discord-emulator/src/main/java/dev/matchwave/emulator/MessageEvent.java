package dev.matchwave.emulator;

import java.time.Instant;
import java.util.Objects;

/**
 * One change to a message, as it happened: the timeline that {@link SeenMessage} snapshots
 * (which show only the latest state) cannot give, e.g. to check that every player saw
 * "match found" before any match details arrived. Immutable.
 *
 * @param position its place in the emulator's timeline, from 0
 * @param at       when, on the emulator's clock
 * @param kind     created, edited or deleted
 * @param message  the message right after the change
 */
public record MessageEvent(long position, Instant at, Kind kind, SeenMessage message) {

    /** What happened to the message. */
    public enum Kind {
        CREATED, EDITED, DELETED
    }

    public MessageEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }
}
