package dev.matchwave.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How {@code matchwave} chooses between the bot and the offline demo, and the demo's bad options. */
class DemoCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int main(Map<String, String> environment, String... args) {
        return new Main(environment).run(args, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void withoutATokenAndWithoutArgumentsItRunsTheDemo() {
        // A bad option stops the demo before it starts anything: the choice is seen, nothing runs.
        int code = main(Map.of(), "--players", "1");
        assertThat(code).isEqualTo(Main.USAGE);
        assertThat(err().lines()).containsExactly(
                "matchwave: no DISCORD_TOKEN: running the offline demo (matchwave --help lists the other commands)",
                "matchwave demo: --players must be from 2 to 2000, got 1");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void withATokenItRunsTheBot() {
        int code = main(Map.of("DISCORD_TOKEN", "a.token.here"), "--check");
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("matchwave bot: settings ok:");
        assertThat(err()).doesNotContain("offline demo");
    }

    @Test
    void badDemoOptionsAreOneLineAndExitTwo() {
        assertThat(main(Map.of(), "demo", "--waves", "soon")).isEqualTo(Main.USAGE);
        assertThat(err().lines()).containsExactly("matchwave demo: --waves must be a whole number, got 'soon'");
    }

    @Test
    void demoHelpListsItsOptions() {
        assertThat(main(Map.of(), "demo", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: matchwave demo").contains("--json");
    }
}
