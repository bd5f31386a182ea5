package dev.matchwave.bot.config;

import java.util.Objects;

/**
 * Where the bot keeps its queue (docs/persistence.md): in the ladder's PostgreSQL (the default:
 * a wave's matches and its players' leaving the queue are one transaction), or in Redis.
 * Immutable.
 */
public sealed interface QueueStoreSettings {

    /** The default: the queue's tables in the ladder's own database. */
    QueueStoreSettings POSTGRES = new Postgres();

    /** The queue in the ladder's PostgreSQL. */
    record Postgres() implements QueueStoreSettings {
        @Override
        public String toString() {
            return "postgres";
        }
    }

    /**
     * The queue on a Redis server.
     *
     * @param host   the server's host name or address
     * @param port   its port, 1 to 65535
     * @param prefix the prefix of the queue's keys, so several ladders can share one server
     */
    record Redis(String host, int port, String prefix) implements QueueStoreSettings {
        public static final String SCHEME = "redis://";
        public static final String DEFAULT_PREFIX = "matchwave:";

        public Redis {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(prefix, "prefix");
            if (host.isBlank()) {
                throw new IllegalArgumentException("redis host must not be blank");
            }
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("redis port must be from 1 to 65535, got " + port);
            }
        }

        @Override
        public String toString() {
            return SCHEME + host + ":" + port + " (keys " + prefix + "*)";
        }
    }
}
