package dev.matchwave.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The core modules' {@code module-info.java} exports every package they have: all of their
 * packages are API, so a package added without its export would be invisible to a bot that
 * uses the module path (the tests run on the class path and would not notice).
 */
class ModuleExportsTest {

    private static final Pattern EXPORT = Pattern.compile("^\\s*exports\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

    @ParameterizedTest
    @ValueSource(strings = {"matchmaking-core", "notification-core"})
    void everyPackageOfACoreModuleIsExported(String module) throws IOException {
        Path sources = repositoryRoot().resolve(module).resolve("src/main/java");
        Set<String> packages = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("module-info.java"))
                    .forEach(f -> packages.add(sources.relativize(f.getParent()).toString().replace('/', '.')));
        }
        Set<String> exported = new TreeSet<>();
        Matcher m = EXPORT.matcher(Files.readString(sources.resolve("module-info.java")));
        while (m.find()) {
            exported.add(m.group(1));
        }
        assertThat(exported).as("the exports of %s/src/main/java/module-info.java", module)
                .containsExactlyElementsOf(List.copyOf(packages));
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("mvnw"))) {
                return d;
            }
        }
        throw new IllegalStateException("no mvnw above " + dir + ": not run inside the repository");
    }
}
