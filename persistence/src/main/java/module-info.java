/**
 * matchwave's PostgreSQL store: the ladder, the durable queue, the outbox, the leader lease and
 * the rank roles, through jOOQ, with the schema migrated by Flyway and an embedded server by
 * default. {@code dev.matchwave.persistence.internal} (the SQL helpers and jOOQ's generated
 * schema) is not exported.
 */
module dev.matchwave.persistence {
    requires transitive dev.matchwave.matchmaking;
    requires static org.jspecify;
    // Database hands out its jOOQ context and its DataSource.
    requires transitive org.jooq;
    requires transitive java.sql;
    requires com.zaxxer.hikari;
    requires com.github.benmanes.caffeine;
    requires org.postgresql.jdbc;
    requires org.slf4j;
    // Neither jar names its module: these are the names the module system derives from the files.
    requires flyway.core;
    requires embedded.postgres;

    exports dev.matchwave.persistence;
    exports dev.matchwave.persistence.ladder;
    exports dev.matchwave.persistence.lease;
    exports dev.matchwave.persistence.outbox;
    exports dev.matchwave.persistence.queue;
    exports dev.matchwave.persistence.roles;

    // The migrations are resources of a package of their own; Flyway reads them.
    opens dev.matchwave.persistence.migration;
    // jOOQ builds the generated schema's records by reflection; nobody else sees the package.
    opens dev.matchwave.persistence.internal.schema to org.jooq;
}
