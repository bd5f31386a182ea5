package dev.matchwave.matchmaking.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Runs the example of docs/queue-and-waves.md and checks the doc quotes it as it is. */
class EmbeddingExampleTest {

    static final Path SOURCE = Path.of("src/test/java/dev/matchwave/matchmaking/queue/EmbeddingExample.java");
    static final Path DOC = Path.of("../docs/queue-and-waves.md");

    @Test
    void theExamplePairsThePlayersAtTheFirstAlignedWave() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        EmbeddingExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "13: You are banned.",
                "wave 1 at 2023-11-14T22:13:30Z: 1 vs 3, 2 vs 4; 1 still queued",
                "queued 1, matches in progress 2, next wave at 2023-11-14T22:14:00Z",
                "1 is FREE, 5 is QUEUED");
    }

    @Test
    void theDocQuotesTheExampleWordForWordWithItsOutput() throws IOException {
        List<String> lines = Files.readAllLines(SOURCE);
        int from = lines.indexOf("    // tag::embed[]");
        int to = lines.indexOf("    // end::embed[]");
        assertThat(from).isNotNegative();
        assertThat(to).isGreaterThan(from);
        String quoted = String.join("\n", lines.subList(from + 1, to).stream().map(EmbeddingExampleTest::dedent).toList());
        String doc = Files.readString(DOC);

        assertThat(doc).contains("```java\n" + quoted + "\n```");
        assertThat(doc).contains("matchmaking-core/src/test/java/dev/matchwave/matchmaking/queue/EmbeddingExample.java");
        for (String output : Arrays.asList("13: You are banned.", "wave 1 at 2023-11-14T22:13:30Z: 1 vs 3, 2 vs 4; 1 still queued")) {
            assertThat(doc).contains(output);
        }
    }

    private static String dedent(String line) {
        return line.startsWith("    ") ? line.substring(4) : line.strip();
    }
}
