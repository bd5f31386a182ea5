package dev.matchwave.emulator.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the example of docs/testing.md and checks the doc quotes it word for word. */
class EmulatorExampleTest {

    static final Path SOURCE = Path.of("src/test/java/dev/matchwave/emulator/example/EmulatorExample.java");
    static final Path DOC = Path.of("../docs/testing.md");

    @Test
    void theExampleTestsABotOnPlainJda() throws InterruptedException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        EmulatorExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        // Login, command registration, two interaction callbacks.
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "Hello, Bob! Wave back",
                "alice waved back, buttons left: 0",
                "4 requests, 0 answered 429");
    }

    @Test
    void theDocQuotesTheExampleWordForWordWithItsOutput() throws IOException {
        List<String> lines = Files.readAllLines(SOURCE);
        int from = lines.indexOf("        // tag::example[]");
        int to = lines.indexOf("        // end::example[]");
        assertThat(from).isNotNegative();
        assertThat(to).isGreaterThan(from);
        String quoted = String.join("\n", lines.subList(from + 1, to).stream()
                .map(line -> line.startsWith("        ") ? line.substring(8) : line.strip()).toList());
        String doc = Files.readString(DOC);
        assertThat(doc).contains("```java\n" + quoted + "\n```");
        assertThat(doc).contains("discord-emulator/src/test/java/dev/matchwave/emulator/example/EmulatorExample.java");
        assertThat(doc).contains("alice waved back, buttons left: 0");
    }
}
