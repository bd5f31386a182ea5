package dev.matchwave.bot.config;

import dev.matchwave.matchmaking.ladder.penalty.NoShowRules;
import dev.matchwave.matchmaking.ladder.rank.LeaderboardRules;
import dev.matchwave.matchmaking.ladder.roles.RankRoles;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a {@link BotConfig} from environment variables and an optional properties file.
 *
 * <p>The file comes from {@code --config FILE} (or {@code --config=FILE}), else from the
 * environment variable {@value #CONFIG_VARIABLE}. For each {@link Setting} an environment
 * variable wins over the file's key, and the file wins over the default. A value that is empty
 * or blank counts as not set. Every problem found is reported, each as one line naming the
 * setting, its source, what is wrong and what is expected (see {@link ConfigException}); a
 * secret's value is never repeated.
 *
 * <p>Immutable and thread-safe; {@link #load} reads the file, nothing else blocks.
 */
public final class BotConfigLoader {

    /** The environment variable naming the properties file. */
    public static final String CONFIG_VARIABLE = "MATCHWAVE_CONFIG";

    /** The rule sets of docs/architecture.md, until the rules registry can be asked. */
    public static final Set<String> KNOWN_RULES = Set.of("evoladder", "single", "fifo");

    private static final String CONFIG_OPTION = "--config";

    private final Set<String> knownRules;

    /** A loader that accepts the given rule set names in {@link Setting#RULES}. */
    public BotConfigLoader(Set<String> knownRules) {
        this.knownRules = Set.copyOf(new TreeSet<>(knownRules));
        if (this.knownRules.isEmpty()) {
            throw new IllegalArgumentException("knownRules must not be empty");
        }
    }

    /** A loader that accepts {@link #KNOWN_RULES}. */
    public BotConfigLoader() {
        this(KNOWN_RULES);
    }

    /**
     * Reads the configuration for a command line.
     *
     * @param args        the bot's arguments: nothing, or {@code --config FILE}
     * @param environment the process environment (tests pass a map)
     * @throws ConfigException naming every bad argument or setting, one line each
     */
    public BotConfig load(List<String> args, Map<String, String> environment) {
        return loadFrom(args.isEmpty() ? namedByEnvironment(environment) : Optional.of(parseArguments(args)),
                environment);
    }

    /**
     * Reads the configuration for a command line that has already read its {@code --config} option.
     *
     * @param configOption the value of {@code --config}; empty: the file {@value #CONFIG_VARIABLE}
     *                     names, if any
     * @param environment  the process environment (tests pass a map)
     * @throws ConfigException naming every bad setting, one line each
     */
    public BotConfig loadWithOption(Optional<Path> configOption, Map<String, String> environment) {
        return loadFrom(configOption.isPresent()
                ? Optional.of(new ConfigFile(configOption.get(), "option " + CONFIG_OPTION))
                : namedByEnvironment(environment), environment);
    }

    private static Optional<ConfigFile> namedByEnvironment(Map<String, String> environment) {
        return Optional.ofNullable(environment.get(CONFIG_VARIABLE))
                .filter(path -> !path.isBlank())
                .map(path -> new ConfigFile(configPath(path), "environment variable " + CONFIG_VARIABLE));
    }

    /**
     * Reads the configuration from the environment and, if given, a properties file.
     *
     * @throws ConfigException naming every bad setting, one line each
     */
    public BotConfig load(Optional<Path> file, Map<String, String> environment) {
        return loadFrom(file.map(path -> new ConfigFile(path, "the given configuration file")), environment);
    }

    private BotConfig loadFrom(Optional<ConfigFile> file, Map<String, String> environment) {
        Objects.requireNonNull(environment, "environment");
        List<String> problems = new ArrayList<>();
        Properties properties = new Properties();
        Optional<Path> path = Optional.empty();
        if (file.isPresent()) {
            path = Optional.of(file.get().path());
            readFile(file.get(), properties, problems);
        }
        Sources sources = new Sources(environment, properties, path);
        BotConfig config = parse(sources, problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return config;
    }

    private static ConfigFile parseArguments(List<String> args) {
        String first = args.get(0);
        if (first.equals(CONFIG_OPTION)) {
            if (args.size() < 2 || args.get(1).isBlank()) {
                throw new ConfigException(List.of("option " + CONFIG_OPTION
                        + " needs a value; expected " + CONFIG_OPTION + " FILE, a properties file"));
            }
            requireNoMore(args, 2);
            return new ConfigFile(configPath(args.get(1)), "option " + CONFIG_OPTION);
        }
        if (first.startsWith(CONFIG_OPTION + "=")) {
            String value = first.substring(CONFIG_OPTION.length() + 1);
            if (value.isBlank()) {
                throw new ConfigException(List.of("option " + CONFIG_OPTION
                        + " needs a value; expected " + CONFIG_OPTION + " FILE, a properties file"));
            }
            requireNoMore(args, 1);
            return new ConfigFile(configPath(value), "option " + CONFIG_OPTION);
        }
        throw new ConfigException(List.of("unknown argument '" + Value.shown(first) + "'; expected nothing or "
                + CONFIG_OPTION + " FILE (the other settings come from environment variables or that file)"));
    }

    private static Path configPath(String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new ConfigException(List.of("configuration file '" + Value.shown(text) + "' is not a valid path ("
                    + e.getReason() + "); expected a properties file"));
        }
    }

    private static void requireNoMore(List<String> args, int used) {
        if (args.size() > used) {
            throw new ConfigException(List.of("unexpected argument '" + Value.shown(args.get(used)) + "' after "
                    + String.join(" ", args.subList(0, used)) + "; expected nothing more"));
        }
    }

    private static void readFile(ConfigFile file, Properties into, List<String> problems) {
        String where = "configuration file " + Value.shown(file.path().toString()) + " (from " + file.origin() + ")";
        try (Reader reader = Files.newBufferedReader(file.path(), StandardCharsets.UTF_8)) {
            into.load(reader);
        } catch (NoSuchFileException e) {
            problems.add(where + " does not exist; expected a readable properties file");
            return;
        } catch (CharacterCodingException e) {
            problems.add(where + " is not UTF-8 text; expected a properties file in UTF-8");
            return;
        } catch (IOException e) {
            problems.add(where + " cannot be read (" + e.getMessage() + "); expected a readable properties file");
            return;
        } catch (IllegalArgumentException e) {
            // Properties.load's answer to a malformed \\uXXXX escape.
            problems.add(where + " is not a valid properties file (" + e.getMessage() + ")");
            return;
        }
        for (String key : new TreeSet<>(into.stringPropertyNames())) {
            if (Setting.byPropertyKey(key).isEmpty()) {
                String hint = Setting.byEnvironmentVariable(key)
                        .map(s -> "; did you mean " + s.propertyKey() + "? (the file uses keys, the environment uses "
                                + s.environmentVariable() + ")")
                        .orElse("; known keys: " + String.join(", ",
                                Arrays.stream(Setting.values()).map(Setting::propertyKey).toList()));
                problems.add("unknown key '" + Value.shown(key) + "' in " + file.path() + hint);
            }
        }
    }

    private BotConfig parse(Sources sources, List<String> problems) {
        BotConfig defaults = BotConfig.defaults();

        Optional<String> token = sources.value(Setting.DISCORD_TOKEN).flatMap(v -> parseToken(v, problems));

        Optional<Value> apiValue = sources.value(Setting.DISCORD_API_URL);
        Optional<Value> gatewayValue = sources.value(Setting.DISCORD_GATEWAY_URL);
        Optional<URI> apiUrl = apiValue.flatMap(v -> parseUrl(v, Set.of("http", "https"), problems));
        Optional<URI> gatewayUrl = gatewayValue.flatMap(v -> parseUrl(v, Set.of("ws", "wss"), problems));
        if (apiValue.isPresent() != gatewayValue.isPresent()) {
            Value set = apiValue.orElseGet(gatewayValue::orElseThrow);
            Setting missing = apiValue.isPresent() ? Setting.DISCORD_GATEWAY_URL : Setting.DISCORD_API_URL;
            problems.add(set.describe() + ": needs " + sources.nameOf(missing)
                    + " too, which is not set; expected both URLs of a local Discord, or neither");
        }

        DatabaseSettings database = parseDatabase(sources, problems, defaults.database());

        Set<Long> adminIds = sources.value(Setting.ADMIN_IDS)
                .map(v -> parseAdminIds(v, problems)).orElse(defaults.adminIds());

        Duration waveInterval = sources.value(Setting.WAVE_INTERVAL)
                .flatMap(v -> parseWaveInterval(v, problems)).orElse(defaults.waveInterval());

        String rules = sources.value(Setting.RULES).flatMap(v -> parseRules(v, problems)).orElse(defaults.rules());

        OptionalLong guildId = sources.value(Setting.GUILD_ID)
                .flatMap(v -> parseSnowflake(v.text().strip()).or(() -> {
                    problems.add(v.problem("not a Discord id"));
                    return Optional.empty();
                }))
                .map(OptionalLong::of).orElse(OptionalLong.empty());

        OptionalInt httpPort = sources.value(Setting.HTTP_PORT)
                .map(v -> parsePort(v, problems)).orElse(defaults.httpPort());

        QueueStoreSettings queueStore = sources.value(Setting.QUEUE_STORE)
                .flatMap(v -> parseQueueStore(v, problems)).orElse(defaults.queueStore());

        Optional<NoShowRules> noShow = sources.value(Setting.NO_SHOW)
                .map(v -> parseNoShow(v, problems)).orElse(defaults.noShow());

        Optional<WebSettings> web = parseWeb(sources, problems);
        Map<Long, RankRoles> rankRoles = sources.value(Setting.RANK_ROLES)
                .map(v -> parseRankRoles(v, problems)).orElse(defaults.rankRoles());

        if (!problems.isEmpty()) {
            return defaults;
        }
        return new BotConfig(token, apiUrl, gatewayUrl, database, adminIds, waveInterval, rules, guildId, httpPort,
                queueStore, noShow, web, rankRoles);
    }

    /** The web pages: on when the port is set; the other two settings need it. */
    private static Optional<WebSettings> parseWeb(Sources sources, List<String> problems) {
        OptionalInt port = sources.value(Setting.WEB_PORT).map(v -> parsePort(v, problems)).orElse(OptionalInt.empty());
        Optional<Value> bind = sources.value(Setting.WEB_BIND);
        Optional<Value> publish = sources.value(Setting.WEB_PUBLISH_IDS);
        boolean publishIds = false;
        if (publish.isPresent()) {
            String text = publish.get().text().strip();
            if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                publishIds = Boolean.parseBoolean(text.toLowerCase(java.util.Locale.ROOT));
            } else {
                problems.add(publish.get().problem("expected true or false"));
            }
        }
        String address = WebSettings.DEFAULT_BIND_ADDRESS;
        if (bind.isPresent()) {
            address = bind.get().text().strip();
            if (address.isEmpty() || address.chars().anyMatch(Character::isWhitespace)) {
                problems.add(bind.get().problem("expected an address such as 0.0.0.0 or 127.0.0.1"));
            }
        }
        if (port.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new WebSettings(port.getAsInt(), address.isEmpty() ? WebSettings.DEFAULT_BIND_ADDRESS
                : address, publishIds));
    }

    /** {@code GUILD: S=ROLE, A=ROLE; GUILD2: ...}, each guild's roles checked against the reference ranks. */
    private static Map<Long, RankRoles> parseRankRoles(Value value, List<String> problems) {
        Map<Long, RankRoles> roles = new java.util.LinkedHashMap<>();
        for (String part : value.text().split(";", -1)) {
            String entry = part.strip();
            if (entry.isEmpty()) {
                problems.add(value.problem("has an empty guild entry between semicolons"));
                return Map.of();
            }
            int colon = entry.indexOf(':');
            if (colon < 0) {
                problems.add(value.problem("'" + Value.shown(entry) + "' names no guild (GUILD_ID: LETTER=ROLE_ID, ...)"));
                return Map.of();
            }
            String guildText = entry.substring(0, colon).strip();
            Optional<Long> guild = parseSnowflake(guildText);
            if (guild.isEmpty()) {
                problems.add(value.problem("'" + Value.shown(guildText) + "' is not a guild id"));
                return Map.of();
            }
            try {
                if (roles.put(guild.get(), RankRoles.parse(LeaderboardRules.REFERENCE.ranks(),
                        entry.substring(colon + 1))) != null) {
                    problems.add(value.problem("guild " + guild.get() + " is given twice"));
                    return Map.of();
                }
            } catch (IllegalArgumentException e) {
                problems.add(value.problem("guild " + guild.get() + ": " + e.getMessage()));
                return Map.of();
            }
        }
        return roles;
    }

    private static Optional<NoShowRules> parseNoShow(Value value, List<String> problems) {
        String text = value.text().strip();
        if (text.equalsIgnoreCase("off")) {
            return Optional.empty();
        }
        try {
            return Optional.of(NoShowRules.parse(text));
        } catch (IllegalArgumentException e) {
            problems.add(value.problem(e.getMessage()));
            return Optional.empty();
        }
    }

    private static Optional<QueueStoreSettings> parseQueueStore(Value value, List<String> problems) {
        String text = value.text().strip();
        if (text.equalsIgnoreCase("postgres")) {
            return Optional.of(QueueStoreSettings.POSTGRES);
        }
        if (!text.regionMatches(true, 0, QueueStoreSettings.Redis.SCHEME, 0, QueueStoreSettings.Redis.SCHEME.length())) {
            problems.add(value.problem("neither postgres nor a redis:// URL"));
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            problems.add(value.problem("not a URL (" + e.getReason() + ")"));
            return Optional.empty();
        }
        if (uri.getHost() == null || uri.getPort() < 1 || uri.getPort() > 65_535) {
            problems.add(value.problem("needs a host and a port from 1 to 65535"));
            return Optional.empty();
        }
        return Optional.of(new QueueStoreSettings.Redis(uri.getHost(), uri.getPort(),
                QueueStoreSettings.Redis.DEFAULT_PREFIX));
    }

    private static Optional<String> parseToken(Value value, List<String> problems) {
        String token = value.text().strip();
        if (token.regionMatches(true, 0, "Bot ", 0, 4)) {
            problems.add(value.problem("starts with 'Bot '; give the token alone, without the prefix"));
            return Optional.empty();
        }
        if (token.chars().anyMatch(Character::isWhitespace)) {
            problems.add(value.problem("contains whitespace (a copy-and-paste accident?)"));
            return Optional.empty();
        }
        return Optional.of(token);
    }

    private static Optional<URI> parseUrl(Value value, Set<String> schemes, List<String> problems) {
        URI uri;
        try {
            uri = new URI(value.text().strip());
        } catch (URISyntaxException e) {
            problems.add(value.problem("not a URL (" + e.getReason() + ")"));
            return Optional.empty();
        }
        String scheme = uri.getScheme();
        if (scheme == null || !schemes.contains(scheme.toLowerCase(Locale.ROOT))) {
            problems.add(value.problem("scheme must be " + String.join(" or ", new TreeSet<>(schemes))));
            return Optional.empty();
        }
        if (uri.getHost() == null) {
            problems.add(value.problem("has no host"));
            return Optional.empty();
        }
        return Optional.of(uri);
    }

    private static DatabaseSettings parseDatabase(Sources sources, List<String> problems, DatabaseSettings fallback) {
        Optional<Value> url = sources.value(Setting.DB_URL);
        Optional<Value> user = sources.value(Setting.DB_USER);
        Optional<Value> password = sources.value(Setting.DB_PASSWORD);
        Optional<Value> dir = sources.value(Setting.DB_DIR);
        if (url.isEmpty()) {
            for (Optional<Value> serverOnly : List.of(user, password)) {
                serverOnly.ifPresent(v -> problems.add(v.describe() + ": needs "
                        + sources.nameOf(Setting.DB_URL) + ", which is not set; expected a server URL too, "
                        + "or neither (the embedded database needs no user)"));
            }
            return dir.flatMap(v -> parsePath(v, problems)).<DatabaseSettings>map(DatabaseSettings.Embedded::new)
                    .orElse(fallback);
        }
        dir.ifPresent(v -> problems.add(v.describe() + ": is for the embedded database, but "
                + url.get().describe() + " asks for a server; expected one of the two"));
        String text = url.get().text().strip();
        if (!text.startsWith(DatabaseSettings.Server.SCHEME) || text.length() == DatabaseSettings.Server.SCHEME.length()) {
            problems.add(url.get().problem("not a PostgreSQL JDBC URL"));
            return fallback;
        }
        // A password may contain spaces on purpose: it is taken as written.
        return new DatabaseSettings.Server(text, user.map(v -> v.text().strip()), password.map(Value::text));
    }

    private static Optional<Path> parsePath(Value value, List<String> problems) {
        try {
            return Optional.of(Path.of(value.text().strip()));
        } catch (InvalidPathException e) {
            problems.add(value.problem("not a valid path (" + e.getReason() + ")"));
            return Optional.empty();
        }
    }

    private static Set<Long> parseAdminIds(Value value, List<String> problems) {
        Set<Long> ids = new LinkedHashSet<>();
        String[] parts = value.text().split(",", -1);
        for (String part : parts) {
            String id = part.strip();
            if (id.isEmpty()) {
                problems.add(value.problem("has an empty entry between commas"));
                return Set.of();
            }
            Optional<Long> parsed = parseSnowflake(id);
            if (parsed.isEmpty()) {
                problems.add(value.problem("'" + Value.shown(id) + "' is not a Discord user id"));
                return Set.of();
            }
            ids.add(parsed.get());
        }
        return ids;
    }

    /** A Discord id: decimal digits, positive, fits JDA's signed long. */
    private static Optional<Long> parseSnowflake(String text) {
        if (text.isEmpty() || text.length() > 19 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        try {
            long id = Long.parseLong(text);
            return id > 0 ? Optional.of(id) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> parseWaveInterval(Value value, List<String> problems) {
        String text = value.text().strip();
        long seconds;
        try {
            seconds = Long.parseLong(text);
        } catch (NumberFormatException e) {
            problems.add(value.problem("not a whole number of seconds"));
            return Optional.empty();
        }
        if (seconds < BotConfig.MIN_WAVE_INTERVAL.toSeconds() || seconds > BotConfig.MAX_WAVE_INTERVAL.toSeconds()) {
            problems.add(value.problem("out of range"));
            return Optional.empty();
        }
        return Optional.of(Duration.ofSeconds(seconds));
    }

    private Optional<String> parseRules(Value value, List<String> problems) {
        String name = value.text().strip().toLowerCase(Locale.ROOT);
        if (!knownRules.contains(name)) {
            problems.add(value.problem("no such rule set (known: " + String.join(", ", new TreeSet<>(knownRules)) + ")"));
            return Optional.empty();
        }
        return Optional.of(name);
    }

    private static OptionalInt parsePort(Value value, List<String> problems) {
        String text = value.text().strip();
        if (text.equalsIgnoreCase("off")) {
            return OptionalInt.empty();
        }
        int port;
        try {
            port = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            problems.add(value.problem("not a port number"));
            return OptionalInt.empty();
        }
        if (port == 0) {
            return OptionalInt.empty();
        }
        if (port < 0 || port > 65_535) {
            problems.add(value.problem("out of range"));
            return OptionalInt.empty();
        }
        return OptionalInt.of(port);
    }

    private record ConfigFile(Path path, String origin) {}

    /** Where the values come from, in order of precedence. */
    private record Sources(Map<String, String> environment, Properties file, Optional<Path> filePath) {

        Optional<Value> value(Setting setting) {
            String fromEnvironment = environment.get(setting.environmentVariable());
            if (fromEnvironment != null && !fromEnvironment.isBlank()) {
                return Optional.of(new Value(setting, fromEnvironment,
                        setting.environmentVariable() + " (environment variable)"));
            }
            String fromFile = file.getProperty(setting.propertyKey());
            if (fromFile != null && !fromFile.isBlank()) {
                return Optional.of(new Value(setting, fromFile,
                        setting.propertyKey() + " (in " + filePath.orElseThrow() + ")"));
            }
            return Optional.empty();
        }

        /** How a setting that is not set would be named: both names when a file is in use. */
        String nameOf(Setting setting) {
            return filePath.isPresent()
                    ? setting.environmentVariable() + " / " + setting.propertyKey()
                    : setting.environmentVariable();
        }
    }

    /** One raw value and where it came from. */
    private record Value(Setting setting, String text, String origin) {

        /** "setting NAME (source) = "value"", without the value for a secret. */
        String describe() {
            return setting.secret()
                    ? "setting " + origin
                    : "setting " + origin + " = \"" + shown(text) + "\"";
        }

        /** The value on one line: control characters escaped, a long value cut. */
        static String shown(String text) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < text.length() && out.length() < 80; i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    case '"' -> out.append("\\\"");
                    default -> {
                        if (Character.isISOControl(c)) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            return out.length() >= 80 && text.length() > 80 ? out + "..." : out.toString();
        }

        /** One line: which setting, from where, what is wrong, what is expected. */
        String problem(String whatIsWrong) {
            return describe() + ": " + whatIsWrong + "; expected " + setting.expected();
        }
    }
}
