/**
 * Opening the ladder's PostgreSQL database: {@link dev.matchwave.persistence.DatabaseConfig}
 * (embedded by default, or a real server from environment variables or properties),
 * {@link dev.matchwave.persistence.Database} (connection pool, Flyway migration on start, the
 * virtual-thread executor that blocking calls run on) and
 * {@link dev.matchwave.persistence.EmbeddedPostgresServer}. The repositories are in
 * {@code dev.matchwave.persistence.ladder}; see {@code docs/persistence.md}.
 *
 * <p>Null is not a value anywhere in this package: absent values are {@link java.util.Optional}.
 */
@NullMarked
package dev.matchwave.persistence;

import org.jspecify.annotations.NullMarked;
