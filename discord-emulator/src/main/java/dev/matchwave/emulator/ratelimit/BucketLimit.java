package dev.matchwave.emulator.ratelimit;

import java.time.Duration;
import java.util.Objects;

/**
 * A bucket's size: {@code requests} per {@code window}, the window starting with the first
 * request after the previous one reset (Discord's X-RateLimit-Reset-After counts down from it).
 * Immutable.
 *
 * @param requests at least 1
 * @param window   at least 1 ms
 */
public record BucketLimit(int requests, Duration window) {

    public BucketLimit {
        Objects.requireNonNull(window, "window");
        if (requests < 1) {
            throw new IllegalArgumentException("requests must be at least 1, got " + requests);
        }
        if (window.toMillis() < 1) {
            throw new IllegalArgumentException("window must be at least 1 ms, got " + window);
        }
    }

    /** {@code requests} per {@code seconds} seconds. */
    public static BucketLimit of(int requests, int seconds) {
        return new BucketLimit(requests, Duration.ofSeconds(seconds));
    }

    @Override
    public String toString() {
        return requests + "/" + window.toMillis() + "ms";
    }
}
