package dev.matchwave.persistence;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Where the database is and how many connections to keep to it. Immutable; every value is
 * checked when the config is built, and a bad one fails at once with a message that names the
 * setting.
 *
 * <p>Two locations: {@link Embedded}, a PostgreSQL server that {@link Database#open} starts from
 * a data directory on this machine (the default: nothing to install), and {@link Server}, a
 * PostgreSQL server that runs elsewhere, reached by JDBC URL, user and password.
 *
 * <p>From settings ({@link #fromSettings}, {@link #fromEnvironment}, {@link #fromProperties}):
 * <table>
 *   <caption>settings</caption>
 *   <tr><th>environment variable</th><th>property</th><th>meaning</th></tr>
 *   <tr><td>{@code MATCHWAVE_DB_URL}</td><td>{@code matchwave.db.url}</td>
 *       <td>JDBC URL of a real server ({@code jdbc:postgresql://host:5432/db}); unset: embedded</td></tr>
 *   <tr><td>{@code MATCHWAVE_DB_USER}</td><td>{@code matchwave.db.user}</td><td>its user (required with a URL)</td></tr>
 *   <tr><td>{@code MATCHWAVE_DB_PASSWORD}</td><td>{@code matchwave.db.password}</td><td>its password (may be empty)</td></tr>
 *   <tr><td>{@code MATCHWAVE_DB_DATA_DIR}</td><td>{@code matchwave.db.data-dir}</td>
 *       <td>embedded data directory; default {@code ~/.matchwave/pgdata}</td></tr>
 *   <tr><td>{@code MATCHWAVE_DB_PORT}</td><td>{@code matchwave.db.port}</td>
 *       <td>embedded server port; default 0: any free port</td></tr>
 *   <tr><td>{@code MATCHWAVE_DB_POOL_SIZE}</td><td>{@code matchwave.db.pool-size}</td><td>connections, 1 to 200; default 10</td></tr>
 * </table>
 *
 * @param location          embedded or a real server
 * @param poolSize          the most connections open at once (HikariCP's maximumPoolSize)
 * @param connectionTimeout how long a caller waits for a free connection (or a new one) before
 *                          the call fails as unavailable
 */
public record DatabaseConfig(Location location, int poolSize, Duration connectionTimeout) {

    /** Connections by default: enough for a wave, the handlers and the timers at once. */
    public static final int DEFAULT_POOL_SIZE = 10;
    /**
     * How long a call waits for a connection by default: short enough that, while the database
     * is unreachable, an interaction is answered "unavailable" well within Discord's 3 seconds.
     */
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(2);

    public static final String URL = "MATCHWAVE_DB_URL";
    public static final String USER = "MATCHWAVE_DB_USER";
    public static final String PASSWORD = "MATCHWAVE_DB_PASSWORD";
    public static final String DATA_DIR = "MATCHWAVE_DB_DATA_DIR";
    public static final String PORT = "MATCHWAVE_DB_PORT";
    public static final String POOL_SIZE = "MATCHWAVE_DB_POOL_SIZE";

    public DatabaseConfig {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        if (poolSize < 1 || poolSize > 200) {
            throw new IllegalArgumentException("database poolSize must be 1 to 200, got " + poolSize);
        }
        if (connectionTimeout.compareTo(Duration.ofMillis(500)) < 0) {
            // HikariCP needs at least 250 ms, and a validation timeout below it.
            throw new IllegalArgumentException("database connectionTimeout must be at least 500 ms, got "
                    + connectionTimeout);
        }
    }

    /** Where the database is. */
    public sealed interface Location permits Embedded, Server {
    }

    /**
     * A PostgreSQL server started by {@link Database#open} from binaries shipped in a jar, on a
     * data directory that survives restarts, and stopped cleanly by {@link Database#close}.
     *
     * @param dataDirectory  where the data lives; created (initdb) when missing or empty
     * @param port           the port on localhost, 1024 to 65535, or 0 for any free port
     * @param serverSettings PostgreSQL settings passed at start ({@code -c key=value}), e.g.
     *                       {@code fsync=off} for throwaway test databases
     */
    public record Embedded(Path dataDirectory, int port, Map<String, String> serverSettings) implements Location {
        public Embedded {
            Objects.requireNonNull(dataDirectory, "dataDirectory");
            serverSettings = Map.copyOf(Objects.requireNonNull(serverSettings, "serverSettings"));
            if (port != 0 && (port < 1024 || port > 65535)) {
                throw new IllegalArgumentException("embedded database port must be 0 (any) or 1024 to 65535, got "
                        + port);
            }
            dataDirectory = dataDirectory.toAbsolutePath().normalize();
        }

        /** The data directory used when none is configured: {@code ~/.matchwave/pgdata}. */
        public static Path defaultDataDirectory() {
            return Path.of(System.getProperty("user.home"), ".matchwave", "pgdata");
        }
    }

    /**
     * A PostgreSQL server run by someone else.
     *
     * @param jdbcUrl  {@code jdbc:postgresql://host[:port]/database[?options]}
     * @param user     the user to log in as
     * @param password the password; may be empty (trust or peer authentication)
     */
    public record Server(String jdbcUrl, String user, String password) implements Location {
        public Server {
            Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
            if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("database URL must start with jdbc:postgresql:, got '"
                        + jdbcUrl + "'");
            }
            if (user.isBlank()) {
                throw new IllegalArgumentException("database user must not be blank when a URL is set");
            }
        }

        /** The password is left out, so the config can be logged. */
        @Override
        public String toString() {
            return "Server[jdbcUrl=" + jdbcUrl + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "***")
                    + "]";
        }
    }

    /** The embedded database in {@code ~/.matchwave/pgdata}, any free port. */
    public static DatabaseConfig embedded() {
        return embedded(Embedded.defaultDataDirectory());
    }

    /** The embedded database in {@code dataDirectory}, any free port. */
    public static DatabaseConfig embedded(Path dataDirectory) {
        return new DatabaseConfig(new Embedded(dataDirectory, 0, Map.of()), DEFAULT_POOL_SIZE,
                DEFAULT_CONNECTION_TIMEOUT);
    }

    /** A real server. */
    public static DatabaseConfig server(String jdbcUrl, String user, String password) {
        return new DatabaseConfig(new Server(jdbcUrl, user, password), DEFAULT_POOL_SIZE, DEFAULT_CONNECTION_TIMEOUT);
    }

    public DatabaseConfig withPoolSize(int size) {
        return new DatabaseConfig(location, size, connectionTimeout);
    }

    public DatabaseConfig withConnectionTimeout(Duration timeout) {
        return new DatabaseConfig(location, poolSize, timeout);
    }

    public DatabaseConfig withLocation(Location newLocation) {
        return new DatabaseConfig(newLocation, poolSize, connectionTimeout);
    }

    /** The config from the process environment (see the table above). */
    public static DatabaseConfig fromEnvironment() {
        return fromSettings(System.getenv());
    }

    /** The config from properties named {@code matchwave.db.*} (see the table above). */
    public static DatabaseConfig fromProperties(Properties properties) {
        Map<String, String> settings = new TreeMap<>();
        for (String name : properties.stringPropertyNames()) {
            settings.put(name, properties.getProperty(name));
        }
        return fromSettings(settings);
    }

    /**
     * The config from settings named either way of the table above ({@code MATCHWAVE_DB_URL} or
     * {@code matchwave.db.url}); other keys are ignored, blank values count as unset.
     *
     * @throws IllegalArgumentException naming the setting, when a value is invalid
     */
    public static DatabaseConfig fromSettings(Map<String, String> settings) {
        Objects.requireNonNull(settings, "settings");
        Function<String, Optional<String>> get = name -> {
            String value = settings.get(name);
            if (value == null) {
                value = settings.get(propertyName(name));
            }
            return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
        };
        int poolSize = get.apply(POOL_SIZE).map(v -> parseInt(POOL_SIZE, v)).orElse(DEFAULT_POOL_SIZE);
        Optional<String> url = get.apply(URL);
        Location location;
        if (url.isPresent()) {
            String user = get.apply(USER).orElseThrow(() -> new IllegalArgumentException(
                    USER + " is required when " + URL + " is set"));
            location = named(URL, () -> new Server(url.get(), user, get.apply(PASSWORD).orElse("")));
        } else {
            Path dir = get.apply(DATA_DIR).map(v -> named(DATA_DIR, () -> Path.of(v)))
                    .orElseGet(Embedded::defaultDataDirectory);
            int port = get.apply(PORT).map(v -> parseInt(PORT, v)).orElse(0);
            location = named(PORT, () -> new Embedded(dir, port, Map.of()));
        }
        return named(POOL_SIZE, () -> new DatabaseConfig(location, poolSize, DEFAULT_CONNECTION_TIMEOUT));
    }

    /** {@code MATCHWAVE_DB_DATA_DIR} -> {@code matchwave.db.data-dir}. */
    static String propertyName(String environmentName) {
        return environmentName.toLowerCase(java.util.Locale.ROOT).replaceFirst("^matchwave_db_", "matchwave.db.")
                .replace('_', '-');
    }

    private static int parseInt(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'");
        }
    }

    private static <T> T named(String name, java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(name)) {
                throw e;
            }
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }
}
