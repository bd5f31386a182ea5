package dev.matchwave.bot.config;

import dev.matchwave.matchmaking.ladder.penalty.NoShowRules;
import dev.matchwave.matchmaking.ladder.roles.RankRoles;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything the bot needs to know at start, validated. Build one with
 * {@link BotConfigLoader}, which names a bad setting and where it came from; this constructor
 * checks the same invariants again, naming the field.
 *
 * <p>Immutable and thread-safe. {@link #toString()} never shows the token or a password.
 *
 * @param discordToken      the bot token; empty means no Discord: the offline demo
 * @param discordApiUrl     a Discord-compatible REST base URL (a local emulator); empty: Discord
 * @param discordGatewayUrl a Discord-compatible gateway URL; present exactly when
 *                          {@code discordApiUrl} is
 * @param database          where the data lives
 * @param adminIds          Discord user ids allowed to use {@code /admin}; may be empty
 * @param waveInterval      time between two waves, whole seconds within
 *                          [{@link #MIN_WAVE_INTERVAL}, {@link #MAX_WAVE_INTERVAL}]
 * @param rules             the name of the rule set
 * @param guildId           the guild to register the commands in; empty: global commands
 * @param httpPort          the localhost port of /health and /metrics; empty: no endpoint
 * @param queueStore        where the queue is kept; default {@link QueueStoreSettings#POSTGRES}
 * @param noShow            the no-show penalty's rules; empty: no penalty; default
 *                          {@link NoShowRules#REFERENCE}
 * @param web               the public web pages (docs/web.md); empty: none (the default)
 * @param rankRoles         the rank roles of each guild (by guild id); empty: no rank roles
 */
public record BotConfig(
        Optional<String> discordToken,
        Optional<URI> discordApiUrl,
        Optional<URI> discordGatewayUrl,
        DatabaseSettings database,
        Set<Long> adminIds,
        Duration waveInterval,
        String rules,
        OptionalLong guildId,
        OptionalInt httpPort,
        QueueStoreSettings queueStore,
        Optional<NoShowRules> noShow,
        Optional<WebSettings> web,
        Map<Long, RankRoles> rankRoles) {

    /** The public ladder's wave interval (docs/reference-ladder.md: one wave every 45 s). */
    public static final Duration DEFAULT_WAVE_INTERVAL = Duration.ofSeconds(45);
    public static final Duration MIN_WAVE_INTERVAL = Duration.ofSeconds(1);
    public static final Duration MAX_WAVE_INTERVAL = Duration.ofHours(1);
    public static final String DEFAULT_RULES = "evoladder";
    public static final int DEFAULT_HTTP_PORT = 8090;
    /** Where the embedded database keeps its data unless told otherwise; the same as persistence's default. */
    public static final String DEFAULT_EMBEDDED_DIR = "~/.matchwave/pgdata";

    public BotConfig {
        Objects.requireNonNull(discordToken, "discordToken");
        Objects.requireNonNull(discordApiUrl, "discordApiUrl");
        Objects.requireNonNull(discordGatewayUrl, "discordGatewayUrl");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(waveInterval, "waveInterval");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(guildId, "guildId");
        Objects.requireNonNull(httpPort, "httpPort");
        Objects.requireNonNull(queueStore, "queueStore");
        Objects.requireNonNull(noShow, "noShow");
        Objects.requireNonNull(web, "web");
        rankRoles = Map.copyOf(Objects.requireNonNull(rankRoles, "rankRoles"));
        for (long guild : rankRoles.keySet()) {
            if (guild <= 0) {
                throw new IllegalArgumentException("rankRoles: guild ids must be positive Discord ids, got " + guild);
            }
        }
        adminIds = Set.copyOf(Objects.requireNonNull(adminIds, "adminIds"));
        discordToken.ifPresent(token -> {
            if (token.isBlank() || token.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("discordToken must be non-blank without whitespace");
            }
        });
        if (discordApiUrl.isPresent() != discordGatewayUrl.isPresent()) {
            throw new IllegalArgumentException("discordApiUrl and discordGatewayUrl go together: set both or neither");
        }
        discordApiUrl.ifPresent(url -> requireScheme("discordApiUrl", url, "http", "https"));
        discordGatewayUrl.ifPresent(url -> requireScheme("discordGatewayUrl", url, "ws", "wss"));
        for (long id : adminIds) {
            if (id <= 0) {
                throw new IllegalArgumentException("adminIds must be positive Discord ids, got " + id);
            }
        }
        if (waveInterval.compareTo(MIN_WAVE_INTERVAL) < 0 || waveInterval.compareTo(MAX_WAVE_INTERVAL) > 0
                || waveInterval.toNanosPart() != 0) {
            throw new IllegalArgumentException("waveInterval must be whole seconds from "
                    + MIN_WAVE_INTERVAL.toSeconds() + " to " + MAX_WAVE_INTERVAL.toSeconds() + ", got " + waveInterval);
        }
        if (rules.isBlank()) {
            throw new IllegalArgumentException("rules must not be blank");
        }
        guildId.ifPresent(id -> {
            if (id <= 0) {
                throw new IllegalArgumentException("guildId must be a positive Discord id, got " + id);
            }
        });
        httpPort.ifPresent(port -> {
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("httpPort must be from 1 to 65535, got " + port);
            }
        });
    }

    /** A configuration without web pages and without rank roles. */
    public BotConfig(Optional<String> discordToken, Optional<URI> discordApiUrl, Optional<URI> discordGatewayUrl,
                     DatabaseSettings database, Set<Long> adminIds, Duration waveInterval, String rules,
                     OptionalLong guildId, OptionalInt httpPort, QueueStoreSettings queueStore,
                     Optional<NoShowRules> noShow) {
        this(discordToken, discordApiUrl, discordGatewayUrl, database, adminIds, waveInterval, rules, guildId,
                httpPort, queueStore, noShow, Optional.empty(), Map.of());
    }

    /** A configuration with the reference no-show penalty. */
    public BotConfig(Optional<String> discordToken, Optional<URI> discordApiUrl, Optional<URI> discordGatewayUrl,
                     DatabaseSettings database, Set<Long> adminIds, Duration waveInterval, String rules,
                     OptionalLong guildId, OptionalInt httpPort, QueueStoreSettings queueStore) {
        this(discordToken, discordApiUrl, discordGatewayUrl, database, adminIds, waveInterval, rules, guildId,
                httpPort, queueStore, Optional.of(NoShowRules.REFERENCE));
    }

    /** A configuration with the queue in the ladder's PostgreSQL. */
    public BotConfig(Optional<String> discordToken, Optional<URI> discordApiUrl, Optional<URI> discordGatewayUrl,
                     DatabaseSettings database, Set<Long> adminIds, Duration waveInterval, String rules,
                     OptionalLong guildId, OptionalInt httpPort) {
        this(discordToken, discordApiUrl, discordGatewayUrl, database, adminIds, waveInterval, rules, guildId,
                httpPort, QueueStoreSettings.POSTGRES);
    }

    /** The same configuration with the queue kept in {@code store}. */
    public BotConfig withQueueStore(QueueStoreSettings store) {
        return new BotConfig(discordToken, discordApiUrl, discordGatewayUrl, database, adminIds, waveInterval, rules,
                guildId, httpPort, store, noShow, web, rankRoles);
    }

    /** The same configuration with this no-show penalty (empty: none). */
    public BotConfig withNoShow(Optional<NoShowRules> rules) {
        return new BotConfig(discordToken, discordApiUrl, discordGatewayUrl, database, adminIds, waveInterval,
                this.rules, guildId, httpPort, queueStore, rules, web, rankRoles);
    }

    /** The same configuration with these web pages (empty: none). */
    public BotConfig withWeb(Optional<WebSettings> settings) {
        return new BotConfig(discordToken, discordApiUrl, discordGatewayUrl, database, adminIds, waveInterval, rules,
                guildId, httpPort, queueStore, noShow, settings, rankRoles);
    }

    /** The same configuration with these rank roles, by guild id (empty: none). */
    public BotConfig withRankRoles(Map<Long, RankRoles> roles) {
        return new BotConfig(discordToken, discordApiUrl, discordGatewayUrl, database, adminIds, waveInterval,
                rules, guildId, httpPort, queueStore, noShow, web, roles);
    }

    /** The configuration with every default: no token, embedded database, no admins. */
    public static BotConfig defaults() {
        return new BotConfig(Optional.empty(), Optional.empty(), Optional.empty(),
                new DatabaseSettings.Embedded(defaultEmbeddedDirectory()), Set.of(), DEFAULT_WAVE_INTERVAL,
                DEFAULT_RULES, OptionalLong.empty(), OptionalInt.of(DEFAULT_HTTP_PORT));
    }

    /** Whether this Discord user may use {@code /admin}. */
    public boolean isAdmin(long userId) {
        return adminIds.contains(userId);
    }

    /** Whether the bot connects to Discord (or an emulator) at all. */
    public boolean online() {
        return discordToken.isPresent();
    }

    private static void requireScheme(String field, URI url, String... schemes) {
        String scheme = url.getScheme();
        for (String allowed : schemes) {
            if (allowed.equalsIgnoreCase(scheme) && url.getHost() != null) {
                return;
            }
        }
        throw new IllegalArgumentException(field + " must be an absolute " + String.join(" or ", schemes)
                + " URL with a host, got " + url);
    }

    @Override
    public String toString() {
        return "BotConfig[discordToken=" + (discordToken.isPresent() ? "(set)" : "(none: offline demo)")
                + ", discordApiUrl=" + discordApiUrl.map(URI::toString).orElse("(Discord)")
                + ", discordGatewayUrl=" + discordGatewayUrl.map(URI::toString).orElse("(Discord)")
                + ", database=" + database
                + ", adminIds=" + new TreeSet<>(adminIds)
                + ", waveInterval=" + waveInterval.toSeconds() + "s"
                + ", rules=" + rules
                + ", guildId=" + (guildId.isPresent() ? Long.toString(guildId.getAsLong()) : "(global commands)")
                + ", httpPort=" + (httpPort.isPresent() ? Integer.toString(httpPort.getAsInt()) : "(off)")
                + ", queueStore=" + queueStore
                + ", noShow=" + noShow.map(NoShowRules::spec).orElse("off")
                + ", web=" + web.map(w -> w.bindAddress() + ":" + w.port()
                        + (w.publishIdentities() ? " (identities published)" : "")).orElse("(off)")
                + ", rankRoles=" + (rankRoles.isEmpty() ? "(off)" : new java.util.TreeMap<>(rankRoles).entrySet().stream()
                        .map(e -> e.getKey() + ":" + e.getValue().roleByLetter()).toList()) + "]";
    }

    /** {@link #DEFAULT_EMBEDDED_DIR} under this user's home. */
    public static Path defaultEmbeddedDirectory() {
        return Path.of(System.getProperty("user.home"), ".matchwave", "pgdata");
    }
}
