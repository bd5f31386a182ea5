package dev.matchwave.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * notification-core is JDK only, and takes from matchmaking-core nothing but {@code PlayerId}
 * and the time package (the match lifecycle there is not its business).
 */
class DependencyRulesTest {

    @Test
    void mainCodeImportsOnlyTheJdkJspecifyPlayerIdAndTime() throws IOException {
        List<String> offending = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (line.startsWith("import ") && !allowed(line)) {
                        offending.add(file.getFileName() + ": " + line);
                    }
                }
            }
        }

        assertThat(offending).isEmpty();
    }

    private static boolean allowed(String importLine) {
        String name = importLine.replace("import static ", "").replace("import ", "").replace(";", "").trim();
        return name.startsWith("java.")
                || name.startsWith("org.jspecify.annotations.")
                || name.startsWith("dev.matchwave.notification.")
                || name.equals("dev.matchwave.matchmaking.PlayerId")
                || name.startsWith("dev.matchwave.matchmaking.time.");
    }
}
