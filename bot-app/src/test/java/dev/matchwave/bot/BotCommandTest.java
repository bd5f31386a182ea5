package dev.matchwave.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BotCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> environment, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "bot";
        System.arraycopy(args, 0, all, 1, args.length);
        return new Main(environment).run(all, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void badSettingsAreNamedOneLineEachAtStart() {
        int code = run(Map.of("MATCHWAVE_WAVE_INTERVAL", "soon", "MATCHWAVE_HTTP_PORT", "99999"), "--check");
        assertThat(code).isEqualTo(Main.USAGE);
        assertThat(err().lines()).containsExactly(
                "matchwave bot: setting MATCHWAVE_WAVE_INTERVAL (environment variable) = \"soon\": not a whole number "
                        + "of seconds; expected a whole number of seconds from 1 to 3600 (default 45)",
                "matchwave bot: setting MATCHWAVE_HTTP_PORT (environment variable) = \"99999\": out of range; expected "
                        + "a TCP port from 1 to 65535 for /health and /metrics on localhost, or 0 or off to turn it off "
                        + "(default 8090)");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void checkPrintsTheSettingsWithoutSecrets() {
        int code = run(Map.of("DISCORD_TOKEN", "secret.token.here"), "--check");
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("matchwave bot: settings ok: BotConfig[")
                .doesNotContain("secret.token.here");
    }

    @Test
    void withoutATokenItSaysSo() {
        assertThat(run(Map.of())).isEqualTo(1);
        assertThat(err()).contains("no DISCORD_TOKEN set");
    }

    @Test
    void unknownArgumentsAreUsageErrors() {
        assertThat(run(Map.of(), "--token", "x")).isEqualTo(Main.USAGE);
        assertThat(err()).startsWith("matchwave bot: unknown argument '--token'");
    }

    @Test
    void theConfigFileComesFromTheOptionElseFromTheEnvironment(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("missing.properties");
        assertThat(run(Map.of(), "--check", "--config", missing.toString())).isEqualTo(Main.USAGE);
        assertThat(err()).contains("(from option --config) does not exist");

        Path file = Files.writeString(dir.resolve("bot.properties"), "rules = single\n");
        assertThat(run(Map.of("MATCHWAVE_CONFIG", file.toString()), "--check")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("rules=single");
    }

    @Test
    void help() {
        assertThat(run(Map.of(), "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: matchwave bot");
    }
}
