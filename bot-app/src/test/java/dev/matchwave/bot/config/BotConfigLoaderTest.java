package dev.matchwave.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BotConfigLoaderTest {

    private final BotConfigLoader loader = new BotConfigLoader();

    @TempDir
    Path dir;

    private BotConfig fromEnv(String... pairs) {
        return loader.load(List.of(), env(pairs));
    }

    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    /** The single problem reported for this environment. */
    private String problemWith(String... pairs) {
        return problemsWith(pairs).get(0);
    }

    private List<String> problemsWith(String... pairs) {
        try {
            BotConfig config = fromEnv(pairs);
            throw new AssertionError("expected a ConfigException, got " + config);
        } catch (ConfigException e) {
            assertThat(e.problems()).allSatisfy(line -> assertThat(line).doesNotContain("\n", "\r"));
            assertThat(e.getMessage()).isEqualTo(String.join(System.lineSeparator(), e.problems()));
            return e.problems();
        }
    }

    private Path file(String content) throws IOException {
        Path file = dir.resolve("bot.properties");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void nothingSetGivesTheDefaults() {
        BotConfig config = fromEnv();
        assertThat(config).isEqualTo(BotConfig.defaults());
        assertThat(config.online()).isFalse();
        assertThat(config.database()).isEqualTo(new DatabaseSettings.Embedded(BotConfig.defaultEmbeddedDirectory()));
        assertThat(config.waveInterval()).isEqualTo(Duration.ofSeconds(45));
        assertThat(config.rules()).isEqualTo("evoladder");
        assertThat(config.httpPort()).hasValue(8090);
        assertThat(config.guildId()).isEmpty();
        assertThat(config.adminIds()).isEmpty();
    }

    @Test
    void everySettingFromTheEnvironment() {
        BotConfig config = fromEnv(
                "DISCORD_TOKEN", "abc.def.ghi",
                "MATCHWAVE_DISCORD_API_URL", "http://127.0.0.1:8900/api/v10/",
                "MATCHWAVE_DISCORD_GATEWAY_URL", "ws://127.0.0.1:8900/",
                "MATCHWAVE_DB_URL", "jdbc:postgresql://db:5432/ladder",
                "MATCHWAVE_DB_USER", "ladder",
                "MATCHWAVE_DB_PASSWORD", "s3cret pass",
                "MATCHWAVE_ADMIN_IDS", " 123456789012345678, 42 ",
                "MATCHWAVE_WAVE_INTERVAL", "30",
                "MATCHWAVE_RULES", "FIFO",
                "MATCHWAVE_GUILD_ID", "987654321098765432",
                "MATCHWAVE_HTTP_PORT", "9100");
        assertThat(config.discordToken()).hasValue("abc.def.ghi");
        assertThat(config.discordApiUrl()).hasValue(URI.create("http://127.0.0.1:8900/api/v10/"));
        assertThat(config.discordGatewayUrl()).hasValue(URI.create("ws://127.0.0.1:8900/"));
        assertThat(config.database()).isEqualTo(new DatabaseSettings.Server("jdbc:postgresql://db:5432/ladder",
                Optional.of("ladder"), Optional.of("s3cret pass")));
        assertThat(config.adminIds()).containsExactlyInAnyOrder(123456789012345678L, 42L);
        assertThat(config.isAdmin(42)).isTrue();
        assertThat(config.isAdmin(43)).isFalse();
        assertThat(config.waveInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.rules()).isEqualTo("fifo");
        assertThat(config.guildId()).hasValue(987654321098765432L);
        assertThat(config.httpPort()).hasValue(9100);
        assertThat(config.online()).isTrue();
    }

    @Test
    void toStringHidesTheTokenAndThePasswords() {
        BotConfig config = fromEnv("DISCORD_TOKEN", "tok.en.value",
                "MATCHWAVE_DB_URL", "jdbc:postgresql://db/ladder?password=inurl",
                "MATCHWAVE_DB_PASSWORD", "hunter2");
        assertThat(config.toString()).doesNotContain("tok.en.value", "hunter2", "inurl").contains("(set)");
    }

    @Test
    void blankValuesCountAsUnset() {
        assertThat(fromEnv("DISCORD_TOKEN", "", "MATCHWAVE_WAVE_INTERVAL", "  ")).isEqualTo(BotConfig.defaults());
    }

    @Nested
    class NoShow {
        @Test
        void theReferenceByDefault() {
            assertThat(fromEnv().noShow()).contains(dev.matchwave.matchmaking.ladder.penalty.NoShowRules.REFERENCE);
        }

        @Test
        void offAndAnotherRule() {
            assertThat(fromEnv("MATCHWAVE_NO_SHOW", "OFF").noShow()).isEmpty();
            assertThat(fromEnv("MATCHWAVE_NO_SHOW", " 2/12h/15m/x1.5/2d/7d ").noShow().orElseThrow().spec())
                    .isEqualTo("2/12h/15m/x1.5/2d/7d");
        }

        @Test
        void aBadPartIsNamed() {
            assertThat(problemWith("MATCHWAVE_NO_SHOW", "3/24h/30m/x2/1m/30d"))
                    .startsWith("setting MATCHWAVE_NO_SHOW (environment variable)")
                    .contains("maxCooldown").contains("expected COUNT/WINDOW");
        }
    }

    @Nested
    class RankRoles {
        @Test
        void offByDefault() {
            assertThat(fromEnv().rankRoles()).isEmpty();
        }

        @Test
        void aRolePerLetterPerGuild() {
            BotConfig config = fromEnv("MATCHWAVE_RANK_ROLES",
                    "345678901234567890: S=111111111111111111, A=222222222222222222 ; 456789012345678901: U=333");
            assertThat(config.rankRoles()).containsOnlyKeys(345678901234567890L, 456789012345678901L);
            assertThat(config.rankRoles().get(345678901234567890L).roleByLetter())
                    .containsExactly(java.util.Map.entry("S", "111111111111111111"),
                            java.util.Map.entry("A", "222222222222222222"));
            assertThat(config.rankRoles().get(456789012345678901L).roleOf("U")).contains("333");
        }

        @Test
        void aBadMappingIsNamed() {
            assertThat(problemWith("MATCHWAVE_RANK_ROLES", "345678901234567890: S=1, Z=2"))
                    .startsWith("setting MATCHWAVE_RANK_ROLES (environment variable)")
                    .contains("guild 345678901234567890: rank roles: 'Z' is not a rank (ranks: S, A, B, C, D, E, F, U)")
                    .contains("expected GUILD_ID: LETTER=ROLE_ID");
            assertThat(problemWith("MATCHWAVE_RANK_ROLES", "S=1")).contains("'S=1' names no guild");
            assertThat(problemWith("MATCHWAVE_RANK_ROLES", "gold: S=1")).contains("'gold' is not a guild id");
            assertThat(problemWith("MATCHWAVE_RANK_ROLES", "5: S=gold")).contains("'gold' is not a role id");
            assertThat(problemWith("MATCHWAVE_RANK_ROLES", "5: S=1; 5: A=2")).contains("guild 5 is given twice");
        }
    }

    @Nested
    class Token {
        @Test
        void withWhitespace() {
            String problem = problemWith("DISCORD_TOKEN", "abc def");
            assertThat(problem).startsWith("setting DISCORD_TOKEN (environment variable): contains whitespace")
                    .contains("expected the bot token").doesNotContain("abc def");
        }

        @Test
        void withBotPrefix() {
            assertThat(problemWith("DISCORD_TOKEN", "Bot abc.def"))
                    .contains("DISCORD_TOKEN", "starts with 'Bot '").doesNotContain("abc.def");
        }
    }

    @Nested
    class DiscordUrls {
        @Test
        void apiUrlWithTheWrongScheme() {
            assertThat(problemWith("MATCHWAVE_DISCORD_API_URL", "ws://x/", "MATCHWAVE_DISCORD_GATEWAY_URL", "ws://x/"))
                    .isEqualTo("setting MATCHWAVE_DISCORD_API_URL (environment variable) = \"ws://x/\": "
                            + "scheme must be http or https; expected " + Setting.DISCORD_API_URL.expected());
        }

        @Test
        void gatewayUrlWithTheWrongScheme() {
            assertThat(problemWith("MATCHWAVE_DISCORD_API_URL", "http://x/", "MATCHWAVE_DISCORD_GATEWAY_URL", "http://x/"))
                    .contains("MATCHWAVE_DISCORD_GATEWAY_URL", "scheme must be ws or wss");
        }

        @Test
        void notAUrl() {
            assertThat(problemWith("MATCHWAVE_DISCORD_API_URL", "http://a b/", "MATCHWAVE_DISCORD_GATEWAY_URL", "ws://x/"))
                    .contains("MATCHWAVE_DISCORD_API_URL", "not a URL");
        }

        @Test
        void noHost() {
            assertThat(problemWith("MATCHWAVE_DISCORD_API_URL", "http:/path", "MATCHWAVE_DISCORD_GATEWAY_URL", "ws://x/"))
                    .contains("MATCHWAVE_DISCORD_API_URL", "has no host");
        }

        @Test
        void oneWithoutTheOther() {
            assertThat(problemWith("MATCHWAVE_DISCORD_API_URL", "http://127.0.0.1:1/"))
                    .contains("MATCHWAVE_DISCORD_API_URL", "needs MATCHWAVE_DISCORD_GATEWAY_URL too");
            assertThat(problemWith("MATCHWAVE_DISCORD_GATEWAY_URL", "ws://127.0.0.1:1/"))
                    .contains("MATCHWAVE_DISCORD_GATEWAY_URL", "needs MATCHWAVE_DISCORD_API_URL too");
        }
    }

    @Nested
    class Database {
        @Test
        void embeddedDirectory() {
            assertThat(fromEnv("MATCHWAVE_DB_DATA_DIR", "/var/lib/matchwave").database())
                    .isEqualTo(new DatabaseSettings.Embedded(Path.of("/var/lib/matchwave")));
        }

        @Test
        void notAPostgresUrl() {
            assertThat(problemWith("MATCHWAVE_DB_URL", "jdbc:mysql://db/ladder"))
                    .isEqualTo("setting MATCHWAVE_DB_URL (environment variable) = \"jdbc:mysql://db/ladder\": "
                            + "not a PostgreSQL JDBC URL; expected " + Setting.DB_URL.expected());
        }

        @Test
        void userWithoutUrl() {
            assertThat(problemWith("MATCHWAVE_DB_USER", "ladder"))
                    .contains("MATCHWAVE_DB_USER", "needs", "MATCHWAVE_DB_URL", "not set");
        }

        @Test
        void passwordWithoutUrlDoesNotShowThePassword() {
            assertThat(problemWith("MATCHWAVE_DB_PASSWORD", "hunter2"))
                    .contains("MATCHWAVE_DB_PASSWORD", "MATCHWAVE_DB_URL").doesNotContain("hunter2");
        }

        @Test
        void directoryWithAServer() {
            assertThat(problemWith("MATCHWAVE_DB_URL", "jdbc:postgresql://db/x", "MATCHWAVE_DB_DATA_DIR", "data"))
                    .contains("MATCHWAVE_DB_DATA_DIR", "embedded", "MATCHWAVE_DB_URL");
        }

        @Test
        void invalidDirectory() {
            assertThat(problemWith("MATCHWAVE_DB_DATA_DIR", "bad\0path")).contains("MATCHWAVE_DB_DATA_DIR", "not a valid path")
                    .contains("\\u0000");
        }
    }

    @Nested
    class AdminIds {
        @ParameterizedTest
        @ValueSource(strings = {"12x", "-5", "0", "1.5", "99999999999999999999", "@someone"})
        void notAnId(String id) {
            assertThat(problemWith("MATCHWAVE_ADMIN_IDS", "123," + id))
                    .startsWith("setting MATCHWAVE_ADMIN_IDS (environment variable) = \"123," + id + "\": '")
                    .contains("is not a Discord user id; expected comma-separated Discord user ids");
        }

        @Test
        void emptyEntry() {
            assertThat(problemWith("MATCHWAVE_ADMIN_IDS", "1,,2")).contains("MATCHWAVE_ADMIN_IDS", "empty entry");
        }
    }

    @Nested
    class WaveInterval {
        @ParameterizedTest
        @ValueSource(strings = {"abc", "45s", "4.5", "-1"})
        void notAWholeNumber(String value) {
            String problem = problemWith("MATCHWAVE_WAVE_INTERVAL", value);
            if (value.equals("-1")) {
                assertThat(problem).contains("out of range");
            } else {
                assertThat(problem).contains("not a whole number of seconds");
            }
            assertThat(problem).contains("MATCHWAVE_WAVE_INTERVAL", "from 1 to 3600 (default 45)");
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "3601"})
        void outOfRange(String value) {
            assertThat(problemWith("MATCHWAVE_WAVE_INTERVAL", value)).contains("out of range");
        }

        @Test
        void bounds() {
            assertThat(fromEnv("MATCHWAVE_WAVE_INTERVAL", "1").waveInterval()).isEqualTo(Duration.ofSeconds(1));
            assertThat(fromEnv("MATCHWAVE_WAVE_INTERVAL", "3600").waveInterval()).isEqualTo(Duration.ofHours(1));
        }
    }

    @Nested
    class Rules {
        @Test
        void unknown() {
            assertThat(problemWith("MATCHWAVE_RULES", "chess"))
                    .isEqualTo("setting MATCHWAVE_RULES (environment variable) = \"chess\": no such rule set "
                            + "(known: evoladder, fifo, single); expected " + Setting.RULES.expected());
        }

        @Test
        void knownRulesComeFromTheCaller() {
            BotConfig config = new BotConfigLoader(Set.of("chess")).load(List.of(), env("MATCHWAVE_RULES", "chess"));
            assertThat(config.rules()).isEqualTo("chess");
        }
    }

    @Nested
    class QueueStore {
        @Test
        void postgresByDefault() {
            assertThat(fromEnv().queueStore()).isEqualTo(QueueStoreSettings.POSTGRES);
            assertThat(fromEnv("MATCHWAVE_QUEUE_STORE", "Postgres").queueStore()).isEqualTo(QueueStoreSettings.POSTGRES);
        }

        @Test
        void aRedisUrl() {
            assertThat(fromEnv("MATCHWAVE_QUEUE_STORE", " redis://cache.local:6380 ").queueStore())
                    .isEqualTo(new QueueStoreSettings.Redis("cache.local", 6380, "matchwave:"));
        }

        @Test
        void anythingElseIsRefused() {
            assertThat(problemWith("MATCHWAVE_QUEUE_STORE", "mysql"))
                    .isEqualTo("setting MATCHWAVE_QUEUE_STORE (environment variable) = \"mysql\": neither postgres nor"
                            + " a redis:// URL; expected "
                            + Setting.QUEUE_STORE.expected());
            assertThat(problemWith("MATCHWAVE_QUEUE_STORE", "redis://cache.local"))
                    .startsWith("setting MATCHWAVE_QUEUE_STORE (environment variable) = \"redis://cache.local\":"
                            + " needs a host and a port");
        }
    }

    @Nested
    class GuildId {
        @Test
        void notAnId() {
            assertThat(problemWith("MATCHWAVE_GUILD_ID", "my-server"))
                    .isEqualTo("setting MATCHWAVE_GUILD_ID (environment variable) = \"my-server\": not a Discord id; "
                            + "expected " + Setting.GUILD_ID.expected());
        }
    }

    @Nested
    class HttpPort {
        @ParameterizedTest
        @ValueSource(strings = {"off", "OFF", "0"})
        void turnedOff(String value) {
            assertThat(fromEnv("MATCHWAVE_HTTP_PORT", value).httpPort()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"-1", "65536"})
        void outOfRange(String value) {
            assertThat(problemWith("MATCHWAVE_HTTP_PORT", value)).contains("MATCHWAVE_HTTP_PORT", "out of range",
                    "expected a TCP port from 1 to 65535", "0 or off");
        }

        @Test
        void notANumber() {
            assertThat(problemWith("MATCHWAVE_HTTP_PORT", "http")).contains("MATCHWAVE_HTTP_PORT", "not a port number");
        }
    }

    @Test
    void everyProblemIsReportedAtOnceEachOnOneLine() {
        List<String> problems = problemsWith("MATCHWAVE_WAVE_INTERVAL", "x", "MATCHWAVE_HTTP_PORT", "y",
                "MATCHWAVE_RULES", "line1\nline2");
        assertThat(problems).hasSize(3);
        assertThat(problems.get(0)).contains("MATCHWAVE_WAVE_INTERVAL");
        assertThat(problems.get(1)).contains("MATCHWAVE_RULES", "line1\\nline2");
        assertThat(problems.get(2)).contains("MATCHWAVE_HTTP_PORT");
    }

    @Nested
    class ConfigFile {
        @Test
        void fileValuesAndEnvironmentPrecedence() throws IOException {
            Path file = file("""
                    # a comment
                    discord.token = from.the.file
                    wave.interval = 20
                    admin.ids = 7, 8
                    http.port = off
                    """);
            BotConfig config = loader.load(List.of("--config", file.toString()),
                    env("MATCHWAVE_WAVE_INTERVAL", "60"));
            assertThat(config.discordToken()).hasValue("from.the.file");
            assertThat(config.waveInterval()).isEqualTo(Duration.ofSeconds(60));
            assertThat(config.adminIds()).containsExactlyInAnyOrder(7L, 8L);
            assertThat(config.httpPort()).isEmpty();
        }

        @Test
        void equalsFormAndEnvironmentVariable() throws IOException {
            Path file = file("rules = single\n");
            assertThat(loader.load(List.of("--config=" + file), env()).rules()).isEqualTo("single");
            assertThat(loader.load(List.of(), env("MATCHWAVE_CONFIG", file.toString())).rules()).isEqualTo("single");
        }

        @Test
        void theOptionWinsOverTheEnvironmentVariable() throws IOException {
            Path file = file("rules = single\n");
            BotConfig config = loader.load(List.of("--config", file.toString()),
                    env("MATCHWAVE_CONFIG", dir.resolve("missing.properties").toString()));
            assertThat(config.rules()).isEqualTo("single");
        }

        @Test
        void aBadValueInTheFileNamesTheKeyAndTheFile() throws IOException {
            Path file = file("wave.interval = soon\n");
            assertThatThrownBy(() -> loader.load(List.of("--config", file.toString()), env()))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("setting wave.interval (in " + file + ") = \"soon\": not a whole number of seconds; "
                            + "expected " + Setting.WAVE_INTERVAL.expected());
        }

        @Test
        void aMissingSettingNamesBothNamesWhenAFileIsUsed() throws IOException {
            Path file = file("db.user = ladder\n");
            assertThatThrownBy(() -> loader.load(List.of("--config", file.toString()), env()))
                    .hasMessageContaining("setting db.user (in " + file + ")")
                    .hasMessageContaining("needs MATCHWAVE_DB_URL / db.url");
        }

        @Test
        void unknownKeys() throws IOException {
            Path file = file("wave.intervall = 5\nDISCORD_TOKEN = x\n");
            assertThatThrownBy(() -> loader.load(List.of("--config", file.toString()), env()))
                    .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactly(
                            "unknown key 'DISCORD_TOKEN' in " + file + "; did you mean discord.token? "
                                    + "(the file uses keys, the environment uses DISCORD_TOKEN)",
                            "unknown key 'wave.intervall' in " + file + "; known keys: discord.token, discord.api-url, "
                                    + "discord.gateway-url, db.url, db.user, db.password, db.dir, queue.store, queue.no-show, admin.ids, "
                                    + "wave.interval, rules, guild.id, http.port, web.port, web.bind, web.publish-ids, ranks.roles"));
        }

        @Test
        void missingFile() {
            Path missing = dir.resolve("nope.properties");
            assertThatThrownBy(() -> loader.load(List.of(), env("MATCHWAVE_CONFIG", missing.toString())))
                    .hasMessage("configuration file " + missing + " (from environment variable MATCHWAVE_CONFIG) "
                            + "does not exist; expected a readable properties file");
        }

        @Test
        void malformedEscape() throws IOException {
            Path file = file("rules = \\uZZZZ\n");
            assertThatThrownBy(() -> loader.load(List.of("--config", file.toString()), env()))
                    .hasMessageStartingWith("configuration file " + file).hasMessageContaining("not a valid properties file");
        }

        @Test
        void notUtf8() throws IOException {
            Path file = dir.resolve("latin1.properties");
            Files.write(file, new byte[] {'r', 'u', 'l', 'e', 's', '=', (byte) 0xE9, '\n'});
            assertThatThrownBy(() -> loader.load(List.of("--config", file.toString()), env()))
                    .hasMessageContaining("is not UTF-8 text");
        }

        @Test
        void directoryInsteadOfFile() {
            assertThatThrownBy(() -> loader.load(List.of("--config", dir.toString()), env()))
                    .hasMessageContaining("cannot be read");
        }
    }

    @Nested
    class Arguments {
        @Test
        void configWithoutValue() {
            assertThatThrownBy(() -> loader.load(List.of("--config"), env()))
                    .hasMessage("option --config needs a value; expected --config FILE, a properties file");
            assertThatThrownBy(() -> loader.load(List.of("--config="), env()))
                    .hasMessageContaining("option --config needs a value");
        }

        @Test
        void unknownArgument() {
            assertThatThrownBy(() -> loader.load(List.of("--token", "x"), env()))
                    .hasMessageStartingWith("unknown argument '--token'");
        }

        @Test
        void extraArgument() {
            assertThatThrownBy(() -> loader.load(List.of("--config", "a", "b"), env()))
                    .hasMessage("unexpected argument 'b' after --config a; expected nothing more");
        }
    }

    @Test
    void theRecordChecksItsInvariantsToo() {
        BotConfig d = BotConfig.defaults();
        assertThatThrownBy(() -> new BotConfig(d.discordToken(), d.discordApiUrl(), d.discordGatewayUrl(), d.database(),
                d.adminIds(), Duration.ofMillis(1500), d.rules(), d.guildId(), d.httpPort()))
                .hasMessageStartingWith("waveInterval must be whole seconds");
        assertThatThrownBy(() -> new BotConfig(d.discordToken(), Optional.of(URI.create("http://x/")),
                Optional.empty(), d.database(), d.adminIds(), d.waveInterval(), d.rules(), d.guildId(), d.httpPort()))
                .hasMessageContaining("discordApiUrl and discordGatewayUrl go together");
        assertThatThrownBy(() -> new BotConfig(d.discordToken(), d.discordApiUrl(), d.discordGatewayUrl(), d.database(),
                Set.of(0L), d.waveInterval(), d.rules(), d.guildId(), d.httpPort()))
                .hasMessageStartingWith("adminIds must be positive");
        assertThatThrownBy(() -> new DatabaseSettings.Server("jdbc:h2:mem", Optional.empty(), Optional.empty()))
                .hasMessageStartingWith("jdbcUrl must start with jdbc:postgresql:");
    }
}
