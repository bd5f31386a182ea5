package dev.matchwave.bot.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the bot keeps its data: an embedded PostgreSQL that the bot starts and stops itself
 * (the default), or a PostgreSQL server that someone else runs.
 *
 * <p>Immutable and thread-safe. {@link #toString()} never shows a password.
 */
public sealed interface DatabaseSettings {

    /**
     * An embedded PostgreSQL started by the bot.
     *
     * @param dataDirectory where it keeps its files across restarts
     */
    record Embedded(Path dataDirectory) implements DatabaseSettings {
        public Embedded {
            Objects.requireNonNull(dataDirectory, "dataDirectory");
        }
    }

    /**
     * A PostgreSQL server run elsewhere.
     *
     * @param jdbcUrl  a {@code jdbc:postgresql:} URL
     * @param user     the user, unless the URL carries it
     * @param password the password, unless the URL carries it or none is needed
     */
    record Server(String jdbcUrl, Optional<String> user, Optional<String> password) implements DatabaseSettings {

        /** The scheme every URL must start with: persistence speaks PostgreSQL only. */
        public static final String SCHEME = "jdbc:postgresql:";

        public Server {
            Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
            if (!jdbcUrl.startsWith(SCHEME)) {
                throw new IllegalArgumentException("jdbcUrl must start with " + SCHEME + ", got " + jdbcUrl);
            }
        }

        @Override
        public String toString() {
            // The query part may carry a password: it is left out.
            int query = jdbcUrl.indexOf('?');
            String shown = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query) + "?...";
            return "Server[jdbcUrl=" + shown + ", user=" + user.orElse("(from URL)")
                    + ", password=" + (password.isPresent() ? "(set)" : "(none)") + "]";
        }
    }
}
