package dev.matchwave.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code matchwave roles}: its options; a run itself is RankRolesTest's business (end to end). */
class RolesCommandTest {

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = new String[args.length + 1];
        all[0] = "roles";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = new Main().run(all, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpNamesTheOptions() {
        Result result = run("--help");
        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("--players N", "--role-bucket N/S", "default 10/1");
    }

    @Test
    void badOptionsAreNamed() {
        assertThat(run("--players", "1").err()).contains("--players must be from 2 to 50000, got 1");
        assertThat(run("--players", "many").err()).contains("--players must be a whole number, got 'many'");
        assertThat(run("--role-bucket", "ten").err()).contains("--role-bucket must be N/S");
        assertThat(run("--players").err()).contains("--players needs a value");
        assertThat(run("--fast", "1").code()).isEqualTo(2);
    }
}
