/** A bot's own module: it requires matchwave's PostgreSQL store, and through it the core. */
module com.example.store {
    requires dev.matchwave.persistence;

    exports com.example.store;
}
